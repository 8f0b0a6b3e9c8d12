import type { ObjectNode, SourceDocument, SourceLocation, SourceNode } from '../source/source-node.js';

/** No position: the object did not come from text. */
export const NO_LOCATION: SourceLocation = { line: 0, column: 0 };

const MAX_DEPTH = 200;

/** Wraps an already-loaded object (for example `import config from './aws-exports'`) as a source document. */
export function readPlainObject(value: Record<string, unknown>): SourceDocument {
  return { root: toNode(value, 0) as ObjectNode, issues: [] };
}

function toNode(value: unknown, depth: number): SourceNode {
  if (depth > MAX_DEPTH) return { kind: 'unresolved', expression: '...', what: 'deeply nested value', loc: NO_LOCATION };
  if (value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) {
    return { kind: 'scalar', value, loc: NO_LOCATION };
  }
  if (Array.isArray(value)) return { kind: 'array', items: value.map((item) => toNode(item, depth + 1)), loc: NO_LOCATION };
  if (typeof value === 'object') {
    return {
      kind: 'object',
      entries: Object.keys(value).map((key) => ({ key, keyLoc: NO_LOCATION, node: toNode((value as Record<string, unknown>)[key], depth + 1) })),
      loc: NO_LOCATION,
    };
  }
  return { kind: 'unresolved', expression: typeof value, what: `${typeof value} value`, loc: NO_LOCATION };
}
