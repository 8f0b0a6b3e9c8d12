import os from 'node:os';
import type { Platform } from '../../platforms.js';
import path from 'node:path';
import { renderBatchReport } from '../../diagnostics/render-batch-report.js';
import { countOf, describeCounts, type AppReport } from '../../diagnostics/report.js';
import type { BatchArguments, ReportArguments } from '../options/shared-options.js';
import { runChunk, type AcceptFindings, type AppOutcome, type BatchAppArguments, type BatchItem, type RunOne } from './run-chunk.js';
import { combinesReports, writeReportFile } from '../output/emit-report.js';
import { EXIT } from '../output/exit-codes.js';
import { reportInternalFault } from '../output/internal-fault.js';
import { expandInputs, isGlob } from '../inputs/expand-inputs.js';
import { findApps } from '../inputs/find-apps.js';
import { modelContext } from '../inputs/resolve-source.js';
import type { Terminal } from '../output/terminal.js';
import { runOnThreads, type BatchCommand, type Threads } from './worker-threads.js';

export interface BatchRunArguments extends BatchArguments, Omit<BatchAppArguments, keyof ReportArguments>, ReportArguments {
  input?: string;
  platform?: Platform;
}

/** Whether a command names several apps: --recursive, more than one input, or a glob. */
export function runsOverSeveral(args: BatchRunArguments): boolean {
  return args.recursive === true || (args.more?.length ?? 0) > 0 || (args.input !== undefined && isGlob(args.input));
}

/** How a command runs over several apps. */
export interface Batch<A> {
  command: BatchCommand;
  runOne: RunOne<A>;
  /** The file an app writes: apps that write the same one run in order, in one chunk (and so on one thread). */
  writesTo?: (input: string) => string | undefined;
  /** False when every app writes one shared file (a baseline): then they run one after another. */
  parallel: boolean;
  /** Takes each app's findings (check --update-baseline); only for a batch that is not parallel. */
  acceptFindings?: AcceptFindings;
}

/**
 * From this many apps on, a batch is shared out among this thread and worker threads, one per core in all, unless
 * --jobs says otherwise. Below it, a worker's start and warm-up (it compiles the code again) cost more than it saves;
 * about there, one thread and two take as long.
 */
export const PARALLEL_FROM = 2_000;
const MAX_JOBS = 8;

/**
 * An input as a path relative to the current folder. A glob's matches mostly are that already (a plain relative
 * path, normalized), which is cheaper to see than to work out for each of thousands.
 */
function relativeToFolder(item: string, cwd: string): string {
  if (!path.isAbsolute(item) && !item.startsWith('..') && !item.endsWith('/') && path.normalize(item) === item) return item;
  return path.relative(cwd, path.resolve(cwd, item)) || '.';
}

/**
 * Runs a command once per app of a repository (each next to its own Gen1 file), in a stable order, with a progress
 * line on a terminal (not in CI, not with --quiet) and a summary at the end. The exit code is the worst one. Large
 * batches run on worker threads; what each app prints comes out in the same order either way. The apps' reports
 * are printed in turn (text, GitHub) or make one report, written once every app is done (see combinesReports).
 */
