import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { convert, isConversionError, type ConvertOptions } from '../src/index.js';
import { toPlainValue } from '../src/source/source-node.js';
import { compareWithAmplify } from './support/faithfulness.js';
import { readDocument } from './support/read-document.js';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');

function inputOf(caseDir: string): string | undefined {
  const walk = (directory: string): string[] =>
    readdirSync(directory).flatMap((name) => (statSync(path.join(directory, name)).isDirectory() ? walk(path.join(directory, name)) : [path.join(directory, name)]));
  return walk(caseDir).find((file) => !path.basename(file).startsWith('expected.') && path.basename(file) !== 'options.json');
}

describe('faithfulness to amplify-js on the fixtures', () => {
  for (const name of readdirSync(FIXTURES).sort()) {
    const caseDir = path.join(FIXTURES, name);
    if (!statSync(caseDir).isDirectory()) continue;
    it(name, () => {
      const input = inputOf(caseDir)!;
      const optionsFile = path.join(caseDir, 'options.json');
      const options = (existsSync(optionsFile) ? JSON.parse(readFileSync(optionsFile, 'utf8')) : {}) as ConvertOptions;
      const text = readFileSync(input, 'utf8');
      let result;
      try {
        result = convert(text, options);
      } catch (error) {
        expect(isConversionError(error)).toBe(true);
        return;
      }
      const original = toPlainValue(readDocument(text, path.basename(input)).root) as Record<string, unknown>;
      const comparison = compareWithAmplify(original, result);
      const unexplained = comparison.differences.filter((difference) => !difference.explainedBy);
      expect(unexplained, 'differences from amplify-js that no diagnostic explains').toEqual([]);
    });
  }

  it('detects a difference that no diagnostic explains', () => {
    const result = convert('{"aws_project_region":"us-east-1","aws_user_files_s3_bucket":"b","aws_user_files_s3_bucket_region":"us-east-1"}');
    // Tamper with the result as a faulty converter might.
    const tampered = { ...result, outputs: { ...result.outputs, storage: { aws_region: 'us-east-1', bucket_name: 'other' } } };
    const comparison = compareWithAmplify(JSON.parse('{"aws_project_region":"us-east-1","aws_user_files_s3_bucket":"b","aws_user_files_s3_bucket_region":"us-east-1"}'), tampered);
    expect(comparison.differences).toEqual([{ path: 'Storage.S3.bucket', gen1: 'b', gen2: 'other', explainedBy: undefined }]);
  });
});
