import { joinPointer, parsePointer } from '../source/json-pointer.js';
import type { ObjectEntry, ObjectNode, SourceLocation, SourceNode } from '../source/source-node.js';

export interface SourceMatch {
  pointer: string;
  node: SourceNode;
  /** Where the field is written: its key for object entries, its value for array items. */
  loc: SourceLocation;
  /** Values of the `{name}` tokens of the pattern: the key matched and the pointer of what it names. */
  bindings?: Record<string, Binding>;
}

/** What a `{name}` token matched: the key, and the field it names. */
export interface Binding {
  key: string;
  pointer: string;
  node: SourceNode;
  loc: SourceLocation;
}

/**
 * A source pattern parsed once: per token, the literal key, or `*` (any key or index), or `{name}` (any key,
 * named for the row's conditions).
 */
export interface SourcePattern {
  readonly source: string;
  readonly tokens: readonly string[];
  /** The binding name of each token, undefined for a literal or `*`. */
  readonly names: readonly (string | undefined)[];
  /** Whether each token matches any key. */
  readonly any: readonly boolean[];
  /** True when no token is `*` or `{name}`: the pattern is the pointer of one field. */
  readonly exact: boolean;
}

/** A `{name}` token matches any key, like `*`, and names what it matched. */
function bindingName(token: string): string | undefined {
  return token.length > 2 && token.startsWith('{') && token.endsWith('}') ? token.slice(1, -1) : undefined;
}

const patterns = new Map<string, SourcePattern>();

export function compilePattern(source: string): SourcePattern {
  let pattern = patterns.get(source);
  if (!pattern) {
    const tokens = parsePointer(source);
    const names = tokens.map(bindingName);
    const any = tokens.map((token, index) => token === '*' || names[index] !== undefined);
    pattern = { source, tokens, names, any, exact: !any.includes(true) };
    if (patterns.size < 5_000) patterns.set(source, pattern);
  }
  return pattern;
}

/**
 * Entries that count: with a key written twice, the last one wins, as in JavaScript and JSON.parse. Nothing is kept
 * between calls: a cache keyed by node (a WeakMap) would keep every converted tree alive until a full collection,
 * so a batch would carry thousands of dead trees; SourceIndex keeps this for one conversion instead.
 */
export function effectiveEntries(node: ObjectNode): readonly ObjectEntry[] {
  const entries = node.entries;
  if (!hasRepeatedKey(entries)) return entries;
  const last = new Map<string, ObjectEntry>();
  for (const entry of entries) last.set(entry.key, entry);
  return entries.filter((entry) => last.get(entry.key) === entry);
}

/** Whether two entries share a key: pairwise for the few entries objects usually have, else with a set. */
function hasRepeatedKey(entries: readonly ObjectEntry[]): boolean {
  const count = entries.length;
  if (count <= 16) {
    for (let i = 1; i < count; i++) {
      const key = entries[i]!.key;
      for (let j = 0; j < i; j++) if (entries[j]!.key === key) return true;
    }
    return false;
  }
  return new Set(entries.map((entry) => entry.key)).size !== count;
}

/** Finds the nodes a row's source pattern names; a `*` token matches every key or index. */
export function matchSource(
  root: ObjectNode,
  source: string | SourcePattern,
  entriesOf: (node: ObjectNode) => readonly ObjectEntry[] = effectiveEntries,
): SourceMatch[] {
  const pattern = typeof source === 'string' ? compilePattern(source) : source;
  let current: SourceMatch[] = [{ pointer: '', node: root, loc: root.loc }];
  for (let depth = 0; depth < pattern.tokens.length && current.length > 0; depth++) {
    const token = pattern.tokens[depth]!;
    const binding = pattern.names[depth];
    const any = pattern.any[depth]!;
    const next: SourceMatch[] = [];
    for (const match of current) {
      const { node } = match;
      if (node.kind === 'object') {
        for (const entry of entriesOf(node)) {
          if (!any && entry.key !== token) continue;
          const pointer = joinPointer(match.pointer, entry.key);
          next.push({ pointer, node: entry.node, loc: entry.keyLoc, bindings: bind(match, binding, entry.key, pointer, entry.node, entry.keyLoc) });
        }
      } else if (node.kind === 'array') {
        const items = node.items;
        for (let index = 0; index < items.length; index++) {
          if (!any && token !== String(index)) continue;
          const pointer = joinPointer(match.pointer, index);
          next.push({
            pointer,
            node: items[index]!,
            loc: items[index]!.loc,
            bindings: bind(match, binding, String(index), pointer, items[index]!, items[index]!.loc),
          });
        }
      }
    }
    current = next;
  }
  return current;
}

function bind(match: SourceMatch, binding: string | undefined, key: string, pointer: string, node: SourceNode, loc: SourceLocation): SourceMatch['bindings'] {
  return binding === undefined ? match.bindings : { ...match.bindings, [binding]: { key, pointer, node, loc } };
}

/** True when the pattern names the pointer (given as tokens) or one of its ancestors. */
export function patternCovers(pattern: SourcePattern, tokens: readonly string[]): boolean {
  if (pattern.tokens.length > tokens.length) return false;
  for (let i = 0; i < pattern.tokens.length; i++) {
    if (!pattern.any[i] && pattern.tokens[i] !== tokens[i]) return false;
  }
  return true;
}
