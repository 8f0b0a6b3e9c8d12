import { defineKey, isPlainObject } from '../mapping/output-tree.js';
import { getOutputsSchema, type SchemaNode } from '../validation/schemas.js';
import type { OutputsVersion } from './versions.js';

/**
 * Orders keys as the schema lists them (unknown keys, such as map entries, keep their order), so that the file
 * reads like one Gen2 writes and is byte-identical on every run.
 */
export function orderBySchema(value: unknown, version: OutputsVersion): unknown {
  const schema = getOutputsSchema(version);
  return order(value, schema, schema);
}

function resolve(node: SchemaNode | undefined, root: SchemaNode): SchemaNode | undefined {
  let current = node;
  for (let i = 0; current?.$ref && i < 10; i++) {
    const name = current.$ref.replace('#/$defs/', '');
    current = root.$defs?.[name];
  }
  return current;
}

/** What ordering needs of a schema node, worked out once per node: the node its $ref names, and its property names. */
interface Shape {
  schema: SchemaNode | undefined;
  known: string[];
}

const shapes = new WeakMap<SchemaNode, Shape>();

function shapeOf(node: SchemaNode | undefined, root: SchemaNode): Shape {
  if (!node) return { schema: undefined, known: [] };
  let shape = shapes.get(node);
  if (!shape) {
    const schema = resolve(node, root);
    shape = { schema, known: schema?.properties ? Object.keys(schema.properties) : [] };
    shapes.set(node, shape);
  }
  return shape;
}

function order(value: unknown, node: SchemaNode | undefined, root: SchemaNode): unknown {
  const { schema, known } = shapeOf(node, root);
  if (Array.isArray(value)) return value.map((item) => order(item, schema?.items, root));
  if (!isPlainObject(value)) return value;
  const result: Record<string, unknown> = {};
  // Own properties only: a key such as "constructor" must not find Object.prototype's.
  const properties = schema?.properties;
  for (const key of known) {
    if (hasOwn(value, key)) defineKey(result, key, order(value[key], properties![key], root));
  }
  const rest = patternSchema(schema) ?? (typeof schema?.additionalProperties === 'object' ? schema.additionalProperties : undefined);
  for (const key of Object.keys(value)) {
    if (!properties || !hasOwn(properties, key)) defineKey(result, key, order(value[key], rest, root));
  }
  return result;
}

function hasOwn(object: object, key: string): boolean {
  return Object.hasOwn(object, key);
}

function patternSchema(schema: SchemaNode | undefined): SchemaNode | undefined {
  const patterns = schema?.patternProperties;
  return patterns ? Object.values(patterns)[0] : undefined;
}

/** 2-space JSON with a final newline. */
export function serializeOutputs(outputs: unknown): string {
  return `${JSON.stringify(outputs, null, 2)}\n`;
}
