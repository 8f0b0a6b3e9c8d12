import path from 'node:path';
import { CLIENT_FILE_PLACES } from '../formats/index.js';
import { PLATFORM_FACTS, PLATFORMS_BY_MARKER, type Platform } from '../platforms.js';

/*
 * The rules that place an app: which platform a folder's listing marks, where the platform's library loads
 * amplify_outputs from, and which of an app's client files is read first. They take listings, not a file system, so
 * that the command line (over folders) and planMigration (over a map of files) apply the same rules.
 */

/** The platform a folder's listing marks, and its marker, looked for in the order of PLATFORMS_BY_MARKER. */
export function platformMarkedBy(names: ReadonlySet<string>): [Platform, string] | undefined {
  for (const platform of PLATFORMS_BY_MARKER) {
    const marker = markerIn(names, platform);
    if (marker !== undefined) return [platform, marker];
  }
  return undefined;
}

/** The names of the markers of a platform found in a folder's listing. */
export function markerIn(names: ReadonlySet<string>, platform: Platform): string | undefined {
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

/** An Android app module's raw resources, where a Gen1 file of the app is: the same folder Amplify Android loads from. */
export const RAW_RESOURCE = /[\\/]res[\\/]raw[\\/][^\\/]+$/;

/** Where the platform's library loads the file from (see PLATFORM_FACTS); `namesIn` lists a folder. */
export function outputPlace(
  platform: Platform | undefined,
  root: string,
  clientFile: string | undefined,
  namesIn: (folder: string) => ReadonlySet<string>,
): string {
  const place = platform === undefined ? 'beside' : PLATFORM_FACTS[platform].outputsPlace;
  if (place !== 'beside') return path.join(root, place);
  if (platform === 'android' && (clientFile === undefined || !RAW_RESOURCE.test(clientFile))) {
    // The app module: the conventional app/ when it is a Gradle module, else the root when it is one.
    const module = [path.join(root, 'app'), root].find((folder) =>
      PLATFORM_FACTS.android.markers.some((marker) => namesIn(folder).has(marker) && marker.startsWith('build.gradle')),
    );
    if (module !== undefined) return path.join(module, 'src/main/res/raw/amplify_outputs.json');
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
