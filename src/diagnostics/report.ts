import type { Diagnostic } from './diagnostic.js';
import type { Severity } from './codes.js';

/** What a conversion reports: the input, the result, and the findings. Renderers take this and nothing else. */
export interface Report {
  /** The input file, as the user named it. */
  input?: string;
  /** The app the input belongs to: its root, as the command line shows it. */
  app?: string;
  /** The app's platform (web, ios, android, flutter), as the command line read it. */
  platform?: string;
  /** Where the outputs went (a path, "-" for standard output), if anywhere. */
  output?: string;
  format?: string;
  version?: string;
  /** Whether the outputs were written (or already held exactly this: see unchanged). */
  written?: boolean;
  /** The file already held exactly the result, so it was left as it was. */
  unchanged?: boolean;
  /** A dry run: nothing was meant to be written. */
  dryRun?: boolean;
  /** check: the committed amplify_outputs.json the conversion was compared with. */
  checked?: string;
  /** migrate: every file created or changed (or, in a dry run, that would be), the outputs file first. */
  changes?: FileChange[];
  diagnostics: Diagnostic[];
}

/** A file a migration creates or changes, as the command line shows its path. */
export interface FileChange {
  file: string;
  change: 'created' | 'changed';
}

/** A number with its noun, in the plural where it is not one: "1 error", "2 apps". */
export function countOf(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** A count by severity in words, as summaries print it: "1 error, 2 warnings, 3 info". */
export function describeCounts(counts: Record<Severity, number>): string {
  return `${countOf(counts.error, 'error')}, ${countOf(counts.warning, 'warning')}, ${counts.info} info`;
}

export function countBySeverity(diagnostics: readonly Diagnostic[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const diagnostic of diagnostics) counts[diagnostic.severity]++;
  return counts;
}

/** One app of a run over several, in the report of the whole run. */
export interface AppReport {
  /** The app as the run named it: an input given, or the folder of an app found. */
  app: string;
  /** The app's exit code. */
  exitCode: number;
  /** Its report; absent when it stopped before it had one (an input that cannot be read, for example). */
  report?: Report;
  /**
   * For an app that failed (exit code 2 or 3): why, as it said it on standard error; empty when its report says why
   * (the file does not parse, for example).
   */
  failure?: string;
}

/** The report of a run over several apps: each app in the order of the run, and the run's summary. */
export interface BatchReport {
  apps: AppReport[];
  /** Apps with nothing to act on, apps with findings, apps that failed (as the summary line counts them). */
  counts: { clean: number; findings: number; failed: number };
}

/** The findings of every app of a run, by severity. */
export function countBatchBySeverity(batch: BatchReport): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const app of batch.apps) for (const diagnostic of app.report?.diagnostics ?? []) counts[diagnostic.severity]++;
  return counts;
}

/** Why an app failed, in words: what it said, else its exit code (and, with a report, that its findings say why). */
export function failureText(app: AppReport): string {
  return app.failure || `Exit code ${app.exitCode}.${app.report ? ' Its findings say why.' : ''}`;
}
