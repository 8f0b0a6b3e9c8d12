import { createRequire } from 'node:module';
import type { Worker as WorkerType } from 'node:worker_threads';
import { runChunk, type AppOutcome, type BatchAppArguments, type BatchItem, type RunOne, type TerminalSettings } from './run-chunk.js';

/** The commands that run over many apps, by the name a worker knows them by. */
export type BatchCommand = 'convert' | 'check';

/** The argument a worker is started with (after the script), so that its entry knows to serve a batch. */
export const WORKER_ARGUMENT = '--amplify-outputs-migrate-batch-worker';

interface WorkerData {
  marker: typeof WORKER_ARGUMENT;
  command: BatchCommand;
  args: BatchAppArguments;
  settings: TerminalSettings;
}

type Assignment = { items: [number, BatchItem][] };
type Results = { results: [number, AppOutcome][] };
/** What a worker says once it has started and listens: only then is it handed apps, which this thread runs until then. */
type Ready = { ready: true };

/**
 * Apps handed to a worker at a time (and run between two flushes of their outputs to disk): enough to keep messages
 * and flushes rare, few enough to share the work out evenly.
 */
export const CHUNK = 16;

/**
 * Chunks a thread has run whose outputs are still being flushed to disk, at most. Flushing takes longer than
 * converting on a slow disk; with more chunks on their way, a thread converts while the disk works instead of
 * waiting (8 beat 2 on a convert of 10,000 apps). Each holds its files open until they are flushed: 16 a chunk.
 */
const IN_FLIGHT = 8;

/** Chunks a worker is handed when it starts: the one it runs and the next. */
const FIRST_CHUNKS = 2;

/**
 * Chunks a worker holds at most: the one it runs and the next, and for a command that writes, those still being
 * flushed (a worker reports a chunk once its outputs are on disk). It starts with FIRST_CHUNKS and is topped up to
 * this as it reports, so that at the start the chunks are shared out among the threads as they become free.
 */
function queuedChunks(command: BatchCommand): number {
  return command === 'convert' ? IN_FLIGHT : FIRST_CHUNKS;
}

/**
 * A worker's young generation, in MB: about what V8 grows the command's own thread to under the same work. Smaller,
 * a worker collects garbage several times as often as that thread, for no lower peak memory.
 */
const YOUNG_GENERATION_MB = 16;

const require = createRequire(import.meta.url);

/** Where the worker threads of a batch come from. */
export interface Threads {
  /** The script a worker starts from (the command line as launched); without it, every app runs on this thread. */
  entry?: string;
  /**
   * This thread runs no app, and `jobs` workers run them all, so that apps that would race if their grouping failed
   * do run at once on different threads. (For tests of the hand-out; the command line never sets it.)
   */
  workersOnly?: boolean;
}

/**
 * Runs the apps of a batch `jobs` at a time: on this thread (`runHere`) and on `jobs - 1` worker threads, each a
 * copy of the command line started from `entry`. This thread works too, from the start; a worker is handed apps once
 * it has started (it must compile and warm up the code again, which costs as much as a few hundred apps), so a small
 * batch may be done before it is. `groups` lists app indices that must run in order on one thread (apps that write
 * the same file); groups are handed out in order, a chunk at a time, to whichever thread is free. Outcomes arrive in
 * any order.
 *
 * The workers are managed here rather than by a pool library (tinypool, piscina): a pool runs what is submitted to
 * it on its workers only, while here the thread that hands out the chunks runs them too, and keeps every chunk no
 * started worker has asked for; and a worker here is the command line itself, started from the launcher with its
 * code caches (src/bin/launcher-contract.ts), where a pool's worker runs the pool's script, which would have to load
 * the launcher as a module that exports a task. A pool in this place (tinypool, tried) was no faster.
 */
