import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { convert, detectFormat, isConversionError, validateOutputs, type Diagnostic, type ConvertResult } from '../src/index.js';
import { expectEveryFieldAccountedFor, expectFindingsPointIntoInput } from './support/accounting.js';
import { FIXTURES, fixtureCases } from './support/fixture-cases.js';
import { readDocument } from './support/read-document.js';

/**
 * Every folder fixtures/convert/<format>/<case>/ is a case, with expected.amplify_outputs.json and
 * expected.diagnostics.json, or expected.error.json for input that cannot be converted; <format> is the format the
 * input is read as. UPDATE_FIXTURES=1 rewrites the expected files (review the diff before committing).
 *
 * The expected findings hold what each finding is: its code, severity, category, source (file, pointer, line,
 * column) and target, in order; not its message and resolution, whose words test/messages.test.ts holds.
 */
const UPDATE = process.env['UPDATE_FIXTURES'] === '1';

/** A finding without its words, as the expected files hold it. */
function withoutWords({ message: _message, resolution: _resolution, ...finding }: Diagnostic): Omit<Diagnostic, 'message' | 'resolution'> {
  return finding;
}

const asFile = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

function expectMatchesFile(file: string, actual: string): void {
  if (UPDATE) {
    writeFileSync(file, actual);
    return;
  }
  expect(existsSync(file), `${path.relative(FIXTURES, file)} is missing (run with UPDATE_FIXTURES=1 to create it)`).toBe(true);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

const cases = fixtureCases();

describe('fixtures', () => {
  it('has cases', () => {
    expect(cases.length).toBeGreaterThan(10);
  });

  for (const fixture of cases) {
    it(fixture.name, () => {
      const { dir, text, fileName, options } = fixture;
      let result: ConvertResult;
      try {
        result = convert(text, { ...options, fileName });
      } catch (error) {
        if (!isConversionError(error)) throw error;
        expect(options.from ?? detectFormat(text).format, 'the format folder names the format the input is in').toBe(fixture.format);
        expectMatchesFile(path.join(dir, 'expected.error.json'), asFile(withoutWords(error.diagnostic)));
        expect(existsSync(path.join(dir, 'expected.amplify_outputs.json'))).toBe(false);
        return;
      }
      expect(result.format, 'the format folder names the format the input is read as').toBe(fixture.format);
      expect(existsSync(path.join(dir, 'expected.error.json'))).toBe(false);
      expectMatchesFile(path.join(dir, 'expected.amplify_outputs.json'), result.text);
      expectMatchesFile(path.join(dir, 'expected.diagnostics.json'), asFile(result.diagnostics.map(withoutWords)));
      expect(validateOutputs(result.outputs).valid).toBe(true);
      expectEveryFieldAccountedFor(readDocument(text, fileName, options.from), result);
      expectFindingsPointIntoInput(readDocument(text, fileName, options.from), result, fileName, true);
      // Deterministic: the same input gives the same bytes.
      expect(convert(text, { ...options, fileName }).text).toBe(result.text);
    });
  }
});
