import { createDiagnostic } from '../diagnostics/diagnostic.js';
import { ConversionError } from '../errors.js';
import type { ObjectEntry, ObjectNode, SourceDocument, SourceLocation, SourceNode } from '../source/source-node.js';
import { MAX_VALUE_DEPTH } from './nesting-depth.js';

/** No position: the object did not come from text. */
export const NO_LOCATION: SourceLocation = { line: 0, column: 0 };

/** More values than this (shared objects count each time they are reached) is not a configuration. */
const MAX_VALUES = 1_000_000;

/** Wraps an already-loaded object (for example `import config from './aws-exports'`) as a source document. */
export function readPlainObject(value: Record<string, unknown>): SourceDocument {
  const reader = { count: 0, path: new Set<object>() };
  return { root: toNode(value, 0, reader) as ObjectNode, issues: [] };
}

function unresolved(expression: string, what: string): SourceNode {
  return { kind: 'unresolved', expression, what, why: 'cannot be read as configuration data', loc: NO_LOCATION };
}

function toNode(value: unknown, depth: number, reader: { count: number; path: Set<object> }): SourceNode {
  if (++reader.count > MAX_VALUES) {
    throw new ConversionError(
      createDiagnostic('INPUT_TOO_LARGE', {
        message: `The object holds more than ${MAX_VALUES} values (shared objects counted each time), which no Gen1 configuration does.`,
        resolution: 'Pass the configuration object the Amplify CLI generated.',
        source: { pointer: '' },
      }),
    );
  }
  // Values first: they are most of a configuration.
  if (value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) {
    return depth > MAX_VALUE_DEPTH ? unresolved('...', 'deeply nested value') : { kind: 'scalar', value, loc: NO_LOCATION };
  }
  if (depth > MAX_VALUE_DEPTH) return unresolved('...', 'deeply nested value');
  if (value === UNREADABLE) return unresolved('...', 'property whose getter throws');
  if (typeof value !== 'object') return unresolved(typeof value, `${typeof value} value`);
  if (reader.path.has(value)) return unresolved('...', 'circular reference');
  reader.path.add(value);
  try {
    if (Array.isArray(value)) {
      const items: SourceNode[] = [];
      for (let index = 0; index < value.length; index++) items.push(toNode(read(value, index), depth + 1, reader));
      return { kind: 'array', items, loc: NO_LOCATION };
    }
    const prototype = Object.getPrototypeOf(value) as unknown;
    if (prototype !== Object.prototype && prototype !== null) return unresolved(describeObject(value), 'object that is not plain data');
    const entries: ObjectEntry[] = [];
    for (const key of Object.keys(value)) entries.push({ key, keyLoc: NO_LOCATION, node: toNode(read(value, key), depth + 1, reader) });
    return { kind: 'object', entries, loc: NO_LOCATION };
  } catch (error) {
    // A proxy whose traps throw: the value is left unread (a conversion error from below goes on up).
    if (error instanceof ConversionError) throw error;
    return unresolved('...', 'object that cannot be read');
  } finally {
    reader.path.delete(value);
  }
}

const UNREADABLE = Symbol('unreadable');

/** A property's value; one whose getter throws is left unread, as a value known only when code runs. */
function read(container: object, key: string | number): unknown {
  try {
    return (container as Record<string | number, unknown>)[key];
  } catch {
    return UNREADABLE;
  }
}

function describeObject(value: object): string {
  const name = (Object.getPrototypeOf(value) as { constructor?: { name?: unknown } } | null)?.constructor?.name;
  return typeof name === 'string' && name !== '' ? `a ${name}` : 'an object';
}
