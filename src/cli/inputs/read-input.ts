import { closeSync, constants, lstatSync, openSync, readSync, statSync } from 'node:fs';
import type { Terminal } from '../output/terminal.js';

/** Inputs larger than this are refused: no Gen1 configuration comes near it. */
export const MAX_INPUT_BYTES = 10 * 1024 * 1024;

/** What is at a path, for reading: a regular file's text (symbolic links followed), or why there is none. */
export type Examined =
  | { kind: 'file'; text: string }
  | { kind: 'missing' }
  | { kind: 'directory' }
  | { kind: 'special' }
  | { kind: 'too-large'; size: number }
  | { kind: 'not-text'; problem: string }
  | { kind: 'unreadable'; error: unknown };

/** The one place a path is looked at and read; readInput and readExisting say what they need of the answer. */
export function examine(file: string): Examined {
  try {
    // Looked at before it is opened: opening a device or a named pipe can block or act.
    const stats = statSync(file, { throwIfNoEntry: false });
    if (stats === undefined) return { kind: 'missing' };
    if (stats.isDirectory()) return { kind: 'directory' };
    if (!stats.isFile()) return { kind: 'special' };
    if (stats.size > MAX_INPUT_BYTES) return { kind: 'too-large', size: stats.size };
    const bytes = readRegularFile(file, stats.size);
    if (bytes.length > MAX_INPUT_BYTES) return { kind: 'too-large', size: bytes.length };
    const decoded = decodeText(bytes);
    return typeof decoded === 'string' ? { kind: 'file', text: decoded } : { kind: 'not-text', problem: decoded.problem };
  } catch (error) {
    return { kind: 'unreadable', error };
  }
}

/**
 * The bytes of a file just seen to be a regular file of this size: readFileSync would look at it again. Opened
 * without waiting, in case a named pipe took its place since.
 */
function readRegularFile(file: string, size: number): Buffer {
  const fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    return readAll(fd, size);
  } finally {
    closeSync(fd);
  }
}

/**
 * The bytes of an open regular file: as many as its size said (as readFileSync reads), or, for a file that said
 * nothing (size 0), to its end. At most one byte past the limit is read, which is enough to refuse the file.
 */
function readAll(fd: number, size: number): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  for (let want = Math.max(size, 1); total <= MAX_INPUT_BYTES && (size === 0 || total < size); want = 64 * 1024) {
    const chunk = Buffer.allocUnsafe(Math.min(want, MAX_INPUT_BYTES + 1 - total));
    const read = readSync(fd, chunk, 0, chunk.length, null);
    if (read === 0) break;
    chunks.push(read === chunk.length ? chunk : chunk.subarray(0, read));
    total += read;
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
}

/** Reads an input file, saying on standard error why it cannot (not a file, too large, not text, unreadable). */
export function readInput(file: string, display: string, terminal: Terminal): string | undefined {
  return inputText(examine(file), display, terminal);
}

/** The text of an input already looked at (see examine), or undefined after saying on standard error why there is none. */
export function inputText(examined: Examined, display: string, terminal: Terminal): string | undefined {
  if (examined.kind === 'file') return examined.text;
  const problem =
    examined.kind === 'missing'
      ? describeError({ code: 'ENOENT' })
      : examined.kind === 'directory' || examined.kind === 'special'
        ? 'not a regular file.'
        : examined.kind === 'too-large'
          ? `it is ${examined.size} bytes, more than the ${MAX_INPUT_BYTES} bytes a Gen1 configuration file can be.`
          : examined.kind === 'not-text'
            ? examined.problem
            : describeError(examined.error);
  terminal.stderr(`Cannot read ${display}: ${problem}\n`);
  return undefined;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * The text of a file, which must be UTF-8 (as the Amplify CLI writes it). Invalid bytes are not replaced with
 * U+FFFD, which would change values silently: the file is refused, saying where the first one is.
 */
export function decodeText(bytes: Uint8Array): string | { problem: string } {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { problem: 'it is UTF-16 text; save it as UTF-8 (as the Amplify CLI writes it) and run again.' };
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) return { problem: `it is a binary file (a NUL byte at ${where(bytes, nul)}), not a Gen1 configuration.` };
  try {
    return utf8.decode(bytes);
  } catch {
    return { problem: `it is not valid UTF-8 (at ${where(bytes, firstInvalidUtf8(bytes))}); save it as UTF-8 (as the Amplify CLI writes it) and run again.` };
  }
}

/** "line L, column C" of a byte offset (columns count characters, as the diagnostics do). */
function where(bytes: Uint8Array, offset: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  // Continuation bytes (10xxxxxx) do not start a character.
  let column = 1;
  for (let i = lineStart; i < offset; i++) if (((bytes[i] ?? 0) & 0xc0) !== 0x80) column++;
  return `line ${line}, column ${column}`;
}

/** The offset of the first byte that does not belong to a well-formed UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const lead = bytes[i]!;
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    if (length === 3) {
      const second = bytes[i + 1]!;
      if ((lead === 0xe0 && second < 0xa0) || (lead === 0xed && second > 0x9f)) return i;
    } else if (length === 4) {
      const second = bytes[i + 1]!;
      if ((lead === 0xf0 && second < 0x90) || (lead === 0xf4 && second > 0x8f)) return i;
    }
    i += length;
  }
  return bytes.length;
}

export type Existing = { kind: 'none' } | { kind: 'directory' } | { kind: 'other'; what: string } | { kind: 'file'; text: string };

/** What is at a path now, for reading: a regular file's text (symbolic links followed), or what else it is. */
export function readExisting(file: string): Existing {
  const examined = examine(file);
  switch (examined.kind) {
    case 'file':
    case 'directory':
      return examined;
    case 'special':
      return { kind: 'other', what: 'not a regular file' };
    case 'too-large':
      return { kind: 'other', what: `larger than ${MAX_INPUT_BYTES} bytes` };
    case 'not-text':
      return { kind: 'other', what: examined.problem.replace(/;.*$/, '') };
    default:
      return { kind: 'none' };
  }
}

/** Whether a path is a symbolic link (which a write would replace, not follow). */
export function isSymbolicLink(file: string): boolean {
  try {
    // Asked of every output a batch writes, most of which do not exist yet: no exception (and stack trace) for those.
    return lstatSync(file, { throwIfNoEntry: false })?.isSymbolicLink() ?? false;
  } catch {
    return false;
  }
}

export function describeError(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder';
  if (code === 'ENOTDIR') return 'a part of the path is a file, not a folder';
  if (code === 'EROFS') return 'the file system is read-only';
  if (code === 'ENOSPC') return 'no space left on the device';
  return error instanceof Error ? error.message : String(error);
}
