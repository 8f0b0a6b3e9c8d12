import path from 'node:path';
import { CLIENT_FILE_PLACES } from '../../formats/index.js';
import { isDirectory, statIfAny } from '../../project/path-kind.js';
import { listedPlaces } from './folder-names.js';

export type FoundInput = { kind: 'found'; file: string; discovered: boolean } | { kind: 'missing'; searched: string[]; root: string };

/**
 * Resolves the input: a file as given, or, for a directory (or nothing: the current directory), the first Gen1
 * configuration file found at the usual places.
 */
export function findInput(input: string | undefined, cwd: string, isFolder?: boolean): FoundInput {
  const given = input === undefined ? cwd : path.resolve(cwd, input);
  // isFolder: what the caller already saw at the input, saving a second look.
  if (input !== undefined && !(isFolder ?? isDirectory(given))) return { kind: 'found', file: given, discovered: false };
  for (const candidate of listedPlaces(given, CLIENT_FILE_PLACES)) {
    const file = path.join(given, candidate);
    const stats = statIfAny(file);
    if (stats !== undefined && !stats.isDirectory()) return { kind: 'found', file, discovered: true };
  }
  return { kind: 'missing', searched: [...CLIENT_FILE_PLACES], root: given };
}
