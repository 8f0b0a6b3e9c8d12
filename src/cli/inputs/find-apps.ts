import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { GEN1_FILE_NAMES } from '../../formats/index.js';
import { isDirectory } from '../../project/path-kind.js';
import { entryKind, namesIn, sortedEntries } from './folder-names.js';

/** Folders never walked: dependencies, build output, version control. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', 'dist', 'build', 'coverage', '.next', '.nuxt', 'out', 'Pods', '.dart_tool', '.gradle']);

/** Files that mark the root of an app (where its amplify_outputs.json belongs). */
const APP_MARKERS = ['package.json', 'pubspec.yaml', 'build.gradle', 'build.gradle.kts', 'settings.gradle', 'Podfile', 'amplify'];

/**
 * The apps of a repository: every folder that is the root of an app holding a Gen1 configuration file, in a
 * stable order. node_modules, build output and what the root .gitignore ignores are skipped.
 */
export function findApps(root: string): string[] {
  const ignored = readGitignore(root);
  const apps = new Set<string>();
  const walk = (directory: string, depth: number): void => {
    if (depth > 12) return;
    for (const entry of sortedEntries(directory) ?? []) {
      const { name } = entry;
      const full = path.join(directory, name);
      const kind = entryKind(entry, full);
      if (kind === 'folder') {
        const relative = path.relative(root, full).split(path.sep).join('/');
        // .gitignore applies to folders only: the Gen1 CLI lists aws-exports.js there, and those files are the point.
        if (SKIPPED_FOLDERS.has(name) || name.startsWith('.') || ignored(relative)) continue;
        walk(full, depth + 1);
      } else if (kind === 'other' && GEN1_FILE_NAMES.has(name)) {
        apps.add(appRoot(full, root));
      }
    }
  };
  walk(root, 0);
  return [...apps].sort();
}

/** The nearest folder above a Gen1 file that marks an app, not above the repository root; else the file's folder. */
export function appRoot(file: string, root: string): string {
  return markedAppRoot(file, root) ?? path.dirname(file);
}

/** The nearest folder above a Gen1 file that marks an app, not above the repository root, if there is one. */
export function markedAppRoot(file: string, root: string): string | undefined {
  // amplify/backend/amplify-meta.json and amplify/#current-cloud-backend/amplify-meta.json belong to the folder above amplify/.
  const amplifyFolder = file.split(path.sep).lastIndexOf('amplify');
  if (path.basename(file) === 'amplify-meta.json' && amplifyFolder > 0) return file.split(path.sep).slice(0, amplifyFolder).join(path.sep) || path.sep;
  let directory = path.dirname(file);
  for (;;) {
    const names = namesIn(directory);
    if (APP_MARKERS.some((marker) => names.has(marker) && existsSync(path.join(directory, marker)))) return directory;
    if (path.relative(root, directory) === '' || path.dirname(directory) === directory) return undefined;
    directory = path.dirname(directory);
  }
}

/** The simple patterns of the root .gitignore: names, paths, and * wildcards. */
function readGitignore(root: string): (relative: string) => boolean {
  let text = '';
  try {
    text = readFileSync(path.join(root, '.gitignore'), 'utf8');
  } catch {
    return () => false;
  }
  const patterns = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#') && !line.startsWith('!'))
    .map((line) => {
      const anchored = line.startsWith('/');
      const body = line.replace(/^\//, '').replace(/\/$/, '');
      const source = body
        .split('*')
        .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('[^/]*');
      return new RegExp(anchored || body.includes('/') ? `^${source}(/|$)` : `(^|/)${source}(/|$)`);
    });
  return (relative) => patterns.some((pattern) => pattern.test(relative));
}

/** Where the amplify_outputs.json of an input goes: a folder as it is, a file's app root. */
function outputFolder(input: string, root: string, isFolder: boolean): string {
  // A missing input is reported by the command itself.
  if (isFolder) return path.relative(root, input) || '.';
  return path.relative(root, appRoot(input, root)) || '.';
}

/**
 * The amplify_outputs.json of one input of a run over several apps, relative to the current folder. `isFolder`:
 * whether the input is a folder, when the caller has already looked.
 */
export function outputsFileFor(item: string, cwd: string, isFolder?: boolean): string {
  const input = path.resolve(cwd, item);
  return path.join(outputFolder(input, cwd, isFolder ?? isDirectory(input)), 'amplify_outputs.json');
}
