import { PROJECT_FILE_PLACES } from '../formats/index.js';

/*
 * The files of a Gen1 project folder a conversion reads (ConvertOptions.projectFiles), relative to the folder. Stated
 * here, without a file system, for readProject (over a folder) and planMigration (over a map of files) alike.
 */

/** The fixed files: every copy of the meta file (so that a conversion can tell resources deployed from resources never pushed), then the settings. */
export const PROJECT_SETTINGS_FILES: readonly string[] = [
  ...PROJECT_FILE_PLACES,
  'amplify/backend/backend-config.json',
  'amplify/.config/project-config.json',
  'amplify/team-provider-info.json',
  'amplify/backend/auth/userPoolGroups/user-pool-group-precedence.json',
];

/** The folder of the auth resources, and the settings files of each. */
export const AUTH_FOLDER = 'amplify/backend/auth';
export const AUTH_RESOURCE_FILES: readonly string[] = ['cli-inputs.json', 'parameters.json'];

/** Whether a path (relative to a project folder, "/" separators) is one of the files a conversion reads. */
export function isProjectFileRead(relative: string): boolean {
  if (PROJECT_SETTINGS_FILES.includes(relative)) return true;
  if (!relative.startsWith(`${AUTH_FOLDER}/`)) return false;
  const rest = relative.slice(AUTH_FOLDER.length + 1).split('/');
  return rest.length === 2 && AUTH_RESOURCE_FILES.includes(rest[1]!);
}
