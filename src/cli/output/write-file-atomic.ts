import { closeSync, fsync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';

/**
 * Writes a file so that readers see either the old content or the new, never a half-written file: the text goes
 * to a temporary file beside the target, is flushed, and is renamed over it.
 */
export function writeFileAtomic(file: string, text: string): void {
  const staged = stage(file, text);
  finish(staged);
}

/** A temporary file written and still open, to be flushed and renamed over its target. */
interface Staged {
  file: string;
  temporary: string;
  descriptor: number | undefined;
}

function stage(file: string, text: string): Staged {
  const directory = path.dirname(file);
  // Unique enough with the process id and a random part; 'wx' refuses to reuse a name that exists anyway. (Not
  // node:crypto, whose load costs a command's start a few milliseconds.)
  const temporary = path.join(
    directory,
    `.${path.basename(file)}.${process.pid}.${Math.floor(Math.random() * 0x100000000)
      .toString(16)
      .padStart(8, '0')}.tmp`,
  );
  const staged: Staged = { file, temporary, descriptor: undefined };
  try {
    staged.descriptor = openSync(temporary, 'wx', 0o644);
    writeSync(staged.descriptor, text);
  } catch (error) {
    discard(staged);
    throw error;
  }
  return staged;
}

function finish(staged: Staged): void {
  flush(staged);
  replace(staged);
}

/** Makes the temporary file durable and closes it. */
function flush(staged: Staged): void {
  try {
    fsyncSync(staged.descriptor!);
  } catch (error) {
    fail(staged, error);
  }
  close(staged);
}

/** Closes the temporary file, flushed. */
function close(staged: Staged): void {
  const descriptor = staged.descriptor!;
  staged.descriptor = undefined;
  try {
    closeSync(descriptor);
  } catch (error) {
    fail(staged, error);
  }
}

/** Removes the temporary file of a write that failed, and throws the error. */
function fail(staged: Staged, error: unknown): never {
  discard(staged);
  throw error;
}

function replace(staged: Staged): void {
  try {
    renameSync(staged.temporary, staged.file);
  } catch (error) {
    discard(staged);
    throw error;
  }
}

function discard(staged: Staged): void {
  if (staged.descriptor !== undefined) closeSync(staged.descriptor);
  staged.descriptor = undefined;
  rmSync(staged.temporary, { force: true });
}

/** A write of a batch: staged, and whose it is (the app's position) and how it is named in messages. */
type BatchWrite = Staged & { owner: number; display: string };

/** A write of a batch that could not be finished, and whose it was. */
export interface WriteFailure {
  owner: number;
  display: string;
  error: unknown;
}

/**
 * The atomic writes of several apps, each made durable before it replaces its target, as writeFileAtomic does,
 * but flushed together: every temporary file is written first, then each is flushed and renamed. Flushing files one
 * at a time makes the file system commit its journal once per file (several milliseconds each); flushing them
 * after they are all written lets one commit carry them all.
 */
export class WriteBatch {
  private staged: BatchWrite[] = [];
  readonly failures: WriteFailure[] = [];
  /** The app the next writes belong to. */
  owner = 0;

  /** Writes the temporary file now; the target is replaced at the next commit. Throws what opening or writing throws. */
  write(file: string, text: string, display: string): void {
    this.staged.push({ ...stage(file, text), owner: this.owner, display });
  }

  /** Whether a write to this file waits for the commit (a reader of it must commit first to see it). */
  waiting(file: string): boolean {
    return this.staged.some((staged) => staged.file === file);
  }

  /** Flushes every waiting write, then renames each over its target, in order; failures are kept in `failures`. */
  commit(): void {
    const staged = this.staged;
    this.staged = [];
    const flushed = staged.filter((write) => this.attempt(write, flush));
    for (const write of flushed) this.attempt(write, replace);
  }

  /**
   * As commit, with the files flushed in the background (all at once, on libuv's threads), so that the thread can
   * go on with other apps while the disk works; each is renamed over its target, in order, once all are flushed.
   */
  async commitInBackground(): Promise<void> {
    const staged = this.staged;
    this.staged = [];
    const flushed = await Promise.all(staged.map((write) => this.flushInBackground(write)));
    for (const [index, write] of staged.entries()) if (flushed[index]) this.attempt(write, replace);
  }

  private flushInBackground(write: BatchWrite): Promise<boolean> {
    return new Promise((resolve) => {
      fsync(write.descriptor!, (error) => resolve(error === null ? this.attempt(write, close) : this.attempt(write, () => fail(write, error))));
    });
  }

  private attempt(write: BatchWrite, step: (staged: Staged) => void): boolean {
    try {
      step(write);
      return true;
    } catch (error) {
      this.failures.push({ owner: write.owner, display: write.display, error });
      return false;
    }
  }
}
