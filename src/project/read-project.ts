import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createDiagnostic } from '../diagnostics/diagnostic.js';
import { ConversionError } from '../errors.js';
import { PROJECT_FILE_PLACES } from '../formats/index.js';
import { isDirectory, isFile } from './path-kind.js';
import { AUTH_FOLDER, AUTH_RESOURCE_FILES, PROJECT_SETTINGS_FILES } from './project-files.js';

/**
 * Reads a Gen1 project folder for the amplify-meta.json conversion: the meta file itself (the deployed copy in
 * amplify/#current-cloud-backend first, then amplify/backend) and the files that hold what it lacks. This is the
 * only part of the library that touches the file system; convert() receives what it gathers.
 */
export interface GatheredProject {
  /** The meta file used, relative to the project folder. */
  metaFile: string;
  metaText: string;
  /** Other meta files found and not used, relative to the project folder. */
  otherMetaFiles: string[];
  /**
   * Files by path relative to the project folder, for ConvertOptions.projectFiles: both amplify-meta.json copies,
   * backend-config.json, project-config.json, team-provider-info.json, and each auth resource's settings.
   */
  projectFiles: Record<string, string>;
}

/** The places of a folder's amplify-meta.json copies that exist, the deployed copy first (the one a conversion reads). */
export function metaPlacesIn(directory: string): string[] {
  return PROJECT_FILE_PLACES.filter((candidate) => isFile(path.join(directory, candidate)));
}

/** True when the folder is a Gen1 project with an amplify-meta.json. */
export function isGen1Project(directory: string): boolean {
  return metaPlacesIn(directory).length > 0;
}

export function readProject(directory: string): GatheredProject {
  const found = metaPlacesIn(directory);
  const metaFile = found[0];
  if (!metaFile) {
    throw new ConversionError(
      createDiagnostic('NO_CONFIG_OBJECT', {
        message: `The folder has no ${PROJECT_FILE_PLACES.join(' nor ')}, so it is not a Gen1 project that can be converted.`,
        resolution: 'Give the folder of the Gen1 project (the one that holds amplify/); run amplify pull there first if the backend is not in it.',
        source: { file: directory, pointer: '' },
      }),
    );
  }
  const projectFiles: Record<string, string> = {};
  const add = (relative: string): void => {
    const file = path.join(directory, relative);
    if (isFile(file)) projectFiles[relative.split(path.sep).join('/')] = readFileSync(file, 'utf8');
  };
  for (const place of PROJECT_SETTINGS_FILES) add(place);
  const authFolder = path.join(directory, AUTH_FOLDER);
  if (isDirectory(authFolder)) {
    for (const resource of readdirSync(authFolder).sort()) for (const name of AUTH_RESOURCE_FILES) add(`${AUTH_FOLDER}/${resource}/${name}`);
  }
  return {
    metaFile,
    metaText: readFileSync(path.join(directory, metaFile), 'utf8'),
    otherMetaFiles: found.slice(1),
    projectFiles,
  };
}
