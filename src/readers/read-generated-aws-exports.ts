import type { SourceDocument } from '../source/source-node.js';
import { LineIndex } from './line-index.js';
import { readJsonSegment } from './read-json.js';
import { isJsonSpace } from './read-strict-json.js';

/**
 * The aws-exports.js the Amplify CLI writes, read without a JavaScript parser: comments, then
 * `const awsmobile = {...};` whose object is JSON (the CLI writes it with JSON.stringify), then
 * `export default awsmobile;`. Such a file means the same read as JSON or as JavaScript, so its JSON is read with
 * the JSON reader, locations in the .js file. Anything else (another shape, a non-JSON object, unusual white
 * space, a `__proto__` key, which JavaScript reads differently) returns undefined, and the file goes to the
 * JavaScript parser. This saves loading and running @babel/parser for the common file; a test holds it to giving
 * exactly what the parser path gives.
 */
export function readGeneratedAwsExports(text: string, fileName: string): SourceDocument | undefined {
  // JavaScript ends lines at U+2028 and U+2029 too, so locations after one would differ.
  if (text.includes('__proto__') || text.includes('\u2028') || text.includes('\u2029')) return undefined;
  const head = declaration(text);
  const tail = head && exportAtEnd(text);
  if (!head || !tail || head.name !== tail.name || tail.objectEnd <= head.objectStart) return undefined;
  try {
    return readJsonSegment(text, head.objectStart, tail.objectEnd, fileName, new LineIndex(text));
  } catch {
    // Not JSON after all: the parser path reads it, and reports what it must.
    return undefined;
  }
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** Leading comments and `const <name> = {`: the name and where the object starts. */
function declaration(text: string): { name: string; objectStart: number } | undefined {
  let i = 0;
  for (;;) {
    if (isJsonSpace(text.charCodeAt(i))) i++;
    else if (text.startsWith('//', i)) {
      while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
    } else if (text.startsWith('/*', i)) {
      const close = text.indexOf('*/', i + 2);
      if (close < 0) return undefined;
      i = close + 2;
    } else break;
  }
  if (!text.startsWith('const', i) || !isJsonSpace(text.charCodeAt(i + 5))) return undefined;
  i += 5;
  while (isJsonSpace(text.charCodeAt(i))) i++;
  const nameStart = i;
  while (i < text.length && /[\w$]/.test(text[i]!)) i++;
  const name = text.slice(nameStart, i);
  if (!IDENTIFIER.test(name)) return undefined;
  while (isJsonSpace(text.charCodeAt(i))) i++;
  if (text[i] !== '=') return undefined;
  i++;
  while (isJsonSpace(text.charCodeAt(i))) i++;
  return text[i] === '{' ? { name, objectStart: i } : undefined;
}

/** `}` `;`? `export default <name>` `;`? at the very end (white space aside): the name and where the object ends. */
function exportAtEnd(text: string): { name: string; objectEnd: number } | undefined {
  let i = text.length;
  const skipSpace = (): void => {
    while (i > 0 && isJsonSpace(text.charCodeAt(i - 1))) i--;
  };
  const expect = (word: string): boolean => {
    if (!text.endsWith(word, i)) return false;
    i -= word.length;
    return true;
  };
  skipSpace();
  if (text[i - 1] === ';') i--;
  skipSpace();
  const nameEnd = i;
  while (i > 0 && /[\w$]/.test(text[i - 1]!)) i--;
  const name = text.slice(i, nameEnd);
  if (!IDENTIFIER.test(name) || !isJsonSpace(text.charCodeAt(i - 1))) return undefined;
  skipSpace();
  if (!expect('default') || !isJsonSpace(text.charCodeAt(i - 1))) return undefined;
  skipSpace();
  if (!expect('export')) return undefined;
  // `export` starts a statement: after the object's `;`, or on a line of its own.
  const beforeExport = i;
  skipSpace();
  if (text[i - 1] === ';') i--;
  else if (!/[\n\r]/.test(text.slice(i, beforeExport))) return undefined;
  skipSpace();
  return text[i - 1] === '}' ? { name, objectEnd: i } : undefined;
}
