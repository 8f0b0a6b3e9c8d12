import { describe, expect, it } from 'vitest';
import { effectiveEntries } from '../src/mapping/match-source.js';
import { SourceIndex } from '../src/mapping/source-index.js';
import { joinPointer } from '../src/source/json-pointer.js';
import type { ObjectNode, SourceNode } from '../src/source/source-node.js';

const loc = { line: 1, column: 1 };

/** An object node with the given keys in order, each holding its position. */
function objectOf(keys: string[]): ObjectNode {
  return { kind: 'object', loc, entries: keys.map((key, index) => ({ key, keyLoc: loc, node: { kind: 'scalar', value: index, loc } })) };
}

describe('effective entries', () => {
  // Both sides of the size at which repeated keys are looked for with a set instead of pairwise.
  for (const size of [3, 16, 17, 40]) {
    it(`keep the last of a repeated key, in file order, in an object of ${size} keys`, () => {
      const keys = Array.from({ length: size }, (_, index) => `k${index}`);
      const plain = objectOf(keys);
      expect(effectiveEntries(plain)).toBe(plain.entries);
      const repeated = objectOf([...keys.slice(0, -1), 'k0']);
      const effective = effectiveEntries(repeated);
      expect(effective.map((entry) => entry.key)).toEqual([...keys.slice(1, -1), 'k0']);
      expect(effective.at(-1)!.node).toEqual({ kind: 'scalar', value: size - 1, loc });
    });
  }

  it('are the same from a document index, which works them out once per conversion', () => {
    const inner = objectOf(['a', 'b', 'a']);
    const root: ObjectNode = { kind: 'object', loc, entries: [{ key: 'x', keyLoc: loc, node: inner }, ...objectOf(['y', 'x']).entries] };
    const index = new SourceIndex(root);
    expect(index.entriesOf(root)).toEqual(effectiveEntries(root));
    expect(index.entriesOf(root).map((entry) => entry.key)).toEqual(['y', 'x']);
    // The shadowed x (with its duplicate a) is not in the index.
    expect(index.at('/x')?.node).toEqual({ kind: 'scalar', value: 1, loc });
    expect(index.at('/x/a')).toBeUndefined();
    expect(index.entriesOf(inner).map((entry) => entry.key)).toEqual(['b', 'a']);
  });
});

describe('a document index', () => {
  /** Every field of a document with its pointer and location, found by a plain walk of the entries that count. */
  function everyField(root: ObjectNode): Map<string, { node: unknown; loc: unknown }> {
    const fields = new Map<string, { node: unknown; loc: unknown }>([['', { node: root, loc: root.loc }]]);
    const walk = (node: SourceNode, pointer: string): void => {
      if (node.kind === 'object') {
        for (const entry of effectiveEntries(node)) {
          const child = joinPointer(pointer, entry.key);
          fields.set(child, { node: entry.node, loc: entry.keyLoc });
          walk(entry.node, child);
        }
      } else if (node.kind === 'array') {
        node.items.forEach((item, index) => {
          fields.set(joinPointer(pointer, index), { node: item, loc: item.loc });
          walk(item, joinPointer(pointer, index));
        });
      }
    };
    walk(root, '');
    return fields;
  }

  const at = (line: number, column: number) => ({ line, column });
  // Objects on both sides of the size from which keys are looked up in a map, keys written twice, keys that need
  // escaping, and arrays.
  const wide = Array.from({ length: 12 }, (_, index) => ({
    key: `w${index % 10}`,
    keyLoc: at(10, index),
    node: { kind: 'scalar' as const, value: index, loc: at(11, index) },
  }));
  const root: ObjectNode = {
    kind: 'object',
    loc: at(1, 1),
    entries: [
      { key: 'wide', keyLoc: at(2, 1), node: { kind: 'object', loc: at(2, 9), entries: wide } },
      { key: 'a/b', keyLoc: at(3, 1), node: { kind: 'scalar', value: 'slash', loc: at(3, 9) } },
      { key: 'a~b', keyLoc: at(4, 1), node: { kind: 'scalar', value: 'tilde', loc: at(4, 9) } },
      {
        key: 'list',
        keyLoc: at(5, 1),
        node: {
          kind: 'array',
          loc: at(5, 9),
          items: [
            { kind: 'scalar', value: 0, loc: at(5, 10) },
            { kind: 'object', loc: at(5, 12), entries: objectOf(['x']).entries },
          ],
        },
      },
      { key: '', keyLoc: at(6, 1), node: { kind: 'scalar', value: 'empty key', loc: at(6, 5) } },
      {
        key: 'list',
        keyLoc: at(7, 1),
        node: {
          kind: 'array',
          loc: at(7, 9),
          items: Array.from({ length: 12 }, (_, index) => ({ kind: 'scalar' as const, value: index, loc: at(7, 10 + index) })),
        },
      },
    ],
  };

  it('finds every field at its pointer, with the node and location a walk of the entries that count gives', () => {
    const index = new SourceIndex(root);
    const fields = everyField(root);
    expect(fields.size).toBe(1 + 1 + 10 + 2 + 1 + 1 + 12);
    for (const [pointer, field] of fields) {
      const found = index.at(pointer);
      expect(found, pointer).toBeDefined();
      expect({ pointer: found!.pointer, node: found!.node, loc: found!.loc }).toEqual({ pointer, ...field });
    }
    expect(index.at('/wide/w1')!.node).toEqual({ kind: 'scalar', value: 11, loc: at(11, 11) });
  });

  it('finds nothing at a pointer spelled otherwise, or at one the document does not have', () => {
    const index = new SourceIndex(root);
    for (const pointer of ['/list/01', '/list/-', '/list/12', '/list/1.0', '/list/ 1', '/a~2b', '/a~b', '/a/b', '/wide/w10', '/list/0/x', '/missing', 'wide']) {
      expect(index.at(pointer), pointer).toBeUndefined();
    }
    expect(index.at('/a~1b')!.node).toMatchObject({ value: 'slash' });
    expect(index.at('/a~0b')!.node).toMatchObject({ value: 'tilde' });
    expect(index.at('/list/11')!.node).toMatchObject({ value: 11 });
    expect(index.at('/')!.node).toMatchObject({ value: 'empty key' });
  });
});
