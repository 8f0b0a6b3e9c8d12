import { readFileSync, statSync } from 'node:fs';
import type { Terminal } from './terminal.js';

/** Inputs larger than this are refused: no Gen1 configuration comes near it. */
export const MAX_INPUT_BYTES = 10 * 1024 * 1024;

/** Reads an input file, saying on standard error why it cannot (not a file, too large, unreadable). */
export function readInput(file: string, display: string, terminal: Terminal): string | undefined {
  try {
    const stats = statSync(file);
    if (!stats.isFile()) {
      terminal.stderr(`Cannot read ${display}: not a regular file.\n`);
      return undefined;
    }
    if (stats.size > MAX_INPUT_BYTES) {
      terminal.stderr(`Cannot read ${display}: it is ${stats.size} bytes, more than the ${MAX_INPUT_BYTES} bytes a Gen1 configuration file can be.\n`);
      return undefined;
    }
    return readFileSync(file, 'utf8');
  } catch (error) {
    terminal.stderr(`Cannot read ${display}: ${describeError(error)}\n`);
    return undefined;
  }
}

/** What is at an output path now. */
export function readExisting(file: string): { kind: 'none' } | { kind: 'directory' } | { kind: 'file'; text: string } {
  try {
    if (statSync(file).isDirectory()) return { kind: 'directory' };
    return { kind: 'file', text: readFileSync(file, 'utf8') };
  } catch {
    return { kind: 'none' };
  }
}

export function describeError(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder';
  return error instanceof Error ? error.message : String(error);
}
