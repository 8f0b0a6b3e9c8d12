import path from 'node:path';
import { isDirectory, statIfAny } from '../../project/path-kind.js';
import { listedPlaces } from './folder-names.js';

/** Where the Gen1 CLI and common project layouts put the web configuration, most likely first. */
export const INPUT_CANDIDATES = [
  'src/aws-exports.js',
  'src/aws-exports.ts',
  'aws-exports.js',
  'aws-exports.ts',
  'src/amplifyconfiguration.json',
  'amplifyconfiguration.json',
  'src/app/aws-exports.js',
  'src/app/aws-exports.ts',
  'app/aws-exports.js',
  'lib/aws-exports.js',
  'lib/amplifyconfiguration.dart',
  'app/src/main/res/raw/amplifyconfiguration.json',
  'app/src/main/res/raw/awsconfiguration.json',
  'awsconfiguration.json',
] as const;

export type FoundInput = { kind: 'found'; file: string; discovered: boolean } | { kind: 'missing'; searched: string[]; root: string };

/**
 * Resolves the input: a file as given, or, for a directory (or nothing: the current directory), the first Gen1
 * configuration file found at the usual places.
 */
export function findInput(input: string | undefined, cwd: string, isFolder?: boolean): FoundInput {
  const given = input === undefined ? cwd : path.resolve(cwd, input);
  // isFolder: what the caller already saw at the input, saving a second look.
  if (input !== undefined && !(isFolder ?? isDirectory(given))) return { kind: 'found', file: given, discovered: false };
  for (const candidate of listedPlaces(given, INPUT_CANDIDATES)) {
    const file = path.join(given, candidate);
    const stats = statIfAny(file);
    if (stats !== undefined && !stats.isDirectory()) return { kind: 'found', file, discovered: true };
  }
  return { kind: 'missing', searched: [...INPUT_CANDIDATES], root: given };
}
