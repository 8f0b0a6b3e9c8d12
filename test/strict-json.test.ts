import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LineIndex, stripByteOrderMark } from '../src/readers/line-index.js';
import { MAX_TEXT_NESTING } from '../src/readers/nesting-depth.js';
import { detectFormat, detectJsonDocument, isJsonText } from '../src/formats/detect-format.js';
import { parseJsonSegment, readWellFormedJson } from '../src/readers/read-json.js';
import { readStrictJson } from '../src/readers/read-strict-json.js';
import { corpusFiles } from './support/corpus.js';
import { forMutatedTexts } from './support/mutated-texts.js';

/**
 * JSON files are read by a strict one-pass reader first, and by jsonc-parser when it hands over. Whatever the
 * strict reader accepts, it must read exactly as jsonc-parser does (nodes, values, locations, duplicate keys);
 * whatever it cannot vouch for it must hand over (undefined), never throw.
 */
function agrees(raw: string): boolean {
  const text = stripByteOrderMark(raw);
  const lines = new LineIndex(text);
  const strict = readStrictJson(text, 0, text.length, (offset) => lines.locate(offset), MAX_TEXT_NESTING);
  if (strict === undefined) return false;
  let full: unknown;
  try {
    full = parseJsonSegment(text, 0, 'amplifyconfiguration.json', lines);
  } catch (error) {
    throw new Error(`The strict reader accepted a text jsonc-parser refuses (${String(error)}):\n${text}`);
  }
  expect(strict).toEqual(full);
  return true;
}

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');
const jsonFiles = (directory: string): string[] =>
  readdirSync(directory, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => path.join(directory, file));
const FLAT = readFileSync(path.join(FIXTURES, 'convert/amplifyconfiguration-json/geo-notifications/amplifyconfiguration.json'), 'utf8');

describe('reading JSON with the strict reader', () => {
  it('reads every JSON fixture and corpus file as jsonc-parser does, and takes those the Amplify CLI wrote', () => {
    const files = [...jsonFiles(FIXTURES), ...['amplifyconfiguration', 'awsconfiguration', 'amplify-meta'].flatMap((folder) => corpusFiles(folder))];
    const objects = files.filter((file) => readFileSync(file, 'utf8').trimStart().startsWith('{'));
    const taken = objects.filter((file) => agrees(readFileSync(file, 'utf8')));
    expect(taken).toContain(path.join(FIXTURES, 'convert/amplifyconfiguration-json/geo-notifications/amplifyconfiguration.json'));
    expect(taken.length).toBeGreaterThan(objects.length * 0.9);
  });

  it('takes the shapes JSON allows, and reads them as jsonc-parser does', () => {
    const texts = [
      '{}',
      ' \t\r\n{ }\n',
      '{"a":1}',
      '{\r\n  "a": [1, -0, 0.5, 1e400, -1.5E-3, 10, true, false, null, [], {}, [[]]]\r\n}',
      '{ "é\\u00e9\\n\\"\\\\\\/\\b\\f\\r\\t": "\\ud83d\\ude00 \\uD800 x", "": "" }',
      '{ "a": 1, "a": 2, "b": { "c": "x", "c": "y" } }',
      '{ "__proto__": { "polluted": true }, "constructor": 1 }',
      '{ "line\u2028separator": "\u00a0" }',
    ];
    for (const text of texts) expect(agrees(text), text).toBe(true);
  });

  it('hands everything else to jsonc-parser', () => {
    const others = [
      '',
      '[1]',
      '"a"',
      '{ "a": 1, }',
      '{ "a": 1 } x',
      '{ "a": 1 /* comment */ }',
      '// comment\n{}',
      "{ 'a': 1 }",
      '{ a: 1 }',
      '{ "a": 01 }',
      '{ "a": 1. }',
      '{ "a": .5 }',
      '{ "a": - 1 }',
      '{ "a": +1 }',
      '{ "a": truex }',
      '{ "a": nul }',
      '{ "a": "tab\there" }',
      '{ "a": "new\nline" }',
      '{ "a": "\\x41" }',
      '{ "a": "\\u00g0" }',
      '{ "a": "never closed }',
      '{ "a" 1 }',
      '{ "a": 1 "b": 2 }',
      '{ "a": [1 2] }',
      '{ "a": [1,] }',
      '\u00a0{}',
      '{\u000b}',
    ];
    for (const text of others) {
      const lines = new LineIndex(text);
      expect(
        readStrictJson(text, 0, text.length, (offset) => lines.locate(offset), MAX_TEXT_NESTING),
        JSON.stringify(text),
      ).toBeUndefined();
    }
  });

  it('reads nesting up to the limit, and hands over what goes deeper (where the nesting check reports it)', () => {
    const nested = (levels: number): string => `{"a":${'['.repeat(levels - 1)}1${']'.repeat(levels - 1)}}`;
    expect(agrees(nested(MAX_TEXT_NESTING))).toBe(true);
    const deeper = nested(MAX_TEXT_NESTING + 1);
    const lines = new LineIndex(deeper);
    expect(readStrictJson(deeper, 0, deeper.length, (offset) => lines.locate(offset), MAX_TEXT_NESTING)).toBeUndefined();
  });

  it('reports keys written twice, in small objects and large ones, at any depth', () => {
    const keys = (count: number): string => Array.from({ length: count }, (_, index) => `"k${index}": ${index}`).join(', ');
    for (const count of [1, 15, 16, 17, 40]) {
      const text = `{ "outer": { "inner": [ { ${keys(count)}, "k0": "again" } ] }, ${keys(count)}, "k${count - 1}": "again" }`;
      const lines = new LineIndex(text);
      const document = readStrictJson(text, 0, text.length, (offset) => lines.locate(offset), MAX_TEXT_NESTING);
      expect(document?.issues.map((issue) => issue.pointer)).toEqual(['/outer/inner/0/k0', `/k${count - 1}`]);
      expect(agrees(text)).toBe(true);
    }
  });

  it('reads a segment of a larger text with locations in that text', () => {
    const text = 'const x = \'\'\'\n{ "a": { "b": [1, "c"] } }\n\'\'\';';
    const start = text.indexOf('{');
    const end = text.lastIndexOf('}') + 1;
    const lines = new LineIndex(text);
    expect(readStrictJson(text, start, end, (offset) => lines.locate(offset), MAX_TEXT_NESTING)).toEqual(
      parseJsonSegment(text.slice(start, end), start, 'amplifyconfiguration.dart', lines),
    );
    // What lies past the segment is not read.
    expect(readStrictJson(text, start, end - 1, (offset) => lines.locate(offset), MAX_TEXT_NESTING)).toBeUndefined();
  });

  it('never throws, and never disagrees with jsonc-parser, on mutated files', () => {
    const pieces = [
      '{',
      '}',
      '[',
      ']',
      '"',
      ',',
      ':',
      '/',
      '*',
      '\n',
      '\r',
      '\t',
      ' ',
      '\\',
      '\\u',
      '0',
      '-',
      '.',
      'e',
      'E',
      '+',
      'a',
      'true',
      'null',
      '\u000b',
      '\u0001',
      '\u00a0',
    ];
    forMutatedTexts(FLAT, pieces, 500, (text) => agrees(text));
  });
});

