import { detectFormat } from '../../src/formats/detect-format.js';
import { FORMATS, isSourceFormat } from '../../src/formats/index.js';
import type { SourceDocument } from '../../src/source/source-node.js';

/** The located source tree of a text, as the converter reads it (for the accounting check). */
export function readDocument(text: string, fileName: string, from?: string): SourceDocument {
  const format = from ?? detectFormat(text).format;
  if (!isSourceFormat(format)) throw new Error(`Not a Gen1 format: ${format}`);
  return FORMATS[format].read(text, fileName, { refusedByStrictReader: false });
}
