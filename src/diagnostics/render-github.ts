import { DIAGNOSTIC_CODES } from './codes.js';
import type { Report } from './report.js';

/**
 * GitHub Actions workflow commands (`::error file=...,line=...,col=...,title=...::message`), one per finding, so
 * that findings show on the pull request's diff. Values are escaped as the runner requires.
 */
export function renderGithub(report: Report): string {
  const lines = report.diagnostics.map((diagnostic) => {
    const command = diagnostic.severity === 'error' ? 'error' : diagnostic.severity === 'warning' ? 'warning' : 'notice';
    const properties: string[] = [];
    const file = diagnostic.source.file ?? report.input;
    if (file !== undefined) properties.push(`file=${escapeProperty(file)}`);
    if (diagnostic.source.line !== undefined) properties.push(`line=${diagnostic.source.line}`);
    if (diagnostic.source.column !== undefined) properties.push(`col=${diagnostic.source.column}`);
    properties.push(`title=${escapeProperty(`${diagnostic.code}: ${DIAGNOSTIC_CODES[diagnostic.code].title}`)}`);
    const at = diagnostic.source.pointer ? ` (at ${diagnostic.source.pointer})` : '';
    return `::${command} ${properties.join(',')}::${escapeData(`${diagnostic.message}${at}\nFix: ${diagnostic.resolution}`)}`;
  });
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

/** The message part: %, CR and LF are encoded. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value: as data, and also : and , which separate properties. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
