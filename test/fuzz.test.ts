import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../src/cli/inputs/read-input.js';
import { convert, isConversionError, validateOutputs } from '../src/index.js';
import { findingsOutsideInput } from './support/accounting.js';
import { corpusFiles } from './support/corpus.js';
import { fixtureCases } from './support/fixture-cases.js';
import { readDocument } from './support/read-document.js';

/**
 * A fuzz run over the fixtures and the corpus for a bounded time (FUZZ_SECONDS, default 8): bytes flipped and
 * inserted, tokens spliced, and JSON structure rewritten (values swapped, keys renamed to hostile ones, subtrees
 * duplicated and nested deeply). Every input must finish within a second, and end either in a valid result or in
 * a ConversionError that says where. FUZZ_SEED replays a run; the seed is in every failure message. FUZZ_DUMP
 * names a folder where the input of each failing round is written.
 */
const SECONDS = Number(process.env['FUZZ_SECONDS'] ?? 8);
const SEED = Number(process.env['FUZZ_SEED'] ?? Date.now() % 2_147_483_647);
const LIMIT_MS = 1000;

const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', '', '*', '{name}', 'a/b', '~1', 'aws_x', 'plugins', 'items'];
const TOKENS = [
  '{',
  '}',
  '[',
  ']',
  ',',
  ':',
  '"',
  "'",
  '`',
  'null',
  'true',
  '-0',
  '1e999',
  '""',
  '[]',
  '{}',
  '"__proto__"',
  '${x}',
  '...a',
  'process.env.X',
  '\\u0000',
  '\\ud800',
  "'''",
  '/*',
  '//',
  '\n',
];

function random(seed: number): (n: number) => number {
  let state = seed || 1;
  return (n) => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) % n;
  };
}

function inputs(): string[] {
  return [
    ...fixtureCases().map((fixture) => fixture.text),
    ...['aws-exports', 'amplifyconfiguration', 'awsconfiguration', 'amplifyconfiguration-dart', 'amplify-meta'].flatMap((folder) =>
      corpusFiles(folder).map((file) => readFileSync(file, 'utf8')),
    ),
  ];
}

/** Rewrites the structure of a JSON value in place at a random spot; returns the new root. */
function mutateStructure(root: unknown, next: (n: number) => number, donor: () => unknown): unknown {
  const containers: { parent: Record<string, unknown> | unknown[]; key: string | number }[] = [];
  const walk = (value: unknown, depth: number): void => {
    if (depth > 30 || typeof value !== 'object' || value === null) return;
    for (const key of Array.isArray(value) ? value.keys() : Object.keys(value)) {
      containers.push({ parent: value as Record<string, unknown>, key });
      walk((value as Record<string, unknown>)[key as string], depth + 1);
    }
  };
  walk(root, 0);
  if (containers.length === 0) return root;
  const { parent, key } = containers[next(containers.length)]!;
  const current = (parent as Record<string | number, unknown>)[key];
  const set = (value: unknown): void => {
    Object.defineProperty(parent, key, { value, enumerable: true, writable: true, configurable: true });
  };
  switch (next(8)) {
    case 0:
      set([null, true, 0, -1.5, '', ' ', 'x'.repeat(next(5000)), {}, [], 'eu-west-1'][next(10)]);
      break;
    case 1:
      set(donor());
      break;
    case 2:
      set([current, JSON.parse(JSON.stringify(current) ?? 'null')]);
      break;
    case 3: {
      let nested = current;
      for (let i = next(3) === 0 ? 150 + next(150) : next(20); i > 0; i--) nested = next(2) ? [nested] : { [HOSTILE_KEYS[next(HOSTILE_KEYS.length)]!]: nested };
      set(nested);
      break;
    }
    case 4:
      if (!Array.isArray(parent)) {
        delete (parent as Record<string, unknown>)[key as string];
        Object.defineProperty(parent, HOSTILE_KEYS[next(HOSTILE_KEYS.length)]!, { value: current, enumerable: true, writable: true, configurable: true });
      }
      break;
    case 5:
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete (parent as Record<string, unknown>)[key as string];
      break;
    case 6:
      set(typeof current === 'string' ? Number(current.length) : (JSON.stringify(current) ?? null));
      break;
    default:
      set({ ...(typeof current === 'object' && current !== null ? current : {}), [HOSTILE_KEYS[next(HOSTILE_KEYS.length)]!]: donor() });
  }
  return root;
}

