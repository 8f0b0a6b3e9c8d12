import type { ReadContext } from '../formats/format-descriptor.js';
import { isJsonText } from '../formats/detect-format.js';
import type { SourceDocument } from '../source/source-node.js';
import { readAwsExports } from './read-aws-exports.js';
import { readJson } from './read-json.js';

/** A configuration written by hand, kept as JSON or as JavaScript / TypeScript source: each read by its own reader. */
export function readConfigSource(text: string, fileName: string, context: ReadContext): SourceDocument {
  return isJsonText(text) ? readJson(text, fileName, context) : readAwsExports(text, fileName);
}
