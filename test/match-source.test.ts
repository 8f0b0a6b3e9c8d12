import { describe, expect, it } from 'vitest';
import { effectiveEntries, SourceIndex } from '../src/mapping/match-source.js';
import type { ObjectNode } from '../src/source/source-node.js';

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
