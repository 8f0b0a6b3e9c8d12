import { readdirSync } from 'node:fs';
import path from 'node:path';
import { isDirectory } from '../project/path-kind.js';

const GLOB_CHARACTERS = /[*?[]/;

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
    if (!isGlob(input)) {
      result.push(input);
      continue;
    }
    const normalized = input.split(path.sep).join('/');
    const segments = normalized.split('/');
    const firstGlob = segments.findIndex((segment) => isGlob(segment));
    const base = segments.slice(0, firstGlob).join('/') || (normalized.startsWith('/') ? '/' : '.');
    const pattern = globToRegExp(normalized.startsWith('./') ? normalized.slice(2) : normalized);
    const walk = (directory: string): void => {
      let names: string[];
      try {
        names = readdirSync(path.resolve(cwd, directory)).sort();
      } catch {
        return;
      }
      for (const name of names) {
        if (name === 'node_modules' || name === '.git') continue;
        const relative = directory === '.' ? name : directory === '/' ? `/${name}` : `${directory}/${name}`;
        if (pattern.test(relative)) result.push(relative);
        if (isDirectory(path.resolve(cwd, relative))) walk(relative);
      }
    };
    walk(base);
  }
  return [...new Set(result)];
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
      index = end > index ? end : index;
    } else source += char.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}
