import { describe, expect, it } from 'vitest';
import type { AppOutcome, BatchItem } from '../src/cli/batch/run-chunk.js';
import { CHUNK, runOnThreads } from '../src/cli/batch/worker-threads.js';

const OUTCOME: AppOutcome = { code: 0, writes: [], severities: { error: 0, warning: 0, info: 0 } };

/** Runs a batch on this thread alone, with chunks that settle at once (nothing to flush), as check's do. */
async function runHereAlone(apps: number, onChunk: () => void): Promise<number[]> {
  const items: BatchItem[] = Array.from({ length: apps }, (_, index) => ({ input: `app-${index}` }));
  const seen: number[] = [];
  await runOnThreads(
    {
      threads: {},
      command: 'check',
      args: {},
      settings: { cwd: '.', colorOnStderr: false },
      items,
      groups: items.map((_, index) => [index]),
      jobs: 1,
      runHere: async (chunk) => {
        onChunk();
        return chunk.map(() => OUTCOME);
      },
    },
    (results) => {
      for (const [index] of results) seen.push(index);
    },
  );
  return seen;
}

describe('a batch run on this thread', () => {
  it('runs every app once, in chunks', async () => {
    let chunks = 0;
    const seen = await runHereAlone(10 * CHUNK + 3, () => chunks++);
    expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: 10 * CHUNK + 3 }, (_, index) => index));
    expect(chunks).toBe(11);
  });

  it('runs one chunk per turn of the event loop, so that the messages of workers do not wait behind several', async () => {
    // A probe that comes back every turn counts the chunks run since its last visit.
    let chunks = 0;
    let last = 0;
    const perTurn: number[] = [];
    let probing = true;
    const probe = (): void => {
      perTurn.push(chunks - last);
      last = chunks;
      if (probing) setImmediate(probe);
    };
    setImmediate(probe);
    await runHereAlone(40 * CHUNK, () => chunks++);
    probing = false;
    expect(chunks).toBe(40);
    expect(Math.max(...perTurn)).toBeLessThanOrEqual(1);
  });
});
