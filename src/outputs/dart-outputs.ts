import { parseTree, printParseErrorCode, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import { LineIndex, stripByteOrderMark } from '../readers/line-index.js';
import { pointerTokens } from '../source/json-pointer.js';
import type { SourceLocation } from '../source/source-node.js';

/**
 * The Dart form of amplify_outputs.json, as Gen2's own generator writes it (`npx ampx generate outputs --format
 * dart`, the client-config package of amplify-backend): `lib/amplify_outputs.dart` holds one line of Dart around
 * the 2-space JSON,
 *
 *     const amplifyConfig = r'''{
 *       "version": "1.4",
 *       ...
 *     }''';
 *
 * with no header comment and no final newline. The string is raw (`r'''`), so that a `$` in a value is not read as
 * an interpolation; a Flutter app passes it to `Amplify.configure(amplifyConfig)`.
 */
export const DART_OUTPUTS_CONSTANT = 'amplifyConfig';

/** Whether an output file's name asks for the Dart form (`.dart`); any other name is the JSON form. */
export function isDartOutputsFile(fileName: string): boolean {
  return /\.dart$/i.test(fileName);
}

/**
 * The text to write for an output file: the converted JSON text (`ConvertResult.text`) as it is, or in the Dart form
 * when the file's name ends in `.dart`.
 */
export function outputsTextFor(fileName: string, jsonText: string): string {
  return isDartOutputsFile(fileName) ? renderDartOutputs(jsonText) : jsonText;
}

/**
 * The Dart form of a converted JSON text (`ConvertResult.text`): byte for byte what Gen2's generator writes for the
 * same document. A raw string cannot escape its own delimiter, so a value holding `'''` (which no generated file
 * does) has its quotes written as the JSON escape `\u0027`, which the app's JSON decoder reads back as `'`.
 */
export function renderDartOutputs(jsonText: string): string {
  let json = jsonText.endsWith('\n') ? jsonText.slice(0, -1) : jsonText;
  if (json.includes("'''")) json = json.replaceAll("'", '\\u0027');
  return `const ${DART_OUTPUTS_CONSTANT} = r'''${json}''';`;
}

/** Why a Dart file cannot be read as amplify_outputs.json, and where (1-based line and column in the .dart file). */
export interface DartOutputsProblem {
  message: string;
  line: number;
  column: number;
}

/** A Gen2 Dart file read back: the JSON text its constant holds, or the problem that stops it. */
export type DartOutputsReading =
  | {
      ok: true;
      /** The JSON text between the string's quotes, as the app's decoder reads it. */
      json: string;
      /** Where a JSON pointer of the document is in the .dart file: the field, or its nearest enclosing field there. */
      locate(pointer: string): SourceLocation;
    }
  | { ok: false; problem: DartOutputsProblem };

const DECLARATION = new RegExp(String.raw`\b(?:const|final|var)\s+(?:String\s+)?${DART_OUTPUTS_CONSTANT}\s*=\s*`);

/**
 * Reads a committed Gen2 Dart file (`lib/amplify_outputs.dart`) back to the JSON text it holds. Accepted: the
 * `amplifyConfig` constant (`const`, `final` or `var`, typed `String` or not) set to a triple-quoted string, raw
 * (`r'''` or `r"""`, what Gen2 writes) or not (earlier Gen2 versions wrote `'''`) followed by `;`; comments and other
 * declarations around it are left alone. A string that is not raw must hold no `\` or `$`, which Dart would read as
 * an escape or an interpolation, so that the app would get other text than the file shows.
 */
export function readDartOutputs(rawText: string): DartOutputsReading {
  const text = stripByteOrderMark(rawText);
  const lines = new LineIndex(text);
  const fail = (offset: number, message: string): DartOutputsReading => ({ ok: false, problem: { message, ...lines.locate(offset) } });

  const declaration = DECLARATION.exec(text);
  if (!declaration) {
    return fail(0, `The file declares no \`${DART_OUTPUTS_CONSTANT}\` constant, which a Flutter app passes to Amplify.configure.`);
  }
  const literalStart = declaration.index + declaration[0].length;
  const opening = /^(r?)('''|""")/.exec(text.slice(literalStart, literalStart + 4));
  if (!opening) return fail(literalStart, `\`${DART_OUTPUTS_CONSTANT}\` is not set to a triple-quoted string (r'''...''').`);
  const raw = opening[1] === 'r';
  const quotes = opening[2]!;
  const start = literalStart + opening[0].length;
  const end = text.indexOf(quotes, start);
  if (end < 0) return fail(literalStart, `The string of \`${DART_OUTPUTS_CONSTANT}\` is not closed with ${quotes}.`);
  const after = end + quotes.length;
  const semicolon = /^\s*;/.exec(text.slice(after));
  if (!semicolon) return fail(after, `The declaration of \`${DART_OUTPUTS_CONSTANT}\` does not end with ; after the string.`);
  const json = text.slice(start, end);
  if (!raw) {
    const special = json.search(/[\\$]/);
    if (special >= 0) {
      const what = json[special] === '$' ? 'an interpolation' : 'an escape';
      return fail(start + special, `The string is not raw, so Dart reads this ${json[special]} as ${what}; write the string as r'''...'''.`);
    }
  }

  const errors: ParseError[] = [];
  const tree = parseTree(json, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const firstError = errors[0];
  if (firstError) return fail(start + firstError.offset, `The string does not hold valid JSON (${printParseErrorCode(firstError.error)}).`);
  if (tree?.type !== 'object') return fail(start + (tree?.offset ?? 0), 'The string holds JSON, but not an object; amplify_outputs.json is a JSON object.');
  const root = tree;
  return {
    ok: true,
    json,
    locate: (pointer) => lines.locate(start + fieldOffset(root, pointer)),
  };
}

/** The offset in the JSON of the field a pointer names (its key), or of its nearest enclosing field that exists. */
function fieldOffset(root: JsonNode, pointer: string): number {
  let node = root;
  for (const token of pointerTokens(pointer)) {
    const child = childOf(node, token);
    if (!child) break;
    node = child;
  }
  return node.parent?.type === 'property' ? node.parent.offset : node.offset;
}

function childOf(node: JsonNode, token: string): JsonNode | undefined {
  if (node.type === 'array') return /^(?:0|[1-9]\d*)$/.test(token) ? node.children?.[Number(token)] : undefined;
  if (node.type !== 'object') return undefined;
  // The last entry of a key written twice is the one a decoder keeps.
  let found: JsonNode | undefined;
  for (const property of node.children ?? []) if (property.children?.[0]?.value === token) found = property.children[1];
  return found;
}
