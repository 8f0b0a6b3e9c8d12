import path from 'node:path';
import { readDartOutputs } from '../../outputs/dart-outputs.js';
import { EXIT } from '../output/exit-codes.js';
import { reportInternalFault } from '../output/internal-fault.js';
import type { DebugArguments, ReportArguments } from '../options/shared-options.js';
import { describeError } from '../inputs/read-input.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Report } from '../../diagnostics/report.js';
import { combinesReports, renderForTerminal, reportUsesStdout, type KeepsReports, type ReportOptions } from '../output/emit-report.js';
import type { Terminal } from '../output/terminal.js';
import { WriteBatch } from '../output/write-file-atomic.js';

/** What one app of a run over several printed (in order, on which stream), its exit code, and its findings. */
export interface AppOutcome {
  code: number;
  /** 1 for standard output, 2 for standard error, in the order written. */
  writes: [1 | 2, string][];
  severities: { error: number; warning: number; info: number };
  /** The app's report, when the run makes one report of every app's (see combinesReports). */
  report?: Report;
  /** Then, for an app that failed (exit code 2 or 3), why: see failureOf. */
  failure?: string;
}

/** What a run over several apps reads of a command's arguments. */
export interface BatchAppArguments extends DebugArguments, Partial<ReportArguments> {
  /** convert --dry-run: each app's result is printed, as one line of JSON Lines (see runBuffered). */
  dryRun?: boolean;
}

/** One app of a batch: its input, and the file it writes when the batch worked that out (to group apps by it). */
export interface BatchItem {
  input: string;
  output?: string;
}

/** What an app of a batch is handed besides its terminal: where its output file and its findings go. */
export interface AppInBatch {
  /** The outputs of the apps of a chunk are written together (see WriteBatch), not one by one. */
  writes: WriteBatch;
  /** Takes every report's findings, for the summary of the batch. */
  tally(diagnostics: readonly Diagnostic[]): void;
  /** In `check --update-baseline` over many apps: takes each app's findings, for one baseline with them all. */
  acceptFindings?: (diagnostics: readonly Diagnostic[]) => void;
}

/** Runs a command for one app of a batch. */
export type RunOne<A> = (args: A, item: BatchItem, terminal: Terminal, batch: AppInBatch) => number;

/** What a terminal that only collects needs of the real one. */
export type TerminalSettings = Pick<Terminal, 'cwd' | 'colorOnStderr' | 'toolVersion'>;

/** Takes the findings of each app (see AppInBatch), on the thread that runs them. */
export type AcceptFindings = AppInBatch['acceptFindings'];

/** The report options of a batch's arguments: text unless they say otherwise. */
function reportOptionsOf(args: BatchAppArguments): ReportOptions {
  return { report: args.report ?? 'text', reportFile: args.reportFile };
}

/**
 * Runs one app with a terminal that keeps what it prints, so that apps run anywhere (on this thread or another)
 * are printed in the order of the batch. A bug met in one app is that app's internal fault; the others still run.
 *
 * The app's report is printed in its place, or kept for the report of the whole run (see combinesReports). In a dry
 * run, what the app prints on standard output is its result, which becomes one line of JSON Lines:
 * `{"input": ..., "output": ..., "outputs": {...}}`, `outputs` being null when the app could not be converted (its
 * report says why), and the text of a file that is not JSON; the result goes there only when the report does not
 * (as for one app).
 */
