import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { committedOutputs } from '../src/outputs/committed-outputs.js';
import { isDartOutputsFile, outputsTextFor, readDartOutputs, renderDartOutputs } from '../src/outputs/dart-outputs.js';
import { driftDiagnostics } from '../src/check/drift.js';
import { convert, ConversionError } from '../src/index.js';
import { project, runCli } from './support/run-cli.js';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/convert');
const FLUTTER = readFileSync(path.join(FIXTURES, 'amplifyconfiguration-dart/flutter-dart/lib/amplifyconfiguration.dart'), 'utf8');
const EXAMPLE = readFileSync(path.join(FIXTURES, 'aws-exports/example-app/src/aws-exports.js'), 'utf8');

/** What `npx ampx generate outputs --format dart` writes for a document: no header, no final newline. */
function gen2Dart(document: unknown): string {
  return `const amplifyConfig = r'''${JSON.stringify(document, null, 2)}''';`;
}

describe('the Dart form of amplify_outputs.json', () => {
  it('is what Gen2 writes for the same document, byte for byte', () => {
    const result = convert(FLUTTER, { fileName: 'lib/amplifyconfiguration.dart' });
    const dart = renderDartOutputs(result.text);
    expect(dart).toBe(gen2Dart(result.outputs));
    expect(dart.startsWith("const amplifyConfig = r'''{\n")).toBe(true);
    expect(dart.endsWith("}''';")).toBe(true);
  });

  it('follows the file name: .dart is Dart, anything else JSON', () => {
    expect([isDartOutputsFile('lib/amplify_outputs.dart'), isDartOutputsFile('LIB/AMPLIFY_OUTPUTS.DART'), isDartOutputsFile('amplify_outputs.json')]).toEqual([
      true,
      true,
      false,
    ]);
    expect(outputsTextFor('amplify_outputs.json', '{}\n')).toBe('{}\n');
    expect(outputsTextFor('-', '{}\n')).toBe('{}\n');
    expect(outputsTextFor('lib/amplify_outputs.dart', '{}\n')).toBe("const amplifyConfig = r'''{}''';");
  });

  it("keeps a value holding ''' inside the raw string, as a JSON escape the app's decoder reads back", () => {
    const text = `${JSON.stringify({ version: '1', custom: { note: "it'''s" } }, null, 2)}\n`;
    const dart = renderDartOutputs(text);
    expect(dart.match(/'''/g)).toHaveLength(2);
    const reading = readDartOutputs(dart);
    expect(reading.ok && JSON.parse(reading.json)).toEqual(JSON.parse(text));
  });

  it('reads back to the JSON it was rendered from, and the Gen1 reader refuses it as already Gen2', () => {
    const result = convert(FLUTTER, { fileName: 'lib/amplifyconfiguration.dart' });
    const dart = renderDartOutputs(result.text);
    const reading = readDartOutputs(dart);
    expect(reading.ok && `${reading.json}\n`).toBe(result.text);
    expect(() => convert(dart, { fileName: 'lib/amplify_outputs.dart' })).toThrow(ConversionError);
    try {
      convert(dart, { fileName: 'lib/amplify_outputs.dart' });
    } catch (error) {
      expect((error as ConversionError).diagnostic.code).toBe('ALREADY_GEN2');
    }
  });

  it('reads the forms Gen2 versions wrote: raw or not, with comments and other declarations around', () => {
    const document = { version: '1.3', auth: { aws_region: 'us-east-1' } };
    const variants = [
      gen2Dart(document),
      `${gen2Dart(document)}\n`,
      `// Generated.\nconst amplifyConfig = '''${JSON.stringify(document, null, 2)}''';\n`,
      `final String amplifyConfig = r"""${JSON.stringify(document)}""" ;\nconst amplifyconfig = amplifyConfig;\n`,
      `\uFEFF${gen2Dart(document)}`,
    ];
    for (const variant of variants) {
      const reading = readDartOutputs(variant);
      expect(reading.ok && JSON.parse(reading.json), variant).toEqual(document);
    }
  });

  it('says what stops a file, at its line and column in the .dart file', () => {
    const problem = (text: string) => {
      const reading = readDartOutputs(text);
      return reading.ok ? undefined : reading.problem;
    };
    expect(problem('{"version": "1"}')).toEqual({ message: expect.stringContaining('declares no `amplifyConfig` constant'), line: 1, column: 1 });
    expect(problem("const amplifyconfig = r'''{}''';")).toMatchObject({ message: expect.stringContaining('no `amplifyConfig`') });
    expect(problem("// x\nconst amplifyConfig = '{}';")).toMatchObject({ message: expect.stringContaining('triple-quoted'), line: 2, column: 23 });
    expect(problem("const amplifyConfig = r'''{}")).toMatchObject({ message: expect.stringContaining('not closed'), line: 1, column: 23 });
    expect(problem("const amplifyConfig = r'''{}'''")).toMatchObject({ message: expect.stringContaining('does not end with ;'), line: 1, column: 32 });
    expect(problem("const amplifyConfig = r'''{\n  \"version\": \"1\",\n}''';")).toMatchObject({
      message: expect.stringContaining('not hold valid JSON'),
      line: 3,
      column: 1,
    });
    expect(problem("const amplifyConfig = r'''[1]''';")).toMatchObject({ message: expect.stringContaining('not an object'), line: 1, column: 27 });
    expect(problem("const amplifyConfig = '''{\n  \"a\": \"$LATEST\"\n}''';")).toMatchObject({
      message: expect.stringContaining('as an interpolation'),
      line: 2,
      column: 9,
    });
    expect(problem(`const amplifyConfig = '''{"a": "x\\"y"}''';`)).toMatchObject({ message: expect.stringContaining('as an escape'), column: 34 });
  });

  it('locates a pointer at its key, or at the nearest field the file has', () => {
    const reading = readDartOutputs(gen2Dart({ version: '1', auth: { aws_region: 'us-east-1', groups: [{ admin: {} }] } }));
    if (!reading.ok) throw new Error(reading.problem.message);
    expect(reading.locate('')).toEqual({ line: 1, column: 27 });
    expect(reading.locate('/version')).toEqual({ line: 2, column: 3 });
    expect(reading.locate('/auth/aws_region')).toEqual({ line: 4, column: 5 });
    expect(reading.locate('/auth/user_pool_id')).toEqual({ line: 3, column: 3 });
    expect(reading.locate('/auth/groups/0/admin')).toEqual({ line: 7, column: 9 });
    expect(reading.locate('/storage/bucket_name')).toEqual({ line: 1, column: 27 });
  });
});

describe('a committed Dart file, as check compares it', () => {
  const converted = `${JSON.stringify({ version: '1', data: { url: 'a', aws_region: 'us-east-1' } }, null, 2)}\n`;

  it('is the same when it holds the converted JSON, whatever the Dart around it', () => {
    const committed = committedOutputs('lib/amplify_outputs.dart', `// header\n${renderDartOutputs(converted)}\n`);
    expect(committed.text).toBe(converted);
    expect(driftDiagnostics(converted, committed.text, 'lib/amplify_outputs.dart', 'in')).toEqual([]);
  });

  it('points drift at the lines of the .dart file', () => {
    const committed = committedOutputs('lib/amplify_outputs.dart', `// header\n${gen2Dart({ version: '1', data: { url: 'b', aws_region: 'us-east-1' } })}`);
    const drift = committed.place(driftDiagnostics(converted, committed.text, 'lib/amplify_outputs.dart', 'in'));
    expect(drift.map((d) => [d.code, d.source])).toEqual([['OUTPUTS_DRIFT', { file: 'lib/amplify_outputs.dart', pointer: '/data/url', line: 5, column: 5 }]]);
  });

  it('says why a file cannot be read, where', () => {
    const committed = committedOutputs('lib/amplify_outputs.dart', "const amplifyConfig = r'''{\n  \"version\": \"1\",\n}''';");
    const [unreadable] = committed.place(driftDiagnostics(converted, committed.text, 'lib/amplify_outputs.dart', 'in'));
    expect(unreadable).toMatchObject({ code: 'OUTPUTS_UNREADABLE', source: { line: 3, column: 1 }, message: expect.stringContaining('valid JSON') });
  });

  it('leaves a JSON file as it is', () => {
    const committed = committedOutputs('amplify_outputs.json', '{"version":"1"}');
    expect(committed.text).toBe('{"version":"1"}');
  });
});

describe('the command line writes and checks lib/amplify_outputs.dart', () => {
  it('convert --out lib/amplify_outputs.dart writes the Dart form; a second run leaves it alone; check reads it', () => {
    const cwd = project({ 'lib/amplifyconfiguration.dart': FLUTTER });
    const first = runCli(['convert', '--out', 'lib/amplify_outputs.dart'], cwd);
    expect(first.status, first.stderr).toBe(0);
    const written = readFileSync(path.join(cwd, 'lib/amplify_outputs.dart'), 'utf8');
    const expected = convert(FLUTTER, { fileName: 'lib/amplifyconfiguration.dart' });
    expect(written).toBe(gen2Dart(expected.outputs));
    // Identical: nothing to replace, no --force needed.
    expect(runCli(['convert', '--out', 'lib/amplify_outputs.dart'], cwd).status).toBe(0);
    const check = runCli(['check', '--outputs', 'lib/amplify_outputs.dart'], cwd);
    expect(check.status, check.stderr).toBe(0);
    expect(check.stderr).not.toContain('OUTPUTS_');
  });

  it('--dry-run prints the form of the file named', () => {
    const cwd = project({ 'lib/amplifyconfiguration.dart': FLUTTER });
    const run = runCli(['convert', '--out', 'lib/amplify_outputs.dart', '--dry-run'], cwd);
    expect(run.stdout.startsWith("const amplifyConfig = r'''{")).toBe(true);
  });

  it('check reports drift in a .dart file at its line', () => {
    const expected = convert(EXAMPLE, { fileName: 'src/aws-exports.js' });
    const stale = structuredClone(expected.outputs) as unknown as { storage: { bucket_name: string } };
    stale.storage.bucket_name = 'old-bucket';
    const dart = gen2Dart(stale);
    const cwd = project({ 'src/aws-exports.js': EXAMPLE, 'lib/amplify_outputs.dart': dart });
    const run = runCli(['check', '--outputs', 'lib/amplify_outputs.dart', '--report', 'json'], cwd);
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as { diagnostics: { code: string; source: { line?: number; pointer: string } }[] };
    const drift = report.diagnostics.filter((d) => d.code === 'OUTPUTS_DRIFT');
    const line = dart.split('\n').findIndex((text) => text.includes('"bucket_name": "old-bucket"')) + 1;
    expect(drift).toEqual([
      {
        code: 'OUTPUTS_DRIFT',
        severity: 'error',
        category: 'outputs',
        message: expect.any(String),
        resolution: expect.any(String),
        source: { file: 'lib/amplify_outputs.dart', pointer: '/storage/bucket_name', line, column: 5 },
        target: '/storage/bucket_name',
      },
    ]);
  });

  it('check says why a .dart file cannot be read, at its line', () => {
    const cwd = project({ 'src/aws-exports.js': EXAMPLE, 'lib/amplify_outputs.dart': "const amplifyConfig = r'''{\n  \"version\": \"1\",\n}''';" });
    const run = runCli(['check', '--outputs', 'lib/amplify_outputs.dart'], cwd);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('OUTPUTS_UNREADABLE');
    expect(run.stderr).toContain('lib/amplify_outputs.dart:3:1');
    expect(run.stderr).not.toContain('not valid JSON.');
  });
});
