import path from 'node:path';
import { CLIENT_FILE_PLACES, PROJECT_FILE_PLACES } from '../../formats/index.js';
import { PLATFORM_FACTS, PLATFORMS_BY_MARKER, isPlatform, type Platform } from '../../platforms.js';
import { isFile } from '../../project/path-kind.js';
import { namesIn } from './folder-names.js';

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
  /** Where the platform's library loads the file from (unless --out says otherwise). */
  output: string;
}

/** The names of the markers of a platform found in a folder's listing. */
function markerIn(names: ReadonlySet<string>, platform: Platform): string | undefined {
  for (const marker of PLATFORM_FACTS[platform].markers) {
    if (marker.endsWith('/')) {
      const found = namesEndingIn(names, marker.slice(0, -1));
      if (found !== undefined) return found;
    } else if (names.has(marker)) return marker;
  }
  return undefined;
}

/** Per listing, the first name with each suffix looked for: a folder of many apps is asked about once per app. */
const suffixed = new WeakMap<ReadonlySet<string>, Map<string, string | undefined>>();

function namesEndingIn(names: ReadonlySet<string>, suffix: string): string | undefined {
  let known = suffixed.get(names);
  if (known === undefined) {
    known = new Map();
    suffixed.set(names, known);
  }
  if (!known.has(suffix)) {
    let found: string | undefined;
    for (const name of names) {
      if (name.endsWith(suffix)) {
        found = name;
        break;
      }
    }
    known.set(suffix, found);
  }
  return known.get(suffix);
}

/**
 * How far up from a file an app's root and project folder are looked for: the repository (the folder holding .git),
 * else the current folder when the file is below it, else the file's own folder.
 */
export function searchLimit(file: string, cwd: string): string {
  for (let directory = path.dirname(file); ; directory = path.dirname(directory)) {
    if (namesIn(directory).has('.git')) return directory;
    if (path.dirname(directory) === directory) break;
  }
  return isWithin(file, cwd) ? cwd : path.dirname(file);
}

function isWithin(file: string, folder: string): boolean {
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
  return PROJECT_FILE_PLACES.some((place) => isFile(path.join(directory, place)));
}

/**
 * A client file's app root when no marker shows it: the folder the file's usual place is relative to
 * (`src/aws-exports.js` in `web/` gives `web/`), else the file's own folder.
 */
function unmarkedRoot(file: string): string {
  const slashed = file.split(path.sep).join('/');
  let best: string | undefined;
  for (const place of CLIENT_FILE_PLACES) {
    if (slashed.endsWith(`/${place}`) && (best === undefined || place.length > best.length)) best = place;
  }
  return best === undefined ? path.dirname(file) : file.slice(0, file.length - best.length - 1) || path.sep;
}

/**
 * The app's project folder (holding amplify/ with an amplify-meta.json): at its root, or further up (not above the
 * limit) when that project's settings send its client files into the app (project-config.json's SourceDir, as the
 * Gen1 CLI writes for a web app kept in a folder of the repository).
 */
function projectFolderOf(root: string, clientFile: string | undefined, limit: string, readText: ModelContext['readText']): string | undefined {
  for (let directory = root; ; directory = path.dirname(directory)) {
    if (namesIn(directory).has('amplify') && hasMeta(directory)) {
      if (directory === root || (clientFile !== undefined && sourceDirOf(directory, readText) === path.dirname(clientFile))) return directory;
    }
    if (directory === limit || path.dirname(directory) === directory || !isWithin(directory, limit)) return undefined;
  }
}

/** Where a Gen1 project writes its JavaScript client files (project-config.json's javascript.config.SourceDir), if it says. */
function sourceDirOf(projectFolder: string, readText: ModelContext['readText']): string | undefined {
  const text = readText(path.join(projectFolder, 'amplify/.config/project-config.json'));
  if (text === undefined) return undefined;
  try {
    const sourceDir = (JSON.parse(text) as { javascript?: { config?: { SourceDir?: unknown } } }).javascript?.config?.SourceDir;
    return typeof sourceDir === 'string' ? path.resolve(projectFolder, sourceDir) : undefined;
  } catch {
    return undefined;
  }
}

