import type { AppFiles } from './types.js';

/** Folders that hold no app of their own to find: dependencies, build output, version control. */
export const DEPENDENCY_AND_BUILD_FOLDERS: ReadonlySet<string> = new Set([
  'node_modules',
  '.git',
  'dist',
  'build',
  'coverage',
  '.next',
  '.nuxt',
  'out',
  'Pods',
  '.dart_tool',
  '.gradle',
]);

/** Folders whose files are never an app's own sources: those, tool caches, and the deployed copy of a Gen1 backend. */
const FOREIGN_FOLDERS: ReadonlySet<string> = new Set([
  ...DEPENDENCY_AND_BUILD_FOLDERS,
  '.svelte-kit',
  '.expo',
  'DerivedData',
  '.amplify',
  '#current-cloud-backend',
]);

/**
 * Whether a path (relative to the app's root, "/" separators) lies in a folder that holds no source of the app's
 * own: those above, and the backend's amplify/ at the root (Gen1 functions, Gen2 backend code).
 */
export function inForeignFolder(relative: string): boolean {
  const parts = relative.split('/');
  if (parts.length > 1 && (parts[0] === 'amplify' || parts[0] === '..')) return true;
  for (let index = 0; index < parts.length - 1; index++) if (FOREIGN_FOLDERS.has(parts[index]!)) return true;
  return false;
}

/** An app's files seen as folders: what each folder holds (names of files and folders), for the app placing rules. */
export class AppFileIndex {
  private readonly listings = new Map<string, Set<string>>();

  constructor(readonly files: AppFiles) {
    for (const file of Object.keys(files)) {
      const parts = file.split('/');
      for (let index = 0; index < parts.length; index++) {
        const folder = parts.slice(0, index).join('/');
        let names = this.listings.get(folder);
        if (names === undefined) {
          names = new Set();
          this.listings.set(folder, names);
        }
        names.add(parts[index]!);
      }
    }
  }

  /** The names in a folder ("" for the root); empty for a folder the files do not reach. */
  namesIn = (folder: string): ReadonlySet<string> => this.listings.get(folder === '.' ? '' : folder) ?? EMPTY;

  /** The paths, in code-unit order. */
  paths(): string[] {
    return Object.keys(this.files).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }
}

const EMPTY: ReadonlySet<string> = new Set();
