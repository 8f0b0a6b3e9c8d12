import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';

/**
 * Writes a file so that readers see either the old content or the new, never a half-written file: the text goes
 * to a temporary file beside the target, is flushed, and is renamed over it.
 */
export function writeFileAtomic(file: string, text: string): void {
  const directory = path.dirname(file);
  // Unique enough with the process id and a random part; 'wx' refuses to reuse a name that exists anyway. (Not
  // node:crypto, whose load costs a command's start a few milliseconds.)
  const temporary = path.join(directory, `.${path.basename(file)}.${process.pid}.${Math.floor(Math.random() * 0x100000000).toString(16).padStart(8, '0')}.tmp`);
  let descriptor: number | undefined;
  try {
    descriptor = openSync(temporary, 'wx', 0o644);
    writeSync(descriptor, text);
    fsyncSync(descriptor);
    closeSync(descriptor);
    descriptor = undefined;
    renameSync(temporary, file);
  } catch (error) {
    if (descriptor !== undefined) closeSync(descriptor);
    rmSync(temporary, { force: true });
    throw error;
  }
}
