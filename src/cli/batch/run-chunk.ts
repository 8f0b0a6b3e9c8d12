import { EXIT } from '../output/exit-codes.js';
import { reportInternalFault } from '../output/internal-fault.js';
import type { DebugArguments } from '../options/shared-options.js';
import { describeError } from '../inputs/read-input.js';
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

/** Runs a command for one app of a batch. */
export type RunOne<A> = (args: A, item: BatchItem, terminal: Terminal) => number;

/** What a terminal that only collects needs of the real one. */
export type TerminalSettings = Pick<Terminal, 'cwd' | 'colorOnStderr' | 'toolVersion' | 'acceptFindings'>;

/**
 * Runs one app with a terminal that keeps what it prints, so that apps run anywhere (on this thread or another)
 * are printed in the order of the batch. A bug met in one app is that app's internal fault; the others still run.
 */
export function runBuffered<A extends DebugArguments>(runOne: RunOne<A>, args: A, item: BatchItem, settings: TerminalSettings, writeBatch?: WriteBatch): AppOutcome {
  const writes: AppOutcome['writes'] = [];
  const severities = { error: 0, warning: 0, info: 0 };
  const terminal: Terminal = {
    cwd: settings.cwd,
    colorOnStderr: settings.colorOnStderr,
    toolVersion: settings.toolVersion,
    acceptFindings: settings.acceptFindings,
    interactive: false,
    stdout: (text) => writes.push([1, text]),
    stderr: (text) => writes.push([2, text]),
    tally: (diagnostics) => diagnostics.forEach((diagnostic) => severities[diagnostic.severity]++),
    writeBatch,
  };
  let code: number;
  try {
    code = runOne(args, item, terminal);
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
export async function runChunk<A extends DebugArguments>(runOne: RunOne<A>, args: A, items: readonly BatchItem[], settings: TerminalSettings): Promise<AppOutcome[]> {
  const writeBatch = new WriteBatch();
  const outcomes = items.map((item, position) => {
    writeBatch.owner = position;
    return runBuffered(runOne, args, item, settings, writeBatch);
  });
  await writeBatch.commitInBackground();
  for (const failure of writeBatch.failures) {
    const outcome = outcomes[failure.owner]!;
    outcome.writes.push([2, `Cannot write ${failure.display}: ${describeError(failure.error)}\n`]);
    outcome.code = Math.max(outcome.code, EXIT.USAGE);
  }
  return outcomes;
}
