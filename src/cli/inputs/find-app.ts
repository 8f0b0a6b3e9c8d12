import path from 'node:path';
import { CLIENT_FILE_PLACES } from '../../formats/index.js';
import { PLATFORM_FACTS, PLATFORMS_BY_MARKER } from '../../platforms.js';
import { statIfAny } from '../../project/path-kind.js';
import { appOfClientFile, appOfProject, metaFileOf, type AppModel, type ModelContext } from './app-model.js';
import { findApps } from './find-apps.js';
import { listedPlaces, namesIn } from './folder-names.js';

export type FoundApp = { kind: 'found'; app: AppModel; why: string } | { kind: 'missing'; message: string } | { kind: 'several'; message: string };

/**
 * The one app of a folder: the client file at the usual places below it (the first, in their order); else the one
 * app found below it, as `--recursive` finds apps; else the folder's Gen1 project. Several apps below a folder
 * without a client file of its own is a question for the user.
 */
export function findApp(folder: string, context: ModelContext): FoundApp {
  for (const candidate of listedPlaces(folder, CLIENT_FILE_PLACES)) {
    const file = path.join(folder, candidate);
    const stats = statIfAny(file);
    if (stats !== undefined && !stats.isDirectory()) return { kind: 'found', app: appOfClientFile(file, context), why: "the app's client file" };
  }
  const apps = findApps(folder, context);
  if (apps.length === 1)
    return { kind: 'found', app: apps[0]!, why: apps[0]!.source.endsWith('amplify-meta.json') ? 'the app has no client file' : "the app's client file" };
  const shown = (file: string): string => path.relative(context.cwd, file) || '.';
  if (apps.length > 1) {
    return {
      kind: 'several',
      message: `${shown(folder)} holds ${apps.length} apps with Gen1 configuration: ${apps.map((app) => shown(app.root)).join(', ')}.\nName one of them, or convert them all, each next to its own file, with --recursive.\n`,
    };
  }
  const meta = metaFileOf(folder);
  if (meta !== undefined) return { kind: 'found', app: appOfProject(folder, meta, context), why: 'the app has no client file' };
  return { kind: 'missing', message: notFound(folder, shown(folder)) };
}

/** What to say when a folder holds no Gen1 configuration: what it is instead, where the platform's file would be, and the other ways in. */
function notFound(folder: string, display: string): string {
  const names = namesIn(folder);
  const gen2 = ['amplify_outputs.json', 'lib/amplify_outputs.dart', 'amplify/backend.ts'].find((place) => statIfAny(path.join(folder, place)) !== undefined);
  if (gen2 !== undefined) {
    return `${display} is already on Gen2: it has ${gen2}. There is no Gen1 configuration to convert; check the Gen2 file with \`check --outputs ${gen2}\` against a Gen1 file, if one remains elsewhere.\n`;
  }
  const platform = PLATFORMS_BY_MARKER.find((candidate) =>
    PLATFORM_FACTS[candidate].markers.some((marker) =>
      marker.endsWith('/') ? [...names].some((name) => name.endsWith(marker.slice(0, -1))) : names.has(marker),
    ),
  );
  const example = platform === undefined ? 'src/aws-exports.js' : PLATFORM_FACTS[platform].gen1File;
  return (
    `No Gen1 configuration file found in ${display} or any folder below it${platform === undefined ? '' : ` (a ${platform} app)`}. Looked first at: ${CLIENT_FILE_PLACES.join(', ')}.\n` +
    `Name the file (amplify-outputs-migrate convert path/to/${path.basename(example)}), or the Gen1 project folder that holds amplify/backend/amplify-meta.json (--project path/to/project); at the root of a repository, --recursive converts every app below it.\n`
  );
}
