import { joinPointer, parsePointer } from '../source/json-pointer.js';
import type { ObjectEntry, ObjectNode, SourceLocation, SourceNode } from '../source/source-node.js';

export interface SourceMatch {
  pointer: string;
  node: SourceNode;
  /** Where the field is written: its key for object entries, its value for array items. */
  loc: SourceLocation;
  /** Values of the `{name}` tokens of the pattern: the key matched and the pointer of what it names. */
  bindings?: Record<string, { key: string; pointer: string }>;
}

/** A `{name}` token matches any key, like `*`, and names what it matched. */
function bindingName(token: string): string | undefined {
  return token.length > 2 && token.startsWith('{') && token.endsWith('}') ? token.slice(1, -1) : undefined;
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
    const binding = bindingName(token);
    const any = token === '*' || binding !== undefined;
    const next: SourceMatch[] = [];
    const bind = (match: SourceMatch, key: string, pointer: string): SourceMatch['bindings'] =>
      binding === undefined ? match.bindings : { ...match.bindings, [binding]: { key, pointer } };
    for (const match of current) {
      const { node } = match;
      if (node.kind === 'object') {
        for (const entry of effectiveEntries(node)) {
          if (!any && entry.key !== token) continue;
          const pointer = joinPointer(match.pointer, entry.key);
          next.push({ pointer, node: entry.node, loc: entry.keyLoc, bindings: bind(match, entry.key, pointer) });
        }
      } else if (node.kind === 'array') {
        node.items.forEach((item, index) => {
          if (!any && token !== String(index)) return;
          const pointer = joinPointer(match.pointer, index);
          next.push({ pointer, node: item, loc: item.loc, bindings: bind(match, String(index), pointer) });
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
