import { EXIT } from '../output/exit-codes.js';
import { reportInternalFault } from '../output/internal-fault.js';
import type { DebugArguments } from '../options/shared-options.js';
import { describeError } from '../inputs/read-input.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Terminal } from '../output/terminal.js';
import { WriteBatch } from '../output/write-file-atomic.js';

/** What one app of a run over several printed (in order, on which stream), its exit code, and its findings. */
export interface AppOutcome {
  code: number;
  /** 1 for standard output, 2 for standard error, in the order written. */
  writes: [1 | 2, string][];
  severities: { error: number; warning: number; info: number };
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

/**
 * Runs one app with a terminal that keeps what it prints, so that apps run anywhere (on this thread or another)
 * are printed in the order of the batch. A bug met in one app is that app's internal fault; the others still run.
 */
export function runBuffered<A extends DebugArguments>(
  runOne: RunOne<A>,
  args: A,
  item: BatchItem,
  settings: TerminalSettings,
  writeBatch: WriteBatch,
  acceptFindings?: AcceptFindings,
): AppOutcome {
  const writes: AppOutcome['writes'] = [];
  const severities = { error: 0, warning: 0, info: 0 };
  const terminal: Terminal = {
    cwd: settings.cwd,
    colorOnStderr: settings.colorOnStderr,
    toolVersion: settings.toolVersion,
    interactive: false,
    stdout: (text) => writes.push([1, text]),
    stderr: (text) => writes.push([2, text]),
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
  return { code, writes, severities };
}

/**
 * Runs a chunk of a batch's apps in order, their outputs written together at the end (WriteBatch), and returns
 * their outcomes. A write that fails at that point is reported by its app, whose exit code becomes a usage error.
 * The apps run before this returns; the promise settles once their outputs are on disk, which the thread need not
 * wait for to run the next chunk.
 */
export async function runChunk<A extends DebugArguments>(
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
    outcome.writes.push([2, `Cannot write ${failure.display}: ${describeError(failure.error)}\n`]);
    outcome.code = Math.max(outcome.code, EXIT.USAGE);
  }
  return outcomes;
}
