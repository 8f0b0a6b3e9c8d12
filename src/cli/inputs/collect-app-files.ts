import { readFileSync } from 'node:fs';
import path from 'node:path';
import { GEN1_FILE_NAMES } from '../../formats/index.js';
import { inForeignFolder } from '../../migrate/app-files.js';
import { languageOf } from '../../migrate/plan-migration.js';
import { isBuildStepFile } from '../../migrate/build-steps.js';
import { entryKind, sortedEntries } from './folder-names.js';

/** Names of the files a migration reads besides sources: package manifests and locks, build and project settings. */
const SETTINGS_FILE = new RegExp(
  [
    String.raw`^package\.json$`,
    String.raw`^package-lock\.json$`,
    String.raw`^npm-shrinkwrap\.json$`,
    String.raw`^yarn\.lock$`,
    String.raw`^pnpm-lock\.yaml$`,
    String.raw`^bun\.lockb?$`,
    String.raw`^[tj]sconfig(\..+)?\.json$`,
    String.raw`^pubspec\.(yaml|lock)$`,
    String.raw`^Package\.(resolved|swift)$`,
    String.raw`^Podfile(\.lock)?$`,
    String.raw`^(build|settings)\.gradle(\.kts)?$`,
    String.raw`^libs\.versions\.toml$`,
    String.raw`^gradle\.properties$`,
    String.raw`^project\.pbxproj$`,
    String.raw`\.ya?ml$`,
    String.raw`^\.gitignore$`,
    String.raw`^amplify_outputs\.(json|dart)$`,
  ].join('|'),
);

/** Hidden folders that hold CI settings (build steps that may write the Gen1 file): walked, unlike other hidden folders. */
const CI_FOLDERS: ReadonlySet<string> = new Set(['.github', '.circleci', '.buildkite', '.gitlab']);

/** Files above this size are not sources a person wrote (bundles, generated code); they are not read. */
const LARGEST_FILE = 2 * 1024 * 1024;

/** The lock files and TypeScript settings of the folders above an app (a monorepo's), up to the limit. */
const ABOVE_FILE =
  /^(package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|bun\.lock|[tj]sconfig(\..+)?\.json|gradle\.properties|libs\.versions\.toml)$/;

/**
 * Reads what a migration needs of an app: its sources in the languages it rewrites, its Gen1 files, and its settings
 * files, by path relative to the root ("/" separators). Dependencies, build output, hidden folders (but .github) and
 * the Gen1 project's amplify/ folder are not walked; links to folders are not followed. Also the lock files and
 * TypeScript settings of the folders above it, up to `limit` (as `../<file>`).
 */
export function collectAppFiles(root: string, limit: string): Record<string, string> {
  const files: Record<string, string> = {};
  const read = (full: string, relative: string): void => {
    try {
      const bytes = readFileSync(full);
      if (bytes.length <= LARGEST_FILE) files[relative] = bytes.toString('utf8');
    } catch {
      // Unreadable: not part of the plan.
    }
  };
  const walk = (directory: string, relative: string, depth: number): void => {
    if (depth > 16) return;
    for (const entry of sortedEntries(directory) ?? []) {
      const { name } = entry;
      const full = path.join(directory, name);
      const inner = relative === '' ? name : `${relative}/${name}`;
      const kind = entryKind(entry, full);
      if (kind === 'folder') {
        if (entry.isSymbolicLink() || (name.startsWith('.') && !CI_FOLDERS.has(name)) || (relative === '' && name === 'amplify')) continue;
        if (inForeignFolder(`${inner}/x`)) continue;
        walk(full, inner, depth + 1);
      } else if (kind === 'other' && (languageOf(name) !== undefined || SETTINGS_FILE.test(name) || GEN1_FILE_NAMES.has(name) || isBuildStepFile(inner))) {
        read(full, inner);
      }
    }
  };
  walk(root, '', 0);
  let up = '';
  for (let directory = root; directory !== limit && path.dirname(directory) !== directory; ) {
    directory = path.dirname(directory);
    up += '../';
    for (const entry of sortedEntries(directory) ?? []) {
      if (entry.isFile() && ABOVE_FILE.test(entry.name)) read(path.join(directory, entry.name), `${up}${entry.name}`);
    }
    if (!path.relative(limit, directory) || path.relative(limit, directory).startsWith('..')) break;
  }
  return files;
}
