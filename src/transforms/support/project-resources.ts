import { isPlainObject } from '../../mapping/output-tree.js';

/** What the files of a Gen1 project folder say about its resources, beside the amplify-meta.json converted. */

/** The project files that list the backend's resources, in the order they are read. */
const RESOURCE_LISTS = ['amplify/backend/amplify-meta.json', 'amplify/backend/backend-config.json'] as const;

/** Categories whose entries are not resources an app's client configuration is made from. */
const NOT_CLIENT_RESOURCES = new Set(['providers', 'hosting']);

export interface UnpushedResources {
  /** `<category>/<resource>`, in the order the files list them. */
  resources: string[];
  /** The files that list them. */
  files: string[];
}

/** The meta files that record what was deployed: a resource with a push time stamp and outputs in one of them was. */
const DEPLOYED_RECORDS = ['amplify/#current-cloud-backend/amplify-meta.json', 'amplify/backend/amplify-meta.json'] as const;

/**
 * Resources the project's backend folder lists that were never pushed: listed in amplify/backend/amplify-meta.json or
 * backend-config.json, and deployed (with a push time stamp and outputs) neither in the converted document (when it
 * is a meta file) nor in the project's copies of amplify-meta.json.
 */
export function unpushedResources(projectFiles: Readonly<Record<string, string>> | undefined, converted: unknown): UnpushedResources {
  const records = [converted, ...DEPLOYED_RECORDS.map((file) => parseObject(projectFiles?.[file]))];
  const resources: string[] = [];
  const files: string[] = [];
  for (const file of RESOURCE_LISTS) {
    const listed = parseObject(projectFiles?.[file]);
    if (!listed) continue;
    let named = false;
    for (const [category, entries] of Object.entries(listed)) {
      if (NOT_CLIENT_RESOURCES.has(category) || !isPlainObject(entries)) continue;
      for (const name of Object.keys(entries)) {
        if (records.some((record) => isDeployed(record, category, name))) continue;
        const id = `${category}/${name}`;
        named = true;
        if (!resources.includes(id)) resources.push(id);
      }
    }
    if (named) files.push(file);
  }
  return { resources, files };
}

function isDeployed(record: unknown, category: string, name: string): boolean {
  const entries = isPlainObject(record) ? record[category] : undefined;
  const resource = isPlainObject(entries) ? entries[name] : undefined;
  return isPlainObject(resource) && resource['lastPushTimeStamp'] !== undefined && isPlainObject(resource['output']);
}

function parseObject(text: string | undefined): Record<string, unknown> | undefined {
  if (text === undefined) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    return isPlainObject(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}
