import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { convert, detectFormat, isConversionError, validateOutputs, type ConvertResult } from '../src/index.js';
import { toPlainValue } from '../src/source/source-node.js';
import { expectEveryFieldAccountedFor, expectFindingsPointIntoInput } from './support/accounting.js';
import { corpusFiles, HAS_CORPUS, skipNotice } from './support/corpus.js';
import { compareWithAmplify } from './support/faithfulness.js';
import { readDocument } from './support/read-document.js';

skipNotice();

/** Corpus files that cannot be converted, and why (the error must name a line and column). */
const UNCONVERTIBLE: Record<string, string> = {
  '11-angular-tour-of-heroes-BROKEN.ts': 'PARSE_ERROR',
  '15-angular16-mock-NO-EXPORT.js': 'NO_CONFIG_OBJECT',
};

const webFiles = [
  ...corpusFiles('aws-exports'),
  ...corpusFiles('amplifyconfiguration').filter((file) => detectFormat(readFileSync(file, 'utf8')).format === 'amplifyconfiguration-json'),
];

describe.skipIf(!HAS_CORPUS)('corpus: real Gen1 web configuration files', () => {
  it('finds the web files', () => {
    expect(webFiles.length).toBeGreaterThanOrEqual(25);
  });

  for (const file of webFiles) {
    const name = path.basename(file);
    it(name, () => {
      const text = readFileSync(file, 'utf8');
      let result: ConvertResult;
      try {
        result = convert(text, { fileName: name });
      } catch (error) {
        expect(isConversionError(error), String(error)).toBe(true);
        if (!isConversionError(error)) return;
        expect(error.diagnostic.code).toBe(UNCONVERTIBLE[name]);
        expect(error.diagnostic.source.line).toBeGreaterThan(0);
        expect(error.diagnostic.source.column).toBeGreaterThan(0);
        return;
      }
      expect(UNCONVERTIBLE[name]).toBeUndefined();
      expect(validateOutputs(result.outputs)).toMatchObject({ valid: true });
      const document = readDocument(text, name);
      expectEveryFieldAccountedFor(document, result);
      expectFindingsPointIntoInput(document, result, name, true);
      expect(convert(text, { fileName: name }).text).toBe(result.text);

      const original = toPlainValue(document.root) as Record<string, unknown>;
      const comparison = compareWithAmplify(original, result);
      if (!comparison.comparable) {
        // parseAWSExports refuses objects without aws_project_region (absent, or not a literal); nothing to compare.
        expect(Object.keys(original)).not.toContain('aws_project_region');
        return;
      }
      const unexplained = comparison.differences.filter((difference) => !difference.explainedBy);
      expect(unexplained, 'differences from amplify-js that no diagnostic explains').toEqual([]);
    });
  }
});

/** Mobile and Flutter files: converted without an internal fault, valid, every field accounted for. */
const mobileFiles = [
  ...corpusFiles('amplifyconfiguration').filter((file) => detectFormat(readFileSync(file, 'utf8')).format !== 'amplifyconfiguration-json'),
  ...corpusFiles('awsconfiguration'),
  ...corpusFiles('amplifyconfiguration-dart'),
];

describe.skipIf(!HAS_CORPUS)('corpus: real Gen1 mobile and Flutter configuration files', () => {
  it('finds the mobile files', () => {
    expect(mobileFiles.length).toBeGreaterThanOrEqual(25);
  });

  for (const file of mobileFiles) {
    const name = path.basename(file);
    it(name, () => {
      const text = readFileSync(file, 'utf8');
      const result = convert(text, { fileName: name });
      expect(['amplifyconfiguration-mobile', 'awsconfiguration', 'amplifyconfiguration-dart']).toContain(result.format);
      expect(validateOutputs(result.outputs)).toMatchObject({ valid: true });
      expectEveryFieldAccountedFor(readDocument(text, name), result);
      expectFindingsPointIntoInput(readDocument(text, name), result, name, true);
      expect(convert(text, { fileName: name }).text).toBe(result.text);
      // A client secret is reported, and never printed.
      const secrets = [...text.matchAll(/"AppClientSecret"\s*:\s*"([^"]+)"/g)].map((match) => match[1]!);
      for (const secret of secrets) {
        expect(result.diagnostics.map((diagnostic) => diagnostic.code)).toContain('CLIENT_SECRET');
        expect(JSON.stringify(result.diagnostics) + result.text).not.toContain(secret);
      }
    });
  }

  it('refuses a Gen2 amplify_outputs.dart as already converted', () => {
    for (const file of corpusFiles('gen2-reference')) {
      expect(() => convert(readFileSync(file, 'utf8'), { fileName: path.basename(file) })).toThrow(/already is an amplify_outputs/);
    }
  });
});
