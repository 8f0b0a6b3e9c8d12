import { formatPointer, joinPointer, pointerTokens } from '../source/json-pointer.js';
import type { ObjectEntry, ObjectNode, SourceNode } from '../source/source-node.js';
import { effectiveEntries, type SourceMatch } from './match-source.js';

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
          this.shadowing ??= new Map();
          this.shadowing.set(node, entries);
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
    return this.below({ pointer: '', node: this.root, loc: this.root.loc }, tokens, pointer);
  }

  /** The field at literal tokens below a match (given as a pointer too), as matchSource would give it. */
  below(match: SourceMatch, tokens: readonly string[], pointer: string): SourceMatch | undefined {
    let node = match.node;
    let loc = match.loc;
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
    return { pointer: match.pointer + pointer, node, loc, bindings: match.bindings };
  }

  /**
   * The entries of an object of this document that count (see effectiveEntries): in a document without a key
   * written twice, an object's own entries, without looking.
   */
  readonly entriesOf = (node: ObjectNode): readonly ObjectEntry[] =>
    this.shadowing === undefined ? node.entries : (this.shadowing.get(node) ?? effectiveEntries(node));

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
