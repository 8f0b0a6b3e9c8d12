import { categoryTitle } from '../mapping/tables.js';
import { DIAGNOSTIC_CODES, type Severity } from './codes.js';
import type { Diagnostic } from './diagnostic.js';
import { countBySeverity, countOf, describeCounts, type Report } from './report.js';

export interface TextRenderOptions {
  /** Use ANSI colours (the CLI decides from the TTY and NO_COLOR). */
  color?: boolean;
}

const COLORS = { red: 31, yellow: 33, blue: 34, dim: 2, bold: 1 } as const;
const SEVERITY_COLOR: Record<Severity, keyof typeof COLORS> = { error: 'red', warning: 'yellow', info: 'blue' };

/** The human report: findings grouped by category, each with its location, code, message and resolution. */
export function renderText(report: Report, options: TextRenderOptions = {}): string {
  const paint = (color: keyof typeof COLORS, text: string): string => (options.color ? `\u001b[${COLORS[color]}m${text}\u001b[0m` : text);
  const lines: string[] = [];
  if (report.input) {
    const detail = [report.format, report.version ? `amplify_outputs.json version ${report.version}` : undefined].filter(Boolean).join(' -> ');
    lines.push(`${paint('bold', report.input)}${detail ? paint('dim', ` (${detail})`) : ''}`);
  }
  const groups = new Map<string, Diagnostic[]>();
  for (const diagnostic of report.diagnostics) {
    const group = groups.get(diagnostic.category) ?? [];
    group.push(diagnostic);
    groups.set(diagnostic.category, group);
  }
  for (const [category, diagnostics] of groups) {
    lines.push('', paint('bold', heading(category)));
    for (const diagnostic of diagnostics) {
      const where = location(diagnostic);
      const label = paint(SEVERITY_COLOR[diagnostic.severity], diagnostic.severity.padEnd(7));
      lines.push(`  ${label} ${where ? `${where} ` : ''}${paint('dim', `${diagnostic.code} ${DIAGNOSTIC_CODES[diagnostic.code].title}`)}`);
      lines.push(`          ${diagnostic.message}`);
      if (diagnostic.source.pointer)
        lines.push(paint('dim', `          at ${diagnostic.source.pointer}${diagnostic.target ? ` -> ${diagnostic.target}` : ''}`));
      lines.push(`          ${paint('dim', 'fix:')} ${diagnostic.resolution}`);
    }
  }
  if (report.changes !== undefined && report.changes.length > 0) {
    lines.push('', paint('bold', report.dryRun ? 'Would change' : report.written ? 'Changed' : 'Not changed'));
    for (const { file, change } of report.changes) lines.push(`  ${change.padEnd(7)} ${file}`);
  }
  const counts = countBySeverity(report.diagnostics);
  const summary = describeCounts(counts);
  const outcome =
    report.changes !== undefined
      ? migrationOutcome(report)
      : report.dryRun
        ? `Dry run, ${report.output ?? 'amplify_outputs.json'} not written`
        : report.output === '-'
          ? 'Printed amplify_outputs.json'
          : report.output
            ? report.written
              ? report.unchanged
                ? `${report.output} is up to date`
                : `Wrote ${report.output}`
              : `Did not write ${report.output}`
            : report.checked
              ? `Checked ${report.checked}`
              : 'Not converted';
  lines.push('', `${outcome}: ${summary}.`);
  return `${lines.join('\n').replace(/^\n/, '')}\n`;
}

/** What a migration did, in the closing line. */
function migrationOutcome(report: Report): string {
  const count = countOf(report.changes!.length, 'file');
  if (report.changes!.length === 0) return 'Nothing to change';
  return report.dryRun ? `Dry run, ${count} to change, none written` : report.written ? `Changed ${count}` : 'Refused, nothing changed';
}

/** The heading of a category: its title in the mapping tables. */
function heading(category: string): string {
  if (category === 'file') return 'File';
  if (category === 'outputs') return 'Committed amplify_outputs.json';
  if (category === 'sources') return 'Other Gen1 sources';
  if (category === 'code') return 'App code and project files';
  return categoryTitle(category) ?? category;
}

function location(diagnostic: Diagnostic): string {
  const { file, line, column } = diagnostic.source;
  if (line === undefined) return file ?? '';
  return `${file ?? ''}:${line}:${column ?? 1}`;
}
