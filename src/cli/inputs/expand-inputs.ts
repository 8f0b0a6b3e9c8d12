import { existsSync, lstatSync } from 'node:fs';
import path from 'node:path';
import { statIfAny } from '../../project/path-kind.js';
import { entryKind, sortedEntries } from './folder-names.js';

const GLOB_CHARACTERS = /[*?[]/;

/** Folders a glob never enters. */
const NEVER_ENTERED = new Set(['node_modules', '.git']);

export function isGlob(input: string): boolean {
  return GLOB_CHARACTERS.test(input);
}

/**
 * Expands the inputs of a command: plain paths stay as they are, glob patterns (`*`, `**`, `?`, `[...]`) become the
 * files and folders they match, relative to the current folder, in sorted order. node_modules is never entered.
 */
export function expandInputs(inputs: readonly string[], cwd: string): string[] {
  const result: string[] = [];
  for (const input of inputs) {
    if (isGlob(input)) expandGlob(input.split(path.sep).join('/'), cwd, result);
    else result.push(input);
  }
  return [...new Set(result)];
}

/**
 * A glob is walked a segment at a time: a folder is listed only when a segment with wildcards must be matched in it,
 * only the entries that match that segment are followed, a plain segment costs one look-up, and the walk goes no
 * deeper than the pattern (except below `**`). Whole paths are then matched against the full pattern.
 */
function expandGlob(glob: string, cwd: string, into: string[]): void {
  const normalized = glob.replace(/^(?:\.\/)+/, '');
  const segments = normalized.split('/');
  const firstGlob = segments.findIndex((segment) => isGlob(segment));
  const base = segments.slice(0, firstGlob).join('/') || (normalized.startsWith('/') ? '/' : '.');
  const pattern = globToRegExp(normalized);
  const steps = segments.slice(firstGlob);
  const stepMatchers = steps.map((segment) => (segment.includes('**') ? undefined : globToRegExp(segment)));
  const firstFree = stepMatchers.indexOf(undefined);
  const join = (directory: string, name: string): string => (directory === '.' ? name : directory === '/' ? `/${name}` : `${directory}/${name}`);

  const walk = (directory: string, depth: number): void => {
    const free = firstFree >= 0 && depth >= firstFree;
    const step = steps[depth];
    if (!free && step !== undefined && !isGlob(step)) {
      // A plain segment: one look-up instead of a listing.
      if (NEVER_ENTERED.has(step)) return;
      const relative = join(directory, step);
      const full = path.resolve(cwd, relative);
      const last = depth + 1 === steps.length;
      // The last segment only has to exist (a cheaper question than its kind, asked once per app of a batch).
      const stats = last ? undefined : statIfAny(full);
      const exists = last ? existsSync(full) : stats !== undefined;
      // A broken symbolic link is matched, as a listing would match it; reading it then says what is wrong.
      if (!exists && !lstatSync(full, { throwIfNoEntry: false })?.isSymbolicLink()) return;
      if (pattern.test(relative)) into.push(relative);
      if (!last && stats?.isDirectory()) walk(relative, depth + 1);
      return;
    }
    const matcher = free ? undefined : stepMatchers[depth];
    const deeper = free || depth + 1 < steps.length;
    for (const entry of sortedEntries(path.resolve(cwd, directory)) ?? []) {
      const { name } = entry;
      if (NEVER_ENTERED.has(name) || (matcher !== undefined && !matcher.test(name))) continue;
      const relative = join(directory, name);
      if (pattern.test(relative)) into.push(relative);
      if (deeper && entryKind(entry, path.resolve(cwd, relative)) === 'folder') walk(relative, depth + 1);
    }
  };
  walk(base, 0);
}

function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let index = 0; index < glob.length; index++) {
    const char = glob[index]!;
    if (char === '*') {
      if (glob[index + 1] === '*') {
        source += glob[index + 2] === '/' ? '(?:.*/)?' : '.*';
        index += glob[index + 2] === '/' ? 2 : 1;
      } else {
        source += '[^/]*';
      }
    } else if (char === '?') source += '[^/]';
    else if (char === '[') {
      const end = glob.indexOf(']', index);
      source += end > index ? glob.slice(index, end + 1) : '\\[';
      index = Math.max(end, index);
    } else source += char.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}
