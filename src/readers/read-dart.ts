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
    throw readerError('NO_CONFIG_OBJECT', fileName, { line: 1, column: 1 }, "The file declares no `amplifyconfig = '''...'''` constant.", 'Point the command at the amplifyconfiguration.dart the Amplify CLI generated.');
  }
  const start = match.index + match[0].length;
  const end = text.indexOf("'''", start);
  if (end < 0) throw readerError('PARSE_ERROR', fileName, lines.locate(match.index), "The string literal of the configuration is not closed with '''.", 'Restore the file the Amplify CLI generated.');
  const raw = match[2] === 'r';
  const body = text.slice(start, end);
  if (!raw && /\$[A-Za-z_{]/.test(body)) {
    const offset = start + body.search(/\$[A-Za-z_{]/);
    throw readerError('NON_LITERAL_VALUE', fileName, lines.locate(offset), 'The configuration string interpolates a Dart value (`$...`), known only when the app runs.', 'Write the literal value into the configuration and convert again.');
  }
  return readJsonSegment(text, start, end, fileName, lines);
}
