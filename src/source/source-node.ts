/**
 * The format-neutral view of a Gen1 configuration that every reader produces: a tree of values that keep
 * where they were written, so that diagnostics can point at a line and column of the user's file.
 */

/** A 1-based line and column in the source text. */
export interface SourceLocation {
  line: number;
  column: number;
}

export type ScalarValue = string | number | boolean | null;

interface NodeBase {
  /** Where the value starts (for an object entry: where its value starts). */
  loc: SourceLocation;
}

export interface ObjectNode extends NodeBase {
  kind: 'object';
  entries: ObjectEntry[];
}

export interface ObjectEntry {
  key: string;
  /** Where the key is written. */
  keyLoc: SourceLocation;
  node: SourceNode;
}

export interface ArrayNode extends NodeBase {
  kind: 'array';
  items: SourceNode[];
}

export interface ScalarNode extends NodeBase {
  kind: 'scalar';
  value: ScalarValue;
}

/**
 * A value the reader could not evaluate without running the file (a call, `process.env.X`, an identifier that is
 * not a literal constant, a template literal with expressions...). It is never guessed.
 */
export interface UnresolvedNode extends NodeBase {
  kind: 'unresolved';
  /** The source text of the expression, shortened, for messages. */
  expression: string;
  /** What kind of expression it is, for messages: "call", "member expression", "identifier"... */
  what: string;
  /** Why it cannot be read, when it is not that it is known only when the file runs (a loaded object's values). */
  why?: string;
}

export type SourceNode = ObjectNode | ArrayNode | ScalarNode | UnresolvedNode;

/** A problem a reader found inside the object without giving up on the whole file (a spread, a computed key). */
export interface ReaderIssue {
  code: 'SPREAD_NOT_EVALUATED' | 'COMPUTED_KEY_NOT_EVALUATED' | 'DUPLICATE_KEY' | 'MOBILE_HUB_CONSTANTS' | 'DART_INTERPOLATION';
  /** JSON pointer of the object that contains the problem (or of the duplicated key). */
  pointer: string;
  loc: SourceLocation;
  detail: string;
}

/** What a reader hands to the mapping engine. */
export interface SourceDocument {
  root: ObjectNode;
  issues: ReaderIssue[];
}

/**
 * The plain JavaScript value of a node. Unresolved parts become `undefined`: object entries are left out, array
 * items keep their position (so that item pointers stay right) and are skipped by the transforms.
 */
export function toPlainValue(node: SourceNode): unknown {
  switch (node.kind) {
    case 'scalar':
      return node.value;
    case 'array':
      return node.items.map(toPlainValue);
    case 'object': {
      const result: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
      for (const entry of node.entries) {
        const value = toPlainValue(entry.node);
        if (value !== undefined) result[entry.key] = value;
      }
      return result;
    }
    case 'unresolved':
      return undefined;
  }
}

/** True when the node is an empty object, an empty array, or an empty (or blank) string. */
export function isEmptyNode(node: SourceNode): boolean {
  if (node.kind === 'object') return node.entries.length === 0;
  if (node.kind === 'array') return node.items.length === 0;
  if (node.kind === 'scalar') return typeof node.value === 'string' && node.value.trim() === '';
  return false;
}