export function runOnThreads(
  options: {
    threads: Threads;
    command: BatchCommand;
    args: BatchAppArguments;
    settings: TerminalSettings;
    items: readonly BatchItem[];
    groups: readonly number[][];
    jobs: number;
    /** Runs a chunk of apps on this thread; the outcomes are in the chunk's order. */
    runHere: (items: readonly BatchItem[]) => Promise<AppOutcome[]>;
  },
  /** The outcomes of a chunk, by app index: one call per chunk, so that what they print goes out together. */
  onOutcomes: (results: readonly (readonly [number, AppOutcome])[]) => void,
): Promise<void> {
  const chunks: number[][] = [];
  let current: number[] = [];
  for (const group of options.groups) {
    current.push(...group);
    if (current.length >= CHUNK) {
      chunks.push(current);
      current = [];
    }
  }
  if (current.length > 0) chunks.push(current);
  const workerData: WorkerData = { marker: WORKER_ARGUMENT, command: options.command, args: options.args, settings: options.settings };
  const workers: WorkerType[] = [];
  return new Promise<void>((resolve, reject) => {
    let nextChunk = 0;
    let pending = chunks.length;
    let settled = false;
    const finish = (error?: Error): void => {
      if (settled) return;
      settled = true;
      for (const worker of workers) void worker.terminate();
      if (error) reject(error);
      else resolve();
    };
    const done = (): void => {
      pending--;
      if (pending === 0) finish();
    };
    /** Hands the next chunk to a worker; false when there is none left. */
    const assign = (worker: WorkerType): boolean => {
      const chunk = chunks[nextChunk++];
      if (chunk) worker.postMessage({ items: chunk.map((index) => [index, options.items[index]!]) } satisfies Assignment);
      return chunk !== undefined;
    };
    const workersOnly = options.threads.workersOnly === true;
    const count = workersOnly ? Math.min(options.jobs, chunks.length) : Math.max(0, Math.min(options.jobs - 1, chunks.length - 1));
    const entry = options.threads.entry;
    if (entry !== undefined && count > 0) {
      const { Worker } = require('node:worker_threads') as typeof import('node:worker_threads');
      for (let i = 0; i < count; i++) {
        const worker = new Worker(entry, { argv: [WORKER_ARGUMENT], workerData, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
        workers.push(worker);
        // The chunks handed to this worker and not yet reported.
        let held = 0;
        const handOut = (upTo: number): void => {
          while (!settled && held < upTo && assign(worker)) held++;
        };
        worker.on('message', (message: Results | Ready) => {
          if ('ready' in message) {
            // Started: from now on it has a chunk queued behind the one it runs, so that it never waits for this thread.
            handOut(FIRST_CHUNKS);
            return;
          }
          held--;
          onOutcomes(message.results);
          done();
          handOut(queuedChunks(options.command));
        });
        worker.on('error', (error) => finish(error));
        worker.on('exit', (code) => {
          if (!settled) finish(new Error(`A batch worker stopped (exit code ${code}) before its apps were done.`));
        });
      }
    }
    if (chunks.length === 0) return finish();
    if (workersOnly && workers.length > 0) return;
    // This thread takes the next chunk, and between two lets the workers' results in (and hands them more). It goes
    // on while the outputs of a chunk are flushed to disk, with at most IN_FLIGHT chunks not yet on disk.
    let inFlight = 0;
    // One turn of the event loop per chunk: a chunk runs only from a scheduled turn, and one is scheduled at a time
    // (several would run their chunks back to back, and the workers' messages would wait behind them).
    let scheduled = false;
    const schedule = (): void => {
      if (scheduled) return;
      scheduled = true;
      setImmediate(() => {
        scheduled = false;
        runNextChunkHere();
      });
    };
    const runNextChunkHere = (): void => {
      if (settled || inFlight >= IN_FLIGHT) return;
      const chunk = chunks[nextChunk++];
      if (!chunk) return;
      inFlight++;
      options.runHere(chunk.map((index) => options.items[index]!)).then(
        (outcomes) => {
          inFlight--;
          onOutcomes(chunk.map((index, position) => [index, outcomes[position]!] as const));
          done();
          schedule();
        },
        (error: unknown) => finish(error instanceof Error ? error : new Error(String(error))),
      );
      schedule();
    };
    runNextChunkHere();
  });
}

/**
 * In a worker started by runOnThreads: serves the batch with the given commands and returns true. Anywhere else
 * (the usual start of the command line) returns false at the cost of one comparison.
 */
export function serveBatchIfWorker(runners: Record<BatchCommand, RunOne<never>>): boolean {
  if (process.argv[2] !== WORKER_ARGUMENT) return false;
  const { isMainThread, parentPort, workerData } = require('node:worker_threads') as typeof import('node:worker_threads');
  const data = workerData as WorkerData | undefined;
  if (isMainThread || !parentPort || data?.marker !== WORKER_ARGUMENT) return false;
  const runOne = runners[data.command] as RunOne<unknown>;
  const port = parentPort;
  port.on('message', (message: Assignment) => {
    // The apps run now; their results go back once their outputs are on disk, and the next chunk may run meanwhile.
    void runChunk(
      runOne,
      data.args,
      message.items.map(([, item]) => item),
      data.settings,
    ).then((outcomes) => {
      const results: Results['results'] = message.items.map(([index], position) => [index, outcomes[position]!]);
      port.postMessage({ results } satisfies Results);
    });
  });
  port.postMessage({ ready: true } satisfies Ready);
  return true;
}
