/** Paths of an app's files: relative to its root, "/" separators, no leading "./". */

/** The folder of a path ("" for a file at the root). */
export function dirname(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

/** The last segment of a path. */
export function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/**
 * Joins and normalises: "." and empty segments dropped, ".." steps up. Undefined when the result would leave the
 * app's root, which no file of the app can be.
 */
export function joinPath(...parts: string[]): string | undefined {
  const segments: string[] = [];
  for (const part of parts) {
    for (const segment of part.split('/')) {
      if (segment === '' || segment === '.') continue;
      if (segment === '..') {
        if (segments.length === 0) return undefined;
        segments.pop();
      } else segments.push(segment);
    }
  }
  return segments.join('/');
}

/** The path from folder `from` to `to`, both relative to the root: "../lib/x.json", "x.json". */
export function relativePath(from: string, to: string): string {
  const a = from === '' ? [] : from.split('/');
  const b = to === '' ? [] : to.split('/');
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common++;
  return [...a.slice(common).map(() => '..'), ...b.slice(common)].join('/');
}

/** A relative module specifier from the file `fromPath` to the file `to`: always starts with "./" or "../". */
export function relativeSpecifier(fromPath: string, to: string): string {
  const relative = relativePath(dirname(fromPath), to);
  return relative.startsWith('../') ? relative : `./${relative}`;
}

/** The folders from `folder` up to the root, nearest first ("a/b" gives "a/b", "a", ""). */
export function foldersUp(folder: string): string[] {
  const result = [folder];
  let current = folder;
  while (current !== '') {
    current = dirname(current);
    result.push(current);
  }
  return result;
}

/** `folder` joined with `name`, without a leading "/" at the root. */
export function inFolder(folder: string, name: string): string {
  return folder === '' ? name : `${folder}/${name}`;
}

/** 1-based line and column of an offset in a text. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let index = text.indexOf('\n'); index >= 0 && index < offset; index = text.indexOf('\n', index + 1)) {
    line++;
    lineStart = index + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
