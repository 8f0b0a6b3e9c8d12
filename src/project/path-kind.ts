import { statSync, type Stats } from 'node:fs';

/**
 * What is at a path (symbolic links followed), asked without an exception for a path that does not exist: a
 * thrown error records a stack trace, which a run over thousands of apps, each probing a dozen usual places, pays
 * for every time.
 */
export function statIfAny(file: string): Stats | undefined {
  try {
    return statSync(file, { throwIfNoEntry: false });
  } catch {
    // ENOTDIR, EACCES, a name too long: there is nothing there to read.
    return undefined;
  }
}

/** Whether a path is a regular file (following symbolic links); false when it does not exist. */
export function isFile(file: string): boolean {
  return statIfAny(file)?.isFile() ?? false;
}

/** Whether a path is a folder (following symbolic links); false when it does not exist. */
export function isDirectory(file: string): boolean {
  return statIfAny(file)?.isDirectory() ?? false;
}