/** The platform a Gen1 project says its frontend is (amplify/.config/project-config.json), if it says. */
function projectFrontend(projectFolder: string | undefined, readText: (file: string) => string | undefined): Platform | undefined {
  if (projectFolder === undefined) return undefined;
  const text = readText(path.join(projectFolder, 'amplify/.config/project-config.json'));
  if (text === undefined) return undefined;
  try {
    const frontend = (JSON.parse(text) as { frontend?: unknown }).frontend;
    return PLATFORMS_BY_MARKER.find((platform) => PLATFORM_FACTS[platform].gen1Frontend === frontend);
  } catch {
    return undefined;
  }
}

/** How the model is asked for: the current folder, a --platform to use, and a way to read a small file. */
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
  const projectFolder = projectFolderOf(root, file, limit, context.readText);
  const byFile = file.endsWith('.dart') ? 'flutter' : /[\\/]res[\\/]raw[\\/][^\\/]+$/.test(file) ? 'android' : undefined;
  const frontend = marked?.platform === undefined ? projectFrontend(projectFolder, context.readText) : undefined;
  const [platform, platformReason] = choosePlatform(context.platform, [
    [byFile, byFile === 'flutter' ? 'a .dart file' : 'a raw resource'],
    [marked?.platform, marked?.marker ?? ''],
    [frontend, 'amplify/.config/project-config.json'],
    [/aws-exports\.[jt]s$/.test(file) ? 'web' : undefined, 'aws-exports'],
  ]);
  return { root, platform, platformReason, source: file, projectFolder, output: outputPlace(platform, root, file) };
}

/** The app of a Gen1 project folder read through its amplify-meta.json (no client file, or --project). */
export function appOfProject(projectFolder: string, metaFile: string, context: ModelContext): AppModel {
  const names = namesIn(projectFolder);
  const marked = PLATFORMS_BY_MARKER.map((platform) => [platform, markerIn(names, platform)] as const).find(([, marker]) => marker !== undefined);
  const [platform, platformReason] = choosePlatform(context.platform, [
    [marked?.[0], marked?.[1] ?? ''],
    [projectFrontend(projectFolder, context.readText), 'amplify/.config/project-config.json'],
  ]);
  return { root: projectFolder, platform, platformReason, source: metaFile, projectFolder, output: outputPlace(platform, projectFolder, undefined) };
}

function choosePlatform(given: Platform | undefined, candidates: [Platform | undefined, string][]): [Platform | undefined, string] {
  if (given !== undefined && isPlatform(given)) return [given, '--platform'];
  for (const [platform, reason] of candidates) if (platform !== undefined) return [platform, reason];
  return [undefined, 'nothing in the app names it'];
}

/** Where the platform's library loads the file from: see PLATFORM_FACTS. */
function outputPlace(platform: Platform | undefined, root: string, clientFile: string | undefined): string {
  const place = platform === undefined ? 'beside' : PLATFORM_FACTS[platform].outputsPlace;
  if (place !== 'beside') return path.join(root, place);
  if (platform === 'android' && (clientFile === undefined || !/[\\/]res[\\/]raw[\\/][^\\/]+$/.test(clientFile))) {
    const module = namesIn(root).has('app') ? path.join(root, 'app') : root;
    return path.join(module, 'src/main/res/raw/amplify_outputs.json');
  }
  return path.join(clientFile === undefined ? root : path.dirname(clientFile), 'amplify_outputs.json');
}

/**
 * The order of an app's client files: the usual places first (in their order, relative to the root), then the
 * others by path. The first is the one read.
 */
export function rankClientFiles(root: string, files: readonly string[]): string[] {
  const rank = (file: string): number => {
    const index = CLIENT_FILE_PLACES.indexOf(path.relative(root, file).split(path.sep).join('/'));
    return index < 0 ? CLIENT_FILE_PLACES.length : index;
  };
  return [...files].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}

/** The meta file a project folder's conversion reads: the deployed copy first. */
export function metaFileOf(projectFolder: string): string | undefined {
  const place = PROJECT_FILE_PLACES.find((candidate) => isFile(path.join(projectFolder, candidate)));
  return place === undefined ? undefined : path.join(projectFolder, place);
}
