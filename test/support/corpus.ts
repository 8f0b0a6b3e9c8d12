import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

/**
 * The corpus of real Gen1 files lives beside the project in ../shared/corpus. It belongs to its authors: tests
 * read it in place and never copy it. A clone without it skips the corpus tests and says so.
 */
export const CORPUS = path.resolve(import.meta.dirname, '../../../shared/corpus');
export const HAS_CORPUS = existsSync(CORPUS);

export function corpusFiles(folder: string): string[] {
  const directory = path.join(CORPUS, folder);
  if (!existsSync(directory)) return [];
  return readdirSync(directory)
    .filter((name) => !name.startsWith('.'))
    .sort()
    .map((name) => path.join(directory, name));
}

export function skipNotice(): void {
  if (!HAS_CORPUS) console.warn(`Corpus tests skipped: ${CORPUS} is absent (the corpus is not part of this repository).`);
}