describe('telling the format of a JSON file from what was read', () => {
  /** convert reads a well-formed JSON file once and tells its format from the tree: it must say what detectFormat says. */
  function sameFormat(text: string): boolean {
    const document = isJsonText(text) ? readWellFormedJson(text) : undefined;
    if (document === undefined) return false;
    expect(detectJsonDocument(document.root), text.slice(0, 200)).toEqual(detectFormat(text));
    return true;
  }

  it('agrees with detectFormat on every JSON fixture and corpus file', () => {
    const files = [...jsonFiles(FIXTURES), ...['amplifyconfiguration', 'awsconfiguration', 'amplify-meta'].flatMap((folder) => corpusFiles(folder))];
    const formats = new Set(files.filter((file) => sameFormat(readFileSync(file, 'utf8'))).map((file) => detectFormat(readFileSync(file, 'utf8')).format));
    // The Gen1 JSON formats, and Gen2 files (the expected outputs).
    expect([...formats]).toEqual(
      expect.arrayContaining(['amplify-meta', 'amplify-outputs', 'amplifyconfiguration-json', 'amplifyconfiguration-mobile', 'awsconfiguration']),
    );
  });

  it('agrees with detectFormat on the shapes detection looks at', () => {
    const texts = [
      '{ "Version": "1.0", "UserAgent": "aws-amplify-cli/2.0" }',
      '{ "Version": "0.1.0", "UserAgent": "x" }',
      '{ "version": "1.3", "auth": {} }',
      '{ "version": 1 }',
      '{ "providers": { "awscloudformation": {} } }',
      '{ "providers": { "other": {} } }',
      '{ "api": { "plugins": { "awsAPIPlugin": {} } } }',
      '{ "api": { "plugins": [] } }',
      '{ "api": { "plugins": null } }',
      '{ "CognitoUserPool": { "Default": {} } }',
      '{ "aws_project_region": "us-east-1", "aws_project_region": "eu-west-1" }',
      '{ "oauth": {} }',
      '{ "__proto__": { "plugins": {} } }',
      '{ "1": { "plugins": {} }, "a": 2 }',
      '{}',
      '{ "amplifyconfig": "= \'\'\'" }',
    ];
    for (const text of texts) if (isJsonText(text)) expect(sameFormat(text), text).toBe(true);
  });

  it('agrees with detectFormat on mutated files', () => {
    const mobile = readFileSync(
      path.join(
        FIXTURES,
        jsonFiles(FIXTURES)
          .map((file) => path.relative(FIXTURES, file))
          .find((file) => detectFormat(readFileSync(path.join(FIXTURES, file), 'utf8')).format === 'amplifyconfiguration-mobile')!,
      ),
      'utf8',
    );
    const pieces = [
      '{',
      '}',
      '"',
      ',',
      ':',
      '"plugins"',
      '"version"',
      '"1"',
      '"providers"',
      '"awscloudformation"',
      '"aws_x"',
      '"Version"',
      '"1.0"',
      '[]',
      'null',
    ];
    forMutatedTexts(FLAT, pieces, 300, (text) => sameFormat(text));
    forMutatedTexts(mobile, pieces, 300, (text) => sameFormat(text));
  });
});