function mutate(text: string, next: (n: number) => number, texts: string[]): { text: string; bytes?: Buffer } {
  const kind = next(4);
  if (kind === 0) {
    // Bytes: flipped, inserted or cut, then read as the command line reads a file.
    const bytes = Buffer.from(text);
    for (let edit = 1 + next(6); edit > 0 && bytes.length > 0; edit--) bytes[next(bytes.length)] = next(256);
    return { text: '', bytes };
  }
  if (kind === 1) {
    let out = text;
    for (let edit = 1 + next(4); edit > 0; edit--) {
      const at = next(out.length + 1);
      if (next(2)) out = out.slice(0, at) + TOKENS[next(TOKENS.length)] + out.slice(at);
      else out = out.slice(0, at) + out.slice(at + 1 + next(30));
    }
    return { text: out };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { text: text.slice(0, next(text.length + 1)) };
  }
  const donorText = texts[next(texts.length)]!;
  // A fresh copy at each use, so that no object ends up inside itself.
  const donor = (): unknown => {
    try {
      return JSON.parse(donorText);
    } catch {
      return 'donor';
    }
  };
  let root = parsed;
  for (let edit = 1 + next(3); edit > 0; edit--) root = mutateStructure(root, next, donor);
  const json = JSON.stringify(root, null, next(2) ? 2 : undefined) ?? 'null';
  return { text: kind === 2 ? json : `const awsmobile = ${json};\nexport default awsmobile;\n` };
}

/** Milliseconds a call takes (whatever it throws). */
function timed(run: () => unknown): number {
  const started = performance.now();
  try {
    run();
  } catch {
    // Only the time matters here.
  }
  return performance.now() - started;
}

describe('fuzzing', () => {
  it(
    `mutated fixtures and corpus files for ${SECONDS} s (seed ${SEED}): nothing crashes or hangs, every refusal is located`,
    () => {
      const texts = inputs();
      const next = random(SEED);
      const problems: string[] = [];
      const outcomes = { converted: 0, refused: 0, unreadable: 0 };
      const end = Date.now() + SECONDS * 1000;
      let round = 0;
      for (; Date.now() < end && problems.length < 5; round++) {
        const before = problems.length;
        const mutated = mutate(texts[next(texts.length)]!, next, texts);
        let text = mutated.text;
        if (mutated.bytes) {
          const decoded = decodeText(mutated.bytes);
          if (typeof decoded !== 'string') {
            outcomes.unreadable++;
            if (!/at line \d+, column \d+|UTF-16/.test(decoded.problem)) problems.push(`seed ${SEED} round ${round}: unlocated: ${decoded.problem}`);
            continue;
          }
          text = decoded;
        }
        const started = performance.now();
        try {
          const result = convert(text, { fileName: 'fuzzed' });
          outcomes.converted++;
          const validation = validateOutputs(result.outputs, result.version);
          if (!validation.valid) problems.push(`seed ${SEED} round ${round}: invalid output ${JSON.stringify(validation.errors)}`);
          for (const finding of findingsOutsideInput(readDocument(text, 'fuzzed'), result, 'fuzzed', true))
            problems.push(`seed ${SEED} round ${round}: ${finding}`);
        } catch (error) {
          if (!isConversionError(error)) {
            problems.push(`seed ${SEED} round ${round}: ${error instanceof Error ? error.stack : String(error)}`);
          } else {
            outcomes.refused++;
            const { source, code } = error.diagnostic;
            if (typeof source.pointer !== 'string') problems.push(`seed ${SEED} round ${round}: ${code} without a pointer`);
            if ((code === 'PARSE_ERROR' || code === 'NESTING_TOO_DEEP') && !(source.line! > 0 && source.column! > 0))
              problems.push(`seed ${SEED} round ${round}: ${code} without a line and column`);
          }
        }
        // A slow round is timed again: a pause of the machine is not the input's doing, a slow input is slow each time.
        let elapsed = performance.now() - started;
        for (let retry = 0; retry < 2 && elapsed > LIMIT_MS; retry++)
          elapsed = Math.min(
            elapsed,
            timed(() => convert(text, { fileName: 'fuzzed' })),
          );
        if (elapsed > LIMIT_MS) problems.push(`seed ${SEED} round ${round}: took ${elapsed.toFixed(0)} ms`);
        if (Object.keys(Object.prototype).length > 0) problems.push(`seed ${SEED} round ${round}: Object.prototype was modified`);
        if (problems.length > before && process.env['FUZZ_DUMP']) writeFileSync(path.join(process.env['FUZZ_DUMP'], `round-${round}.txt`), text);
      }
      expect(problems).toEqual([]);
      // The run did real work on every path: conversions, refusals and unreadable bytes.
      expect(round).toBeGreaterThan(100);
      expect(outcomes.converted).toBeGreaterThan(round / 10);
      expect(outcomes.refused).toBeGreaterThan(0);
      expect(outcomes.unreadable).toBeGreaterThan(0);
    },
    (SECONDS + 60) * 1000,
  );
});
