import { joinPointer, parsePointer } from '../source/json-pointer.js';
import type { ObjectEntry, ObjectNode, SourceLocation, SourceNode } from '../source/source-node.js';

export interface SourceMatch {
  pointer: string;
  node: SourceNode;
  /** Where the field is written: its key for object entries, its value for array items. */
  loc: SourceLocation;
}

/** Entries that count: with a key written twice, the last one wins, as in JavaScript and JSON.parse. */
export function effectiveEntries(node: ObjectNode): ObjectEntry[] {
  let entries = effective.get(node);
  if (!entries) {
    const last = new Map<string, ObjectEntry>();
    for (const entry of node.entries) last.set(entry.key, entry);
    entries = node.entries.length === last.size ? node.entries : node.entries.filter((entry) => last.get(entry.key) === entry);
    effective.set(node, entries);
  }
  return entries;
}

const effective = new WeakMap<ObjectNode, ObjectEntry[]>();

/** Finds the nodes a row's source pattern names; a `*` token matches every key or index. */
export function matchSource(root: ObjectNode, pattern: string): SourceMatch[] {
  let current: SourceMatch[] = [{ pointer: '', node: root, loc: root.loc }];
  for (const token of parsePointer(pattern)) {
    const next: SourceMatch[] = [];
    for (const match of current) {
      const { node } = match;
      if (node.kind === 'object') {
        for (const entry of effectiveEntries(node)) {
          if (token === '*' || entry.key === token) next.push({ pointer: joinPointer(match.pointer, entry.key), node: entry.node, loc: entry.keyLoc });
        }
      } else if (node.kind === 'array') {
        node.items.forEach((item, index) => {
          if (token === '*' || token === String(index)) next.push({ pointer: joinPointer(match.pointer, index), node: item, loc: item.loc });
        });
      }
    }
    current = next;
  }
  return current;
}

/** The node at an exact pointer. */
export function nodeAt(root: ObjectNode, pointer: string): SourceMatch | undefined {
  return matchSource(root, pointer)[0];
}
