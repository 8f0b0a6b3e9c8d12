import { formatPointer, joinPointer, parsePointer, pointerTokens } from '../source/json-pointer.js';
import type { ObjectEntry, ObjectNode, SourceLocation, SourceNode } from '../source/source-node.js';

export interface SourceMatch {
  pointer: string;
  node: SourceNode;
  /** Where the field is written: its key for object entries, its value for array items. */
  loc: SourceLocation;
  /** Values of the `{name}` tokens of the pattern: the key matched and the pointer of what it names. */
  bindings?: Record<string, { key: string; pointer: string }>;
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
export function matchSource(root: ObjectNode, source: string | SourcePattern, entriesOf: (node: ObjectNode) => readonly ObjectEntry[] = effectiveEntries): SourceMatch[] {
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
          next.push({ pointer, node: entry.node, loc: entry.keyLoc, bindings: bind(match, binding, entry.key, pointer) });
        }
      } else if (node.kind === 'array') {
        const items = node.items;
        for (let index = 0; index < items.length; index++) {
          if (!any && token !== String(index)) continue;
          const pointer = joinPointer(match.pointer, index);
          next.push({ pointer, node: items[index]!, loc: items[index]!.loc, bindings: bind(match, binding, String(index), pointer) });
        }
      }
    }
    current = next;
  }
  return current;
}

function bind(match: SourceMatch, binding: string | undefined, key: string, pointer: string): SourceMatch['bindings'] {
  return binding === undefined ? match.bindings : { ...match.bindings, [binding]: { key, pointer } };
}

/** True when the pattern names the pointer (given as tokens) or one of its ancestors. */
export function patternCovers(pattern: SourcePattern, tokens: readonly string[]): boolean {
  if (pattern.tokens.length > tokens.length) return false;
  for (let i = 0; i < pattern.tokens.length; i++) {
    if (!pattern.any[i] && pattern.tokens[i] !== tokens[i]) return false;
  }
  return true;
}

/** A node met on the index's walk, with the way back to the root (for the pointer, built only when needed). */
interface Visit {
  node: SourceNode;
  parent: Visit | undefined;
  token: string;
}

function pointerOfVisit(visit: Visit): string {
  const tokens: string[] = [];
  for (let current: Visit | undefined = visit; current?.parent; current = current.parent) tokens.push(current.token);
  return formatPointer(tokens.reverse());
}

/** Objects with more entries than this get a map of their keys once looked into; smaller ones are scanned. */
const SCANNED_ENTRIES = 8;

/** A canonical array index: digits without a leading zero (RFC 6901). */
function arrayIndex(token: string, length: number): number | undefined {
  if (token.length === 0 || token.length > 10 || (token.length > 1 && token.charCodeAt(0) === 48)) return undefined;
  for (let i = 0; i < token.length; i++) {
    const code = token.charCodeAt(i);
    if (code < 48 || code > 57) return undefined;
  }
  const index = Number(token);
  return index < length ? index : undefined;
}

/**
 * What a conversion looks up in its document: a field by its exact pointer (keys written twice: the last one), the
 * entries of an object that count, and whether some value could not be read. One walk finds keys written twice and
 * unreadable values; a field is found by following its pointer's keys, and no pointer is built for fields never
 * asked about.
 */
export class SourceIndex {
  /** The effective entries of the objects that have a key written twice (most documents have none). */
  private shadowing: Map<ObjectNode, readonly ObjectEntry[]> | undefined;
  /** The entries of the larger objects looked into, by key. */
  private readonly keyMaps = new Map<ObjectNode, Map<string, ObjectEntry>>();
  /** Whether some value of the document could not be read (an expression known only when the file runs). */
  private unresolved = false;
  /** Values shadowed by a later copy of their key, by the pointer they would have. */
  readonly shadowed: { pointer: string; node: SourceNode }[] = [];

  constructor(private readonly root: ObjectNode) {
    const stack: Visit[] = [{ node: root, parent: undefined, token: '' }];
    while (stack.length > 0) {
      const visit = stack.pop()!;
      const { node } = visit;
      if (node.kind === 'object') {
        const entries = effectiveEntries(node);
        if (entries !== node.entries) {
          (this.shadowing ??= new Map()).set(node, entries);
          const pointer = pointerOfVisit(visit);
          const counted = new Set(entries);
          for (const entry of node.entries) if (!counted.has(entry)) this.shadowed.push({ pointer: joinPointer(pointer, entry.key), node: entry.node });
        }
        for (const entry of entries) if (entry.node.kind !== 'scalar') stack.push({ node: entry.node, parent: visit, token: entry.key });
      } else if (node.kind === 'array') {
        node.items.forEach((item, index) => {
          if (item.kind !== 'scalar') stack.push({ node: item, parent: visit, token: String(index) });
        });
      } else if (node.kind === 'unresolved') {
        this.unresolved = true;
      }
    }
  }

  get hasUnresolved(): boolean {
    return this.unresolved;
  }

  /** The field at a pointer, as matchSource would give it; undefined when the document has none there. */
  at(pointer: string): SourceMatch | undefined {
    if (pointer !== '' && pointer.charCodeAt(0) !== 47) return undefined;
    const tokens = pointerTokens(pointer);
    // Only the pointer's own spelling finds a field (a token such as ~2 is no escape of anything).
    if (pointer.includes('~') && formatPointer(tokens) !== pointer) return undefined;
    return this.atTokens(tokens, pointer);
  }

  /** The field at a pointer given as its tokens as well (from a parsed pattern, say). */
  atTokens(tokens: readonly string[], pointer: string): SourceMatch | undefined {
    let node: SourceNode = this.root;
    let loc = this.root.loc;
    for (const token of tokens) {
      if (node.kind === 'object') {
        const entry = this.entryOf(node, token);
        if (!entry) return undefined;
        node = entry.node;
        loc = entry.keyLoc;
      } else if (node.kind === 'array') {
        const index = arrayIndex(token, node.items.length);
        if (index === undefined) return undefined;
        node = node.items[index]!;
        loc = node.loc;
      } else {
        return undefined;
      }
    }
    return { pointer, node, loc };
  }

  /**
   * The entries of an object of this document that count (see effectiveEntries): in a document without a key
   * written twice, an object's own entries, without looking.
   */
  readonly entriesOf = (node: ObjectNode): readonly ObjectEntry[] => (this.shadowing === undefined ? node.entries : (this.shadowing.get(node) ?? effectiveEntries(node)));

  /** The entry of an object that counts for a key. */
  private entryOf(node: ObjectNode, key: string): ObjectEntry | undefined {
    const entries = this.entriesOf(node);
    if (entries.length <= SCANNED_ENTRIES) {
      for (const entry of entries) if (entry.key === key) return entry;
      return undefined;
    }
    let keys = this.keyMaps.get(node);
    if (!keys) {
      keys = new Map();
      for (const entry of entries) keys.set(entry.key, entry);
      this.keyMaps.set(node, keys);
    }
    return keys.get(key);
  }
}
