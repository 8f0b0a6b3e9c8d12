import path from 'node:path';
import { CLIENT_FILE_PLACES } from '../../formats/index.js';
import { PLATFORM_FACTS } from '../../platforms.js';
import { statIfAny } from '../../project/path-kind.js';
import { appOfClientFile, appOfProject, metaFileOf, platformMarkedBy, readsMeta, type AppModel, type ModelContext } from './app-model.js';
import { findApps } from './find-apps.js';
import { listedPlaces, namesIn } from './folder-names.js';

export type FoundApp = { kind: 'found'; app: AppModel; why: string } | { kind: 'missing'; message: string } | { kind: 'several'; message: string };

/**
 * The one app of a folder: the client file at the usual places below it (the first, in their order); else the one
 * app found below it, as `--recursive` finds apps; else the folder's Gen1 project. Several apps below a folder
 * without a client file of its own is a question for the user.
 */
export function findApp(folder: string, context: ModelContext): FoundApp {
  const file = firstClientFile(folder);
  if (file !== undefined) {
    const app = appOfClientFile(file, context);
    return { kind: 'found', app, why: whyFound(app) };
  }
  const apps = findApps(folder, context);
  if (apps.length === 1) return { kind: 'found', app: apps[0]!, why: whyFound(apps[0]!) };
  const shown = (file: string): string => path.relative(context.cwd, file) || '.';
  if (apps.length > 1) {
    return {
      kind: 'several',
      message: `${shown(folder)} holds ${apps.length} apps with Gen1 configuration: ${apps.map((app) => shown(app.root)).join(', ')}.\nName one of them, or take them all, each next to its own file, with --recursive.\n`,
    };
  }
  const meta = metaFileOf(folder);
  if (meta !== undefined) {
    const app = appOfProject(folder, meta, context);
    return { kind: 'found', app, why: whyFound(app) };
  }
  return { kind: 'missing', message: notFound(folder, shown(folder)) };
}

/** Why the source of an app found (not named) is the one read, as the Using line says it. */
export function whyFound(app: AppModel): string {
  return readsMeta(app) ? 'the app has no client file' : "the app's client file";
}

/** What to say when a folder holds no Gen1 configuration: what it is instead, where the platform's file would be, and the other ways in. */
function notFound(folder: string, display: string): string {
  const names = namesIn(folder);
  const has = (place: string): boolean => statIfAny(path.join(folder, place)) !== undefined;
  const outputs = ['amplify_outputs.json', 'lib/amplify_outputs.dart'].find(has);
  const gen1Project = has('amplify/backend') || has('amplify/.config/project-config.json');
  if (has('amplify/backend.ts') && !gen1Project) {
    return outputs !== undefined
      ? `${display} is already on Gen2: it has amplify/backend.ts and ${outputs}. There is no Gen1 configuration to convert.\n`
      : `${display} is already on Gen2: it has amplify/backend.ts. There is no Gen1 configuration to convert; \`npx ampx generate outputs\` (or \`npx ampx sandbox\`) writes amplify_outputs.json.\n`;
  }
  const above = appAbove(folder);
  const platform = platformMarkedBy(names)?.[0];
  const example = platform === undefined ? 'src/aws-exports.js' : PLATFORM_FACTS[platform].gen1File;
  const kind = platform === undefined ? '' : ` (${platform === 'ios' || platform === 'android' ? 'an' : 'a'} ${platform} app)`;
  return (
    `No Gen1 configuration file found in ${display} or any folder below it${kind}. Looked first at: ${CLIENT_FILE_PLACES.join(', ')}.\n` +
    (above !== undefined ? `The folder is inside an app that has one: ${above}. Run the command there, or name that file.\n` : '') +
    (outputs !== undefined && gen1Project
      ? `${outputs} is here, and the Gen1 project folder too, but not its client file nor amplify-meta.json: the Gen1 CLI's .gitignore leaves them out. To check ${outputs}, commit the Gen1 client file (or run where amplify pull wrote it).\n`
      : '') +
    `Name the file (amplify-outputs-migrate convert path/to/${path.basename(example)}), or the Gen1 project folder that holds amplify/backend/amplify-meta.json (--project path/to/project); at the root of a repository, --recursive converts every app below it.\n`
  );
}

/** A client file at the usual places of a folder above this one (up to three levels), as a path from the current folder. */
function appAbove(folder: string): string | undefined {
  let directory = folder;
  for (let level = 0; level < 3 && path.dirname(directory) !== directory; level++) {
    directory = path.dirname(directory);
    const file = firstClientFile(directory);
    if (file !== undefined) return path.relative(folder, file);
  }
  return undefined;
}

/** The first client file at the usual places of a folder, in their order (a folder of that name does not count). */
function firstClientFile(folder: string): string | undefined {
  for (const candidate of listedPlaces(folder, CLIENT_FILE_PLACES)) {
    const file = path.join(folder, candidate);
    const stats = statIfAny(file);
    if (stats !== undefined && !stats.isDirectory()) return file;
  }
  return undefined;
}
