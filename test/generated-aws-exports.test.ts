import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAwsExportsSyntax } from '../src/readers/read-aws-exports.js';
import { readGeneratedAwsExports } from '../src/readers/read-generated-aws-exports.js';
import { stripByteOrderMark } from '../src/readers/line-index.js';
import { BACKENDS } from './support/backends.js';
import { corpusFiles } from './support/corpus.js';
import { forMutatedTexts } from './support/mutated-texts.js';
import { awsExportsFromMeta, awsExportsText } from './support/official-generator.js';

/**
 * The reader of generated aws-exports.js files skips the JavaScript parser. Whatever it accepts, it must read
 * exactly as the parser path does (same nodes, values, locations and reader issues); whatever it cannot vouch for
 * it must hand over (undefined), never throw.
 */
function agrees(text: string, name = 'aws-exports.js'): boolean {
  const fast = readGeneratedAwsExports(text, name);
  if (fast === undefined) return false;
  let slow: unknown;
  try {
    slow = readAwsExportsSyntax(text, name);
  } catch (error) {
    throw new Error(`The fast reader accepted a file the parser refuses (${String(error)}):\n${text}`);
  }
  expect(fast).toEqual(slow);
  return true;
}

function jsFiles(directory: string): string[] {
  return readdirSync(directory, { recursive: true, encoding: 'utf8' })
    .filter((file) => /(^|\/)aws-(exports|config)\.[jt]s$/.test(file))
    .sort()
    .map((file) => path.join(directory, file));
}

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');
const EXAMPLE = readFileSync(path.join(FIXTURES, 'convert/aws-exports/example-app/src/aws-exports.js'), 'utf8');
const wrap = (object: string, { header = '/* eslint-disable */\n', end = ';\n\n\nexport default awsmobile;\n' } = {}): string =>
  `${header}const awsmobile = ${object}${end}`;

describe('reading a generated aws-exports.js without the JavaScript parser', () => {
  it('reads the fixtures and the corpus as the parser does, and takes the generated ones', () => {
    const files = [...jsFiles(FIXTURES), ...corpusFiles('aws-exports')];
    const taken = files.filter((file) => agrees(stripByteOrderMark(readFileSync(file, 'utf8')), path.basename(file)));
    expect(taken).toContain(path.join(FIXTURES, 'convert/aws-exports/example-app/src/aws-exports.js'));
    // Most fixtures are files as the CLI writes them; the hand-written and TypeScript ones go to the parser.
    expect(taken.length).toBeGreaterThan(files.length / 3);
  });

  it('takes every file the official Gen1 generator writes for the test backends, and reads it as the parser does', () => {
    for (const [name, backend] of Object.entries(BACKENDS)) expect(agrees(awsExportsText(awsExportsFromMeta(backend))), name).toBe(true);
  });

  it('takes the layouts the CLI has written, and reads them as the parser does', () => {
    const object =
      '{\n    "aws_project_region": "us-east-1",\n    "nested": { "list": [1, -0, 1e400, 1.5e-3, true, null, [], {}], "é\\u00e9\\n\\"": "\\/" }\n}';
    const layouts = [
      wrap(object),
      wrap(object, { header: '' }),
      wrap(object, { header: '// WARNING: DO NOT EDIT.\r\n/* a\n block */\n\n' }),
      wrap(object.replace(/\n/g, '\r\n'), { end: ';\r\nexport default awsmobile;\r\n' }),
      wrap(object.replace(/ {4}/g, '\t'), { end: '\nexport default awsmobile' }),
      wrap(object, { end: '; export default awsmobile;' }),
      wrap('{ "a": 1, "a": 2, "b": { "c": "x", "c": "y" } }'),
    ];
    for (const text of layouts) expect(agrees(text), text).toBe(true);
  });

  it('hands every other shape to the parser', () => {
    const others = [
      wrap('{ "__proto__": { "polluted": true } }'),
      wrap('{ "a": "line\u2028separator" }'),
      wrap("{ 'a': 'single quotes' }"),
      wrap('{ a: "unquoted key" }'),
      wrap('{ "a": 1, }'),
      wrap('{ "a": 1 /* comment */ }'),
      wrap('{ "a": `template` }'),
      wrap('{ "a": region }'),
      wrap('{ "a": 1 }', { end: ';\nexport default other;\n' }),
      wrap('{ "a": 1 }', { end: ' export default awsmobile;\n' }),
      wrap('{ "a": 1 }', { end: ';\nexport default awsmobile;\n// trailing\n' }),
      wrap('{ "a": 1 }', { end: ';\nmodule.exports = awsmobile;\n' }),
      wrap('{ "a": 1 }', { header: '/* never closed\n' }),
      wrap('{ "a": 1 }', { header: 'let x = 1;\n' }),
      wrap('{ "a": 1 }', { header: '\u00a0' }),
      wrap('[1, 2]'),
      'export default { "a": 1 };\n',
      'const awsmobile = { "a": 1 }; export default awsmobile; const b = { "c": 2 }; export default b;\n',
    ];
    for (const text of others) {
      expect(readGeneratedAwsExports(text, 'aws-exports.js'), text).toBeUndefined();
      // The parser path still reads it (or refuses it) on its own.
    }
  });

  it('never throws, and never disagrees with the parser, on mutated files', () => {
    const pieces = ['{', '}', '[', ']', '"', ',', ':', ';', '/', '*', '\n', ' ', '\\', '0', '-', 'e', 'a', 'export default awsmobile', '__proto__', '\u2028'];
    forMutatedTexts(EXAMPLE, pieces, 300, (text) => agrees(text));
  });
});
