import { describe, expect, it } from 'vitest';
import { convert, isConversionError, type ConvertResult } from '../src/index.js';
import { toPlainValue } from '../src/source/source-node.js';
import { compareWithAmplify } from './support/faithfulness.js';
import { fixtureCases } from './support/fixture-cases.js';
import { readDocument } from './support/read-document.js';

describe('faithfulness to amplify-js on the fixtures', () => {
  for (const fixture of fixtureCases()) {
    it(fixture.name, () => {
      let result: ConvertResult;
      try {
        result = convert(fixture.text, fixture.options);
      } catch (error) {
        expect(isConversionError(error)).toBe(true);
        return;
      }
      const original = toPlainValue(readDocument(fixture.text, fixture.fileName).root) as Record<string, unknown>;
      const unexplained = compareWithAmplify(original, result).differences.filter((difference) => !difference.explainedBy);
      expect(unexplained, 'differences from amplify-js that no diagnostic explains').toEqual([]);
    });
  }

  it('detects a difference that no diagnostic explains', () => {
    const gen1 = { aws_project_region: 'us-east-1', aws_user_files_s3_bucket: 'b', aws_user_files_s3_bucket_region: 'us-east-1' };
    const result = convert(JSON.stringify(gen1));
    // Tamper with the result as a faulty converter might.
    const tampered = { ...result, outputs: { ...result.outputs, storage: { aws_region: 'us-east-1', bucket_name: 'other' } } };
    expect(compareWithAmplify(gen1, tampered).differences).toEqual([{ path: 'Storage.S3.bucket', gen1: 'b', gen2: 'other', explainedBy: undefined }]);
  });
});
