import path from 'node:path';
import { CLIENT_FILE_PLACES, PROJECT_FILE_PLACES } from '../../formats/index.js';
import { PLATFORM_FACTS, PLATFORMS_BY_MARKER, isPlatform, type Platform } from '../../platforms.js';
import { metaPlacesIn } from '../../project/read-project.js';
import { markerIn, outputPlace, platformMarkedBy, RAW_RESOURCE } from '../../app/app-places.js';
import { namesIn } from './folder-names.js';

export { platformMarkedBy, rankClientFiles } from '../../app/app-places.js';

/**
 * One app, as every command reads it: its root, its platform, the Gen1 source read (and why), its project folder,
 * and where its amplify_outputs goes. The rule for the source: the app's own client file says what the app runs
 * with today, so it is read when there is one (the first at the usual places); the project folder's amplify-meta.json
 * then adds what the client file cannot say. Without a client file, the amplify-meta.json is read.
 */
export interface AppModel {
  /** The app's root: the folder its platform marks (package.json, pubspec.yaml, the Gradle settings, a Podfile or Xcode project). */
  root: string;
  platform: Platform | undefined;
  /** What told the platform, as the command line says it ("pubspec.yaml", "--platform", ...). */
  platformReason: string;
  /** The Gen1 file read: a client file, or the project's amplify-meta.json. */
  source: string;
  /** The folder that holds the Gen1 project's amplify/ with an amplify-meta.json (at or above the root), if any. */
  projectFolder: string | undefined;
  /** A Gen1 project above the app that is not its (its settings send its client files elsewhere), when it has none. */
  projectAbove?: string;
  /** Where the platform's library loads the file from (unless --out says otherwise). */
  output: string;
}

/**
 * How far up from a file an app's root and project folder are looked for: the repository (the folder holding .git),
 * else the current folder when the file is below it, else the file's own folder.
 */
export function searchLimit(file: string, cwd: string): string {
  return repositoryOf(file) ?? (isWithin(file, cwd) ? cwd : path.dirname(file));
}

/** The repository a file is in (the nearest folder above it holding .git), if any. */
function repositoryOf(file: string): string | undefined {
  for (let directory = path.dirname(file); ; directory = path.dirname(directory)) {
    if (namesIn(directory).has('.git')) return directory;
    if (path.dirname(directory) === directory) return undefined;
  }
}

/**
 * The project folder of an amplify-meta.json at one of its usual places (`<project>/amplify/backend/amplify-meta.json`,
 * the deployed copy in `amplify/#current-cloud-backend/`); undefined for a meta file anywhere else.
 */
export function projectOfMeta(file: string): string | undefined {
  return folderOfPlace(file, PROJECT_FILE_PLACES);
}

/**
 * The folder a file's usual place is relative to (`web/` for `web/src/aws-exports.js` and the place
 * `src/aws-exports.js`; the longest place that fits), or undefined when the file is at none of the places.
 */
function folderOfPlace(file: string, places: readonly string[]): string | undefined {
  const slashed = file.split(path.sep).join('/');
  let best: string | undefined;
  for (const place of places) {
    if (slashed.endsWith(`/${place}`) && (best === undefined || place.length > best.length)) best = place;
  }
  return best === undefined ? undefined : file.slice(0, file.length - best.length - 1) || path.parse(file).root;
}

/** Whether the app is read from its project's amplify-meta.json (it has no client file, or --project said so). */
export function readsMeta(app: AppModel): boolean {
  return app.projectFolder !== undefined && projectOfMeta(app.source) === app.projectFolder;
}