export async function runBatch<A extends BatchRunArguments>(args: A, terminal: Terminal, batch: Batch<A>, threads: Threads): Promise<number> {
  const given = [...(args.input !== undefined ? [args.input] : []), ...(args.more ?? [])];
  const explicit = given.length > 1 || given.some(isGlob);
  // Several inputs (or globs): each is one item. Otherwise the apps found below the folder given.
  // Apps found are shown by their roots, and run from their sources (see AppModel).
  const apps = explicit ? undefined : findApps(path.resolve(terminal.cwd, args.input ?? '.'), modelContext(args, terminal));
  // An app is shown by its root; apps that share one (an Android project's modules) by their sources.
  const roots = apps?.map((app) => path.relative(terminal.cwd, app.root) || '.');
  const items =
    apps && roots
      ? roots.map((root, index) => (roots.indexOf(root) !== roots.lastIndexOf(root) ? path.relative(terminal.cwd, apps[index]!.source) : root))
      : expandInputs(given, terminal.cwd).map((item) => relativeToFolder(item, terminal.cwd));
  const inputs = apps ? apps.map((app) => path.relative(terminal.cwd, app.source)) : items;
  // Where each app found writes is known already; an input named is asked.
  const outputs = apps?.map((app) => path.relative(terminal.cwd, app.output));
  if (items.length === 0) {
    terminal.stderr(
      `No Gen1 configuration file found${explicit ? ` for ${given.join(' ')}` : ` in ${args.input ?? 'the current folder'} or any folder below it`}.\n`,
    );
    return EXIT.USAGE;
  }
  const progress = terminal.interactive && !args.quiet;
  const counts = { clean: 0, findings: 0, failed: 0 };
  const severities = { error: 0, warning: 0, info: 0 };
  let worst: number = EXIT.OK;
  // The apps of one report for the run, in order; a run that only accepts findings (a baseline) reports none.
  const combined: AppReport[] | undefined = combinesReports(args) && batch.acceptFindings === undefined ? [] : undefined;

  // Outcomes are printed in the order of the apps, as soon as all before them are in.
  const outcomes: (AppOutcome | undefined)[] = new Array(items.length);
  let printed = 0;
  const printReady = (): void => {
    // What the ready apps print goes out in as few writes as keep the order of the two streams.
    const out: [1 | 2, string][] = [];
    const print = (stream: 1 | 2, text: string): void => {
      const last = out[out.length - 1];
      if (last?.[0] === stream) last[1] += text;
      else out.push([stream, text]);
    };
    for (let outcome = outcomes[printed]; outcome !== undefined; outcome = outcomes[printed]) {
      const relative = items[printed]!;
      if (progress) print(2, `\r[${printed + 1}/${items.length}] ${relative}\u001b[K`);
      if (!args.quiet && args.report === 'text') print(2, `${progress ? '\r\u001b[K' : ''}== ${relative}\n`);
      for (const [stream, text] of outcome.writes) print(stream, text);
      severities.error += outcome.severities.error;
      severities.warning += outcome.severities.warning;
      severities.info += outcome.severities.info;
      // Clean: nothing to act on. An app with warnings is not clean, even where they do not fail the run.
      if (outcome.code !== EXIT.OK && outcome.code !== EXIT.FINDINGS) counts.failed++;
      else if (outcome.code === EXIT.FINDINGS || outcome.severities.error + outcome.severities.warning > 0) counts.findings++;
      else counts.clean++;
      worst = Math.max(worst, outcome.code);
      if (combined) combined.push(appReport(relative, outcome));
      // Printed outcomes are not kept: a batch holds only those waiting for an earlier app.
      outcomes[printed] = undefined;
      printed++;
      if (printed === items.length) break;
    }
    for (const [stream, text] of out) (stream === 1 ? terminal.stdout : terminal.stderr)(text);
  };

  const jobs = batch.parallel ? (args.jobs ?? (items.length >= PARALLEL_FROM ? Math.min(os.availableParallelism(), MAX_JOBS) : 1)) : 1;
  // One job: no worker, whatever the command line offers.
  const workers: Threads = jobs > 1 ? threads : {};
  // Apps that write the same file run in order, in one chunk: they form a group. A chunk's outputs may still be on
  // their way to disk while the next chunk runs, on this thread too.
  const groups = new Map<string, number[]>();
  const batchItems: BatchItem[] = inputs.map((input, index) => {
    const output = batch.writesTo === undefined ? undefined : (outputs?.[index] ?? batch.writesTo(input));
    const key = output ?? `#${index}`;
    const group = groups.get(key);
    if (group) group.push(index);
    else groups.set(key, [index]);
    return { input, output };
  });
  try {
    const settings = { cwd: terminal.cwd, colorOnStderr: terminal.colorOnStderr, toolVersion: terminal.toolVersion };
    const runHere = (chunk: readonly BatchItem[]): Promise<AppOutcome[]> => runChunk(batch.runOne, args, chunk, settings, batch.acceptFindings);
    await runOnThreads(
      { threads: workers, command: batch.command, args, settings, items: batchItems, groups: [...groups.values()], jobs, runHere },
      (results) => {
        for (const [index, outcome] of results) outcomes[index] = outcome;
        printReady();
      },
    );
  } catch (error) {
    return reportInternalFault(terminal.stderr, error, args.debug);
  }
  if (progress) terminal.stderr('\r\u001b[K');
  if (combined) {
    const rendered = renderBatchReport({ apps: combined, counts }, args.report, { toolVersion: terminal.toolVersion });
    if (args.reportFile === undefined) terminal.stdout(rendered);
    else if (!writeReportFile(rendered, args.reportFile, terminal)) worst = Math.max(worst, EXIT.USAGE);
  }
  const noun = explicit ? 'input' : 'app';
  terminal.stderr(
    `${countOf(items.length, noun)}: ${counts.clean} clean, ${counts.findings} with findings, ${counts.failed} failed; findings: ${describeCounts(severities)}.\n`,
  );
  return worst;
}

/** An app in the report of the run. */
function appReport(app: string, outcome: AppOutcome): AppReport {
  const entry: AppReport = { app, exitCode: outcome.code };
  if (outcome.report) entry.report = outcome.report;
  if (outcome.failure !== undefined) entry.failure = outcome.failure;
  return entry;
}
