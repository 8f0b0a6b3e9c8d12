import fc from 'fast-check';

/**
 * Runs `check` on texts made from `text` by one to three small edits: a few characters removed at a place, and up to
 * three of `pieces` put there. FC_RUNS and FC_SEED set the number of runs and the seed.
 */
export function forMutatedTexts(text: string, pieces: readonly string[], defaultRuns: number, check: (mutated: string) => void): void {
  const mutation = fc.record({ at: fc.nat(text.length), remove: fc.nat(4), insert: fc.array(fc.constantFrom(...pieces), { maxLength: 3 }) });
  fc.assert(
    fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (mutations) => {
      let mutated = text;
      for (const { at, remove, insert } of mutations) mutated = mutated.slice(0, at) + insert.join('') + mutated.slice(at + remove);
      check(mutated);
    }),
    { numRuns: Number(process.env['FC_RUNS'] ?? defaultRuns), seed: process.env['FC_SEED'] === undefined ? undefined : Number(process.env['FC_SEED']) },
  );
}
