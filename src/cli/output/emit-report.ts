import path from 'node:path';
import { renderReport, type ReportFormat } from '../../diagnostics/render-report.js';
import type { Report } from '../../diagnostics/report.js';
import { describeError } from '../inputs/read-input.js';
import type { Terminal } from './terminal.js';
import { writeFileAtomic } from './write-file-atomic.js';

/**
 * Writes a report where the options say: to --report-file, else the text report to standard error and the
 * machine-readable ones to standard output. Returns false when the report file cannot be written.
 */
export function emitReport(report: Report, options: { report: ReportFormat; reportFile?: string }, terminal: Terminal): boolean {
  const rendered = renderReport(report, options.report, {
    color: options.report === 'text' && options.reportFile === undefined && terminal.colorOnStderr,
    toolVersion: terminal.toolVersion,
  });
  if (options.reportFile !== undefined) {
    try {
      writeFileAtomic(path.resolve(terminal.cwd, options.reportFile), rendered);
    } catch (error) {
      terminal.stderr(`Cannot write the report to ${options.reportFile}: ${describeError(error)}\n`);
      return false;
    }
  } else if (options.report === 'text') {
    terminal.stderr(rendered);
  } else {
    terminal.stdout(rendered);
  }
  return true;
}

/** Whether the report takes standard output (so that the converted file cannot). */
export function reportUsesStdout(options: { report: ReportFormat; reportFile?: string }): boolean {
  return options.report !== 'text' && options.reportFile === undefined;
}