/** Whether a path is the folder or below it. */
export function isWithin(file: string, folder: string): boolean {
  const relative = path.relative(folder, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** The marked root above a file (not above the limit), with the platform its marker shows. */
function markedRoot(file: string, limit: string): { root: string; platform?: Platform; marker: string } | undefined {
  let gradleModule: string | undefined;
  for (let directory = path.dirname(file); ; directory = path.dirname(directory)) {
    const names = namesIn(directory);
    for (const platform of PLATFORMS_BY_MARKER) {
      const marker = markerIn(names, platform);
      if (marker === undefined) continue;
      // A Gradle module's build file: its project (the settings file) may be further up.
      if (platform === 'android' && marker.startsWith('build.gradle') && !names.has('settings.gradle') && !names.has('settings.gradle.kts')) {
        gradleModule ??= directory;
        continue;
      }
      if (gradleModule !== undefined && platform !== 'android') return { root: gradleModule, platform: 'android', marker: 'build.gradle' };
      return { root: directory, platform, marker };
    }
    if (gradleModule === undefined && names.has('amplify') && hasMeta(directory)) return { root: directory, marker: 'amplify/' };
    if (directory === limit || path.dirname(directory) === directory || !isWithin(directory, limit)) break;
  }
  return gradleModule !== undefined ? { root: gradleModule, platform: 'android', marker: 'build.gradle' } : undefined;
}

/** Whether a folder holds a Gen1 project with an amplify-meta.json. */
function hasMeta(directory: string): boolean {
  return metaFileOf(directory) !== undefined;
}

/**
 * A client file's app root when no marker shows it: the folder the file's usual place is relative to
 * (`src/aws-exports.js` in `web/` gives `web/`), else the file's own folder.
 */
function unmarkedRoot(file: string): string {
  return folderOfPlace(file, CLIENT_FILE_PLACES) ?? path.dirname(file);
}

/**
 * The app's project folder (holding amplify/ with an amplify-meta.json): at its root, or further up (not above the
 * limit) when that project's settings send its client files into the app (project-config.json's SourceDir, as the
 * Gen1 CLI writes for a web app kept in a folder of the repository).
 */
function projectFolderOf(root: string, clientFile: string | undefined, limit: string, readText: ModelContext['readText']): { mine?: string; above?: string } {
  let above: string | undefined;
  for (let directory = root; ; directory = path.dirname(directory)) {
    if (namesIn(directory).has('amplify') && hasMeta(directory)) {
      if (directory === root || (clientFile !== undefined && sourceDirOf(directory, readText) === path.dirname(clientFile))) return { mine: directory };
      above ??= directory;
    }
    if (directory === limit || path.dirname(directory) === directory || !isWithin(directory, limit)) return { above };
  }
}

/** Where a Gen1 project writes its JavaScript client files (project-config.json's javascript.config.SourceDir), if it says. */
function sourceDirOf(projectFolder: string, readText: ModelContext['readText']): string | undefined {
  const javascript = projectConfig(projectFolder, readText)?.['javascript'] as { config?: { SourceDir?: unknown } } | undefined;
  const sourceDir = javascript?.config?.SourceDir;
  return typeof sourceDir === 'string' ? path.resolve(projectFolder, sourceDir) : undefined;
}

/** project-config.json of each project folder asked about in this run, parsed (undefined: none, or not JSON). */
const projectConfigs = new Map<string, Record<string, unknown> | undefined>();

/** Forgets what was read of project folders: a run starts with nothing (see forgetListings). */
export function forgetProjectConfigs(): void {
  projectConfigs.clear();
}

function projectConfig(projectFolder: string, readText: ModelContext['readText']): Record<string, unknown> | undefined {
  if (projectConfigs.has(projectFolder)) return projectConfigs.get(projectFolder);
  const text = readText(path.join(projectFolder, 'amplify/.config/project-config.json'));
  let config: Record<string, unknown> | undefined;
  try {
    const parsed: unknown = text === undefined ? undefined : JSON.parse(text);
    config = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    config = undefined;
  }
  projectConfigs.set(projectFolder, config);
  return config;
}

/** The platform a Gen1 project says its frontend is (amplify/.config/project-config.json), if it says. */
function projectFrontend(projectFolder: string | undefined, readText: ModelContext['readText']): Platform | undefined {
  if (projectFolder === undefined) return undefined;
  const frontend = projectConfig(projectFolder, readText)?.['frontend'];
  return PLATFORMS_BY_MARKER.find((platform) => PLATFORM_FACTS[platform].gen1Frontend === frontend);
}

/** How the model is asked for: the current folder, a --platform to use, and a way to read a small file (read once per run). */
export interface ModelContext {
  cwd: string;
  platform?: Platform;
  readText: (file: string) => string | undefined;
}

/** The app a Gen1 client file belongs to, read from that file. */
export function appOfClientFile(file: string, context: ModelContext): AppModel {
  const limit = searchLimit(file, context.cwd);
  const marked = markedRoot(file, limit);
  const root = marked?.root ?? unmarkedRoot(file);
  // A project above the app must claim it (see projectFolderOf), so the search may go past the current folder.
  const projects = projectFolderOf(root, file, repositoryOf(file) ?? path.parse(file).root, context.readText);
  const projectFolder = projects.mine;
  const byFile = file.endsWith('.dart') ? 'flutter' : RAW_RESOURCE.test(file) ? 'android' : undefined;
  const frontend = marked?.platform === undefined ? projectFrontend(projectFolder, context.readText) : undefined;
  const [platform, platformReason] = choosePlatform(context.platform, [
    [byFile, byFile === 'flutter' ? 'a .dart file' : 'a raw resource'],
    [marked?.platform, marked?.marker ?? ''],
    [frontend, 'amplify/.config/project-config.json'],
    [/aws-exports\.[jt]s$/.test(file) ? 'web' : undefined, 'aws-exports'],
  ]);
  const app: AppModel = { root, platform, platformReason, source: file, projectFolder, output: outputPlace(platform, root, file, namesIn) };
  if (projects.above !== undefined) app.projectAbove = projects.above;
  return app;
}

/** The app of a Gen1 project folder read through its amplify-meta.json (no client file, or --project). */
export function appOfProject(projectFolder: string, metaFile: string, context: ModelContext): AppModel {
  // A web project whose client files go into an app of its own (project-config.json's SourceDir, as in a monorepo
  // with the project at its root) is that app's.
  const sourceDir = sourceDirOf(projectFolder, context.readText);
  const inner =
    sourceDir !== undefined && sourceDir !== projectFolder && isWithin(sourceDir, projectFolder)
      ? markedRoot(path.join(sourceDir, 'aws-exports.js'), projectFolder)
      : undefined;
  const root = inner !== undefined && inner.root !== projectFolder && inner.platform === 'web' ? inner.root : projectFolder;
  const marked = platformMarkedBy(namesIn(root));
  const [platform, platformReason] = choosePlatform(context.platform, [
    [marked?.[0], marked?.[1] ?? ''],
    [projectFrontend(projectFolder, context.readText), 'amplify/.config/project-config.json'],
  ]);
  return { root, platform, platformReason, source: metaFile, projectFolder, output: outputPlace(platform, root, undefined, namesIn) };
}

function choosePlatform(given: Platform | undefined, candidates: [Platform | undefined, string][]): [Platform | undefined, string] {
  if (given !== undefined && isPlatform(given)) return [given, '--platform'];
  for (const [platform, reason] of candidates) if (platform !== undefined) return [platform, reason];
  return [undefined, 'nothing in the app names it'];
}

/** The meta file a project folder's conversion reads: the deployed copy first. */
export function metaFileOf(projectFolder: string): string | undefined {
  const place = metaPlacesIn(projectFolder)[0];
  return place === undefined ? undefined : path.join(projectFolder, place);
}
