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

/**
 * Resources the project's backend folder lists that were never pushed: in amplify/backend/amplify-meta.json without
 * a push time stamp, or in backend-config.json and absent, with outputs, from `deployed` (the converted meta file).
 */
export function unpushedResources(projectFiles: Readonly<Record<string, string>> | undefined, deployed: unknown): UnpushedResources {
  const resources: string[] = [];
  const files: string[] = [];
  for (const file of RESOURCE_LISTS) {
    const listed = parseObject(projectFiles?.[file]);
    if (!listed) continue;
    let named = false;
    for (const [category, entries] of Object.entries(listed)) {
      if (NOT_CLIENT_RESOURCES.has(category) || !isPlainObject(entries)) continue;
      for (const [name, resource] of Object.entries(entries)) {
        if (!isPlainObject(resource) || isDeployed(deployed, category, name)) continue;
        if (file.endsWith('amplify-meta.json') && resource['lastPushTimeStamp'] !== undefined && isPlainObject(resource['output'])) continue;
        const id = `${category}/${name}`;
        named = true;
        if (!resources.includes(id)) resources.push(id);
      }
    }
    if (named) files.push(file);
  }
  return { resources, files };
}

function isDeployed(deployed: unknown, category: string, name: string): boolean {
  const entries = isPlainObject(deployed) ? deployed[category] : undefined;
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
