import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { convert, isConversionError, validateOutputs, type ConvertOptions } from '../src/index.js';
import { expectEveryFieldAccountedFor } from './support/accounting.js';
import { readDocument } from './support/read-document.js';

/**
 * Every folder of fixtures/ is a case: one input file (any name but expected.* and options.json, at any depth),
 * optional options.json (library options), and the expected results: expected.amplify_outputs.json with
 * expected.diagnostics.json, or expected.error.json for input that cannot be converted.
 * UPDATE_FIXTURES=1 rewrites the expected files (review the diff before committing).
 */
const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');
const UPDATE = process.env['UPDATE_FIXTURES'] === '1';

function listFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const full = path.join(directory, name);
    return statSync(full).isDirectory() ? listFiles(full) : [full];
  });
}

function inputOf(caseDir: string): string {
  const inputs = listFiles(caseDir).filter((file) => {
    const name = path.basename(file);
    return !name.startsWith('expected.') && name !== 'options.json' && name !== 'README.md';
  });
  if (inputs.length !== 1) throw new Error(`${caseDir} must hold exactly one input file, found ${inputs.length}`);
  return inputs[0]!;
}

function expectMatchesFile(file: string, actual: string): void {
  if (UPDATE) {
    writeFileSync(file, actual);
    return;
  }
  expect(existsSync(file), `${path.relative(FIXTURES, file)} is missing (run with UPDATE_FIXTURES=1 to create it)`).toBe(true);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

const cases = readdirSync(FIXTURES).filter((name) => statSync(path.join(FIXTURES, name)).isDirectory()).sort();

describe('fixtures', () => {
  it('has cases', () => {
    expect(cases.length).toBeGreaterThan(10);
  });

  for (const name of cases) {
    it(name, () => {
      const caseDir = path.join(FIXTURES, name);
      const input = inputOf(caseDir);
      const fileName = path.relative(caseDir, input);
      const optionsFile = path.join(caseDir, 'options.json');
      const options = (existsSync(optionsFile) ? JSON.parse(readFileSync(optionsFile, 'utf8')) : {}) as ConvertOptions;
      const text = readFileSync(input, 'utf8');
      let result;
      try {
        result = convert(text, { ...options, fileName });
      } catch (error) {
        if (!isConversionError(error)) throw error;
        expectMatchesFile(path.join(caseDir, 'expected.error.json'), `${JSON.stringify(error.diagnostic, null, 2)}\n`);
        expect(existsSync(path.join(caseDir, 'expected.amplify_outputs.json'))).toBe(false);
        return;
      }
      expect(existsSync(path.join(caseDir, 'expected.error.json'))).toBe(false);
      expectMatchesFile(path.join(caseDir, 'expected.amplify_outputs.json'), result.text);
      expectMatchesFile(path.join(caseDir, 'expected.diagnostics.json'), `${JSON.stringify(result.diagnostics, null, 2)}\n`);
      expect(validateOutputs(result.outputs).valid).toBe(true);
      expectEveryFieldAccountedFor(readDocument(text, fileName, options.from), result);
      // Deterministic: the same input gives the same bytes.
      expect(convert(text, { ...options, fileName }).text).toBe(result.text);
    });
  }
});
