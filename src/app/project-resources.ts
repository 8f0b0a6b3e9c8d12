import { PROJECT_FILE_PLACES } from '../formats/index.js';
import { getAt, isPlainObject, type JsonObject } from '../mapping/output-tree.js';

/** The amplify-meta.json of a project folder, as a client-file conversion reads it: its place and its text. */
export interface ProjectMeta {
  /** Relative to the project folder: the deployed copy (amplify/#current-cloud-backend) first. */
  file: string;
  text: string;
}

/** The meta file among a project's files (see ConvertOptions.projectFiles): the deployed copy first. */
export function projectMetaOf(projectFiles: Readonly<Record<string, string>> | undefined): ProjectMeta | undefined {
  if (projectFiles === undefined) return undefined;
  for (const file of PROJECT_FILE_PLACES) {
    const text = Object.hasOwn(projectFiles, file) ? projectFiles[file] : undefined;
    if (typeof text === 'string') return { file, text };
  }
  return undefined;
}

/**
 * For each group `--select` chooses among (auth, api, storage, analytics), the meta resource that names the same
 * backend as the client file's conversion: the user pool (or identity pool), the GraphQL endpoint, the bucket, the
 * Pinpoint app. A group with no such resource is left to the meta table's own choice.
 */
export function resourcesMatching(metaText: string, client: JsonObject): Record<string, string> {
  let meta: unknown;
  try {
    meta = JSON.parse(metaText);
  } catch {
    return {};
  }
  if (!isPlainObject(meta)) return {};
  const chosen: Record<string, string> = {};
  const find = (group: string, category: string, output: string, value: unknown): void => {
    if (value === undefined || chosen[group] !== undefined) return;
    const resources = meta[category];
    if (!isPlainObject(resources)) return;
    for (const [name, resource] of Object.entries(resources)) {
      if (isPlainObject(resource) && isPlainObject(resource['output']) && resource['output'][output] === value) {
        chosen[group] = name;
        return;
      }
    }
  };
  find('auth', 'auth', 'UserPoolId', getAt(client, '/auth/user_pool_id'));
  find('auth', 'auth', 'IdentityPoolId', getAt(client, '/auth/identity_pool_id'));
  find('api', 'api', 'GraphQLAPIEndpointOutput', getAt(client, '/data/url'));
  find('storage', 'storage', 'BucketName', getAt(client, '/storage/bucket_name'));
  find('analytics', 'analytics', 'Id', getAt(client, '/analytics/amazon_pinpoint/app_id'));
  return chosen;
}
