import { DIAGNOSTIC_CODES } from './codes.js';
import type { Report } from './report.js';

/** JUnit XML: the input is a test suite, each finding a test case; errors and warnings fail, infos pass. */
export function renderJunit(report: Report): string {
  const name = report.input ?? 'amplify-outputs-migrate';
  const failures = report.diagnostics.filter((diagnostic) => diagnostic.severity !== 'info').length;
  const cases = report.diagnostics.map((diagnostic) => {
    const where = `${diagnostic.source.file ?? name}${diagnostic.source.line !== undefined ? `:${diagnostic.source.line}:${diagnostic.source.column ?? 1}` : ''}`;
    const caseName = `${diagnostic.code} ${diagnostic.source.pointer || '(file)'}`;
    const body = `${diagnostic.message}\nFix: ${diagnostic.resolution}\nAt: ${where}`;
    const failure =
      diagnostic.severity === 'info'
        ? `\n      <system-out>${xml(body)}</system-out>\n    `
        : `\n      <failure type="${diagnostic.severity}" message="${xml(DIAGNOSTIC_CODES[diagnostic.code].title)}">${xml(body)}</failure>\n    `;
    return `    <testcase classname="${xml(`amplify-outputs-migrate.${diagnostic.category}`)}" name="${xml(caseName)}">${failure}</testcase>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites tests="${report.diagnostics.length}" failures="${failures}">`,
    `  <testsuite name="${xml(name)}" tests="${report.diagnostics.length}" failures="${failures}" errors="0" skipped="0">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

function xml(text: string): string {
  return (
    text
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      // biome-ignore lint/suspicious/noControlCharactersInRegex: XML 1.0 cannot hold these characters, so they are removed.
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
  );
}
