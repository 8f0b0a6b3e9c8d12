import { detectFormat } from '../../src/detect-format.js';
import { readAwsExports } from '../../src/readers/read-aws-exports.js';
import { readJson } from '../../src/readers/read-json.js';
import type { SourceDocument } from '../../src/source/source-node.js';

/** The located source tree of a text, as the converter reads it (for the accounting check). */
export function readDocument(text: string, fileName: string, from?: string): SourceDocument {
  const format = from ?? detectFormat(text).format;
  return format === 'aws-exports' ? readAwsExports(text, fileName) : readJson(text, fileName);
}
