import { detectFormat } from '../../src/detect-format.js';
import { readAwsExports } from '../../src/readers/read-aws-exports.js';
import { readDart } from '../../src/readers/read-dart.js';
import { readJson } from '../../src/readers/read-json.js';
import type { SourceDocument } from '../../src/source/source-node.js';

/** The located source tree of a text, as the converter reads it (for the accounting check). */
export function readDocument(text: string, fileName: string, from?: string): SourceDocument {
  const format = from ?? detectFormat(text).format;
  if (format === 'aws-exports') return readAwsExports(text, fileName);
  if (format === 'amplifyconfiguration-dart') return readDart(text, fileName);
  return readJson(text, fileName);
}
