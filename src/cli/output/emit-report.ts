import path from 'node:path';
import { renderReport, type ReportFormat } from '../../diagnostics/render-report.js';
import type { Report } from '../../diagnostics/report.js';
import { describeError } from '../inputs/read-input.js';
import type { Terminal } from './terminal.js';
import { writeFileAtomic } from './write-file-atomic.js';

export interface ReportOptions {
  report: ReportFormat;
  reportFile?: string;
}

/**
 * The terminal of an app of a run over several: the run takes the app's report, to print it in its turn or to make
 * one report of every app's (see combinesReports).
 */
export interface KeepsReports {
  keepReport(report: Report): void;
}

/**
 * Writes a report where the options say: to --report-file, else the text report to standard error and the
 * machine-readable ones to standard output. In a run over several apps, hands it to the run instead. Returns false
 * when the report file cannot be written.
 */
export function emitReport(report: Report, options: ReportOptions, terminal: Terminal & Partial<KeepsReports>): boolean {
  if (terminal.keepReport) {
    terminal.keepReport(report);
    return true;
  }
  if (options.reportFile !== undefined)
    return writeReportFile(renderReport(report, options.report, { toolVersion: terminal.toolVersion }), options.reportFile, terminal);
  const [stream, text] = renderForTerminal(report, options, terminal);
  (stream === 1 ? terminal.stdout : terminal.stderr)(text);
  return true;
}

/** A report as printed without --report-file: on which stream (1 standard output, 2 standard error), and the text. */
export function renderForTerminal(report: Report, options: ReportOptions, terminal: Pick<Terminal, 'colorOnStderr' | 'toolVersion'>): [1 | 2, string] {
  const text = options.report === 'text';
  return [text ? 2 : 1, renderReport(report, options.report, { color: text && terminal.colorOnStderr, toolVersion: terminal.toolVersion })];
}

/** Writes a rendered report to --report-file; false (having said why) when it cannot. */
export function writeReportFile(rendered: string, reportFile: string, terminal: Terminal): boolean {
  try {
    writeFileAtomic(path.resolve(terminal.cwd, reportFile), rendered);
  } catch (error) {
    terminal.stderr(`Cannot write the report to ${reportFile}: ${describeError(error)}\n`);
    return false;
  }
  return true;
}

/** Whether the report takes standard output (so that the converted file cannot). */
export function reportUsesStdout(options: ReportOptions): boolean {
  return options.report !== 'text' && options.reportFile === undefined;
}

/**
 * In a run over several apps, whether the apps' reports make one report, written at the end: with --report-file
 * (one file for the run), and in the formats made for many files (JSON, SARIF, JUnit). Otherwise (text and GitHub
 * workflow commands, on the terminal) each app's report is printed in its turn.
 */
export function combinesReports(options: ReportOptions): boolean {
  return options.reportFile !== undefined || (options.report !== 'text' && options.report !== 'github');
}
