import { createRequire } from 'node:module';
import type { OutputsVersion } from '../outputs/versions.js';

/** The official amplify_outputs.json JSON schemas, shipped in `schemas/` and loaded on first use. */

const load = createRequire(import.meta.url);
const cache = new Map<OutputsVersion, SchemaNode>();

export interface SchemaNode {
  type?: string;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  additionalProperties?: boolean | SchemaNode;
  patternProperties?: Record<string, SchemaNode>;
  $ref?: string;
  $defs?: Record<string, SchemaNode>;
  [key: string]: unknown;
}

export function getOutputsSchema(version: OutputsVersion): SchemaNode {
  let schema = cache.get(version);
  if (!schema) {
    schema = load(`../../schemas/schema_v${version}.json`) as SchemaNode;
    cache.set(version, schema);
  }
  return schema;
}
