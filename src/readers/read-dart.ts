import type { SourceDocument } from '../source/source-node.js';
import { LineIndex, stripByteOrderMark } from './line-index.js';
import { readerError } from './reader-error.js';
import { readJsonSegment } from './read-json.js';

/**
 * The Dart constant the Gen1 CLI writes (`const amplifyconfig = '''{...}''';`), or the Gen2-era variant
 * (`const amplifyConfig = r'''{...}''';` followed by `const amplifyconfig = amplifyConfig;`).
 */
const DART_CONSTANT = /\b(?:const|final|var)\s+(?:String\s+)?(amplify_?config(?:uration)?)\s*=\s*(r?)'''/i;

/** Reads the JSON inside the Dart string literal; locations point into the .dart file. */
export function readDart(rawText: string, fileName: string): SourceDocument {
  const text = stripByteOrderMark(rawText);
  const lines = new LineIndex(text);
  const match = DART_CONSTANT.exec(text);
  if (!match) {
    throw readerError(
      'NO_CONFIG_OBJECT',
      fileName,
      { line: 1, column: 1 },
      "The file declares no `amplifyconfig = '''...'''` constant.",
      'Point the command at the amplifyconfiguration.dart the Amplify CLI generated.',
    );
  }
  const start = match.index + match[0].length;
  const end = text.indexOf("'''", start);
  if (end < 0)
    throw readerError(
      'PARSE_ERROR',
      fileName,
      lines.locate(match.index),
      "The string literal of the configuration is not closed with '''.",
      'Restore the file the Amplify CLI generated.',
    );
  const raw = match[2] === 'r';
  const document = readJsonSegment(text, start, end, fileName, lines);
  const interpolation = raw ? -1 : text.slice(start, end).search(/\$[A-Za-z_{]/);
  if (interpolation >= 0) {
    // The Gen1 CLI writes values such as "$LATEST" into a non-raw string; they are read as the text it meant.
    document.issues.push({
      code: 'DART_INTERPOLATION',
      pointer: '',
      loc: lines.locate(start + interpolation),
      detail: text.slice(start + interpolation, start + interpolation + 24).split(/["\s]/)[0] ?? '$',
    });
  }
  return document;
}
