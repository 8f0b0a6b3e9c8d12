import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { convert, isConversionError, validateOutputs } from '../src/index.js';
import { corpusFiles } from './support/corpus.js';
import { fixtureCases } from './support/fixture-cases.js';

/**
 * Mutated fixtures and corpus files (seeded, so every run is the same): the conversion either succeeds with a
 * valid result or fails with a ConversionError that says where; nothing else escapes.
 */
const TOKENS = [
  '{',
  '}',
  '[',
  ']',
  ',',
  ':',
  '"',
  "'",
  'null',
  'true',
  '0',
  '-1',
  '""',
  '[]',
  '{}',
  '"__proto__"',
  '"constructor"',
  '`',
  '${x}',
  '...a',
  'process.env.X',
  '"aws_x"',
  '\n',
  "'''",
];
const ROUNDS = 1500;

function random(seed: number): (n: number) => number {
  let state = seed;
  return (n) => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state % n;
  };
}

describe('mutated inputs', () => {
  it(`never escape as anything but a located ConversionError (${ROUNDS} seeded mutations)`, () => {
    const texts = [
      ...fixtureCases().map((fixture) => fixture.text),
      ...['aws-exports', 'amplifyconfiguration', 'awsconfiguration', 'amplifyconfiguration-dart'].flatMap((folder) =>
        corpusFiles(folder).map((file) => readFileSync(file, 'utf8')),
      ),
    ];
    const next = random(20261121);
    const problems: string[] = [];
    let converted = 0;
    for (let round = 0; round < ROUNDS; round++) {
      let text = texts[next(texts.length)]!;
      for (let edit = 1 + next(4); edit > 0; edit--) {
        const at = next(text.length + 1);
        const kind = next(3);
        if (kind === 0) text = text.slice(0, at) + TOKENS[next(TOKENS.length)] + text.slice(at);
        else if (kind === 1) text = text.slice(0, at) + text.slice(at + 1 + next(20));
        else {
          const from = next(text.length + 1);
          text = text.slice(0, at) + text.slice(from, from + next(40)) + text.slice(at);
        }
      }
      try {
        const result = convert(text, { fileName: 'mutated' });
        converted++;
        if (!validateOutputs(result.outputs).valid) problems.push(`round ${round}: invalid output`);
        if (Object.keys(Object.prototype).length > 0) problems.push(`round ${round}: Object.prototype was modified`);
      } catch (error) {
        if (!isConversionError(error)) problems.push(`round ${round}: ${String(error)}`);
        else if (error.diagnostic.code === 'PARSE_ERROR' && !(error.diagnostic.source.line! > 0)) problems.push(`round ${round}: parse error without a line`);
      }
    }
    expect(problems).toEqual([]);
    // The mutations leave many inputs convertible: the check above is not only about errors.
    expect(converted).toBeGreaterThan(ROUNDS / 10);
  });
});