export function runBuffered<A extends BatchAppArguments>(
  runOne: RunOne<A>,
  args: A,
  item: BatchItem,
  settings: TerminalSettings,
  writeBatch: WriteBatch,
  acceptFindings?: AcceptFindings,
): AppOutcome {
  const writes: AppOutcome['writes'] = [];
  const severities = { error: 0, warning: 0, info: 0 };
  const reportOptions = reportOptionsOf(args);
  const combine = combinesReports(reportOptions);
  const printsResult = args.dryRun === true && !reportUsesStdout(reportOptions);
  let kept: Report | undefined;
  let seen: Report | undefined;
  // Where the report came among what the app printed.
  let reportAt = 0;
  let result = '';
  const terminal: Terminal & KeepsReports = {
    cwd: settings.cwd,
    colorOnStderr: settings.colorOnStderr,
    toolVersion: settings.toolVersion,
    interactive: false,
    stdout: (text) => {
      if (printsResult) result += text;
      else writes.push([1, text]);
    },
    stderr: (text) => writes.push([2, text]),
    keepReport: (report) => {
      // One report an app: a second would have nowhere to go in the report of the run.
      if (seen) throw new Error(`${item.input} gave a second report.`);
      seen = report;
      reportAt = writes.length;
      if (combine) kept = report;
      else writes.push(renderForTerminal(report, reportOptions, settings));
    },
  };
  const batch: AppInBatch = {
    writes: writeBatch,
    tally: (diagnostics) => {
      for (const diagnostic of diagnostics) severities[diagnostic.severity]++;
    },
    acceptFindings,
  };
  let code: number;
  try {
    code = runOne(args, item, terminal, batch);
  } catch (error) {
    code = reportInternalFault((text) => writes.push([2, text]), error, args.debug);
  }
  if (printsResult) {
    const output = seen?.output ?? (item.output !== undefined ? path.relative(settings.cwd, path.resolve(settings.cwd, item.output)) : null);
    const line = { input: seen?.input ?? item.input, output, outputs: result === '' ? null : asData(result) };
    writes.push([1, `${JSON.stringify(line)}\n`]);
  }
  const outcome: AppOutcome = { code, writes, severities };
  if (kept) outcome.report = kept;
  if (combine && code !== EXIT.OK && code !== EXIT.FINDINGS) outcome.failure = failureOf(writes, seen ? reportAt : undefined);
  return outcome;
}

/** A result as data: the amplify_outputs object (of the JSON a Dart file holds, too), or else the text itself. */
function asData(text: string): unknown {
  const dart = readDartOutputs(text);
  try {
    return JSON.parse(dart.ok ? dart.json : text) as unknown;
  } catch {
    return text;
  }
}

/**
 * Why an app failed, for the report of the run: what it said on standard error after its report (the report itself
 * may say why, and then this is empty), or without a report, the last thing it said (what it said before is a
 * notice, such as the file it found).
 */
function failureOf(writes: AppOutcome['writes'], reportAt: number | undefined): string {
  const said = writes.filter(([stream], index) => stream === 2 && index >= (reportAt ?? 0)).map(([, text]) => text);
  return (reportAt === undefined ? (said[said.length - 1] ?? '') : said.join('')).trim();
}

/**
 * Runs a chunk of a batch's apps in order, their outputs written together at the end (WriteBatch), and returns
 * their outcomes. A write that fails at that point is reported by its app, whose exit code becomes a usage error.
 * The apps run before this returns; the promise settles once their outputs are on disk, which the thread need not
 * wait for to run the next chunk.
 */
export async function runChunk<A extends BatchAppArguments>(
  runOne: RunOne<A>,
  args: A,
  items: readonly BatchItem[],
  settings: TerminalSettings,
  acceptFindings?: AcceptFindings,
): Promise<AppOutcome[]> {
  const writeBatch = new WriteBatch();
  const outcomes = items.map((item, position) => {
    writeBatch.owner = position;
    return runBuffered(runOne, args, item, settings, writeBatch, acceptFindings);
  });
  await writeBatch.commitInBackground();
  for (const failure of writeBatch.failures) {
    const outcome = outcomes[failure.owner]!;
    const message = `Cannot write ${failure.display}: ${describeError(failure.error)}`;
    outcome.writes.push([2, `${message}\n`]);
    outcome.code = Math.max(outcome.code, EXIT.USAGE);
    if (combinesReports(reportOptionsOf(args))) outcome.failure = outcome.failure ? `${outcome.failure}\n${message}` : message;
  }
  return outcomes;
}
