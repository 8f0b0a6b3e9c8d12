import { createRequire } from 'node:module';
import type { Worker as WorkerType } from 'node:worker_threads';
import { runChunk, type AppOutcome, type RunOne, type TerminalSettings } from './app-outcome.js';

/** The commands that run over many apps, by the name a worker knows them by. */
export type BatchCommand = 'convert' | 'check';

/** The argument a worker is started with (after the script), so that its entry knows to serve a batch. */
export const WORKER_ARGUMENT = '--amplify-outputs-migrate-batch-worker';

interface WorkerData {
  marker: typeof WORKER_ARGUMENT;
  command: BatchCommand;
  args: unknown;
  settings: TerminalSettings;
}

type Assignment = { items: [number, string][] };
type Results = { results: [number, AppOutcome][] };

/**
 * Apps handed to a worker at a time (and run between two flushes of their outputs to disk): enough to keep messages
 * and flushes rare, few enough to share the work out evenly.
 */
export const CHUNK = 16;

/** Chunks a worker holds at a time: the one it runs and the next. */
const QUEUED_CHUNKS = 2;

/**
 * A worker's young generation, in MB. V8 grows it to 16 MB or more under a steady stream of short-lived objects;
 * a batch's live data is small, so a smaller one costs a few more (cheap) scavenges and keeps the peak low.
 */
const YOUNG_GENERATION_MB = 6;

const require = createRequire(import.meta.url);

/**
 * Runs the apps of a batch on `jobs` worker threads, each a copy of the command line started from `entry`.
 * `groups` lists app indices that must run in order on one thread (apps that write the same file); groups are
 * handed out in order, a chunk at a time, to whichever worker is free. Outcomes arrive in any order.
 */
export function runInWorkers(
  options: { entry: string; command: BatchCommand; args: unknown; settings: TerminalSettings; items: readonly string[]; groups: readonly number[][]; jobs: number },
  onOutcome: (index: number, outcome: AppOutcome) => void,
): Promise<void> {
  const { Worker } = require('node:worker_threads') as typeof import('node:worker_threads');
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
    let failed = false;
    const finish = (error?: Error): void => {
      if (failed) return;
      if (error) failed = true;
      for (const worker of workers) void worker.terminate();
      if (error) reject(error);
      else resolve();
    };
    const assign = (worker: WorkerType): void => {
      const chunk = chunks[nextChunk++];
      if (chunk) worker.postMessage({ items: chunk.map((index) => [index, options.items[index]!]) } satisfies Assignment);
    };
    const count = Math.max(1, Math.min(options.jobs, chunks.length));
    for (let i = 0; i < count; i++) {
      const worker = new Worker(options.entry, { argv: [WORKER_ARGUMENT], workerData, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
      workers.push(worker);
      worker.on('message', (message: Results) => {
        for (const [index, outcome] of message.results) onOutcome(index, outcome);
        pending--;
        if (pending === 0) finish();
        else assign(worker);
      });
      worker.on('error', (error) => finish(error));
      worker.on('exit', (code) => {
        if (pending > 0) finish(new Error(`A batch worker stopped (exit code ${code}) before its apps were done.`));
      });
    }
    // Each worker has a chunk queued behind the one it runs, so that it never waits for this thread to answer.
    for (let round = 0; round < QUEUED_CHUNKS; round++) for (const worker of workers) assign(worker);
    if (chunks.length === 0) finish();
  });
}

/**
 * In a worker started by runInWorkers: serves the batch with the given commands and returns true. Anywhere else
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
    const outcomes = runChunk(runOne, data.args, message.items.map(([, item]) => item), data.settings);
    const results: Results['results'] = message.items.map(([index], position) => [index, outcomes[position]!]);
    port.postMessage({ results } satisfies Results);
  });
  return true;
}
