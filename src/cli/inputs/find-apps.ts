import { readFileSync } from 'node:fs';
import path from 'node:path';
import { GEN1_FILE_NAMES } from '../../formats/index.js';
import { appOfClientFile, appOfProject, metaFileOf, projectOfMeta, rankClientFiles, type AppModel, type ModelContext } from './app-model.js';
import { entryKind, sortedEntries } from './folder-names.js';
import { DEPENDENCY_AND_BUILD_FOLDERS } from '../../migrate/app-files.js';

/**
 * The apps of a repository, each read as every command reads an app (see AppModel): every Gen1 file below the
 * folder, grouped by the app it belongs to; an app's source is its first client file in the order of the usual
 * places; a Gen1 project that no app's client file belongs to is an app of its own. In order of their roots.
 * node_modules, build output and what the root .gitignore ignores are skipped.
 */
export function findApps(root: string, context: ModelContext): AppModel[] {
  const ignored = readGitignore(root);
  const clientFiles: string[] = [];
  const projects = new Set<string>();
  const walk = (directory: string, depth: number): void => {
    if (depth > 12) return;
    for (const entry of sortedEntries(directory) ?? []) {
      const { name } = entry;
      const full = path.join(directory, name);
      const kind = entryKind(entry, full);
      // A link to a folder is not followed: it may lead outside the repository, or back into it.
      if (kind === 'folder' && !entry.isSymbolicLink()) {
        const relative = path.relative(root, full).split(path.sep).join('/');
        // .gitignore applies to folders only: the Gen1 CLI lists aws-exports.js there, and those files are the point.
        if (DEPENDENCY_AND_BUILD_FOLDERS.has(name) || name.startsWith('.') || ignored(relative)) continue;
        walk(full, depth + 1);
      } else if (kind === 'other' && GEN1_FILE_NAMES.has(name)) {
        const project = name === 'amplify-meta.json' ? projectOfMeta(full) : undefined;
        if (project !== undefined) projects.add(project);
        else clientFiles.push(full);
      }
    }
  };
  walk(root, 0);
  // Files that would write one output are one app (a web app's aws-exports.js and amplifyconfiguration.json); an
  // Android project's modules, each with its raw resources, are apps of their own.
  const byOutput = new Map<string, AppModel[]>();
  for (const file of clientFiles) {
    const app = appOfClientFile(file, context);
    const group = byOutput.get(app.output);
    if (group) group.push(app);
    else byOutput.set(app.output, [app]);
  }
  const apps: AppModel[] = [];
  const claimed = new Set<string>();
  for (const group of byOutput.values()) {
    const first = rankClientFiles(
      group[0]!.root,
      group.map((app) => app.source),
    )[0]!;
    const app = group.find((candidate) => candidate.source === first)!;
    if (app.projectFolder !== undefined) claimed.add(app.projectFolder);
    apps.push(app);
  }
  for (const project of projects) {
    const meta = metaFileOf(project);
    if (!claimed.has(project) && meta !== undefined) apps.push(appOfProject(project, meta, context));
  }
  const key = (app: AppModel): string => `${app.root}\u0000${app.source}`;
  return apps.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
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
