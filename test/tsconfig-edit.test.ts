import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { tsconfigEdits } from '../src/migrate/js/tsconfig-edit.js';
import type { AppFiles, FileEdit } from '../src/migrate/types.js';
import { temporaryDirectory } from './support/run-cli.js';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/migrate-project');

function readTree(root: string, folder = ''): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(path.join(root, folder), { withFileTypes: true })) {
    const relative = folder === '' ? entry.name : `${folder}/${entry.name}`;
    if (entry.isDirectory()) Object.assign(files, readTree(root, relative));
    else files[relative] = readFileSync(path.join(root, relative), 'utf8');
  }
  return files;
}

/** What the source rewrite does to the fixture's main.ts: the import (and the one read of a Gen1 key) changed. */
function importOutputs(text: string, attribute = ''): string {
  return text.replace(/from "\.\/aws-exports(\.js)?";/, `from "../amplify_outputs.json"${attribute};`).replace('.aws_user_pools_id', '.auth.user_pool_id');
}

function apply(files: Record<string, string>, edits: FileEdit[]): Record<string, string> {
  const result = { ...files };
  for (const edit of edits) {
    expect(result[edit.path] ?? null).toBe(edit.before);
    result[edit.path] = edit.after;
  }
  return result;
}

/** The library files (lib.*.d.ts) every check reads, parsed once. */
const libraryFiles = new Map<string, ts.SourceFile | undefined>();

/** Type-checks the project `config` of the app, written to a fresh folder, as tsc does: its errors as "TS<code>: text". */
function typeCheck(files: Record<string, string>, config = 'tsconfig.json'): string[] {
  const root = temporaryDirectory();
  for (const [relative, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
    writeFileSync(path.join(root, relative), text);
  }
  const configPath = path.join(root, config);
  const read = ts.readConfigFile(configPath, ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, root, undefined, configPath);
  // The library's own declaration files are not what is tested (and checking DOM's takes seconds): as skipLibCheck does.
  parsed.options.skipLibCheck = true;
  const host = ts.createCompilerHost(parsed.options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, onError) => {
    if (!fileName.startsWith(root)) {
      const key = `${fileName}:${JSON.stringify(languageVersion)}`;
      if (!libraryFiles.has(key)) libraryFiles.set(key, getSourceFile(fileName, languageVersion, onError));
      return libraryFiles.get(key);
    }
    return getSourceFile(fileName, languageVersion, onError);
  };
  const program = ts.createProgram({
    rootNames: parsed.fileNames,
    options: parsed.options,
    host,
    projectReferences: parsed.projectReferences,
    configFileParsingDiagnostics: parsed.errors,
  });
  const diagnostics = [...parsed.errors, ...ts.getPreEmitDiagnostics(program)];
  if (!parsed.options.noEmit) diagnostics.push(...program.emit(undefined, () => undefined).diagnostics);
  return diagnostics.map((diagnostic) => `TS${diagnostic.code}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`);
}

function fixture(name: string): { files: Record<string, string>; migrated: Record<string, string> } {
  const files = readTree(path.join(FIXTURES, name));
  return { files, migrated: { ...files, 'src/main.ts': importOutputs(files['src/main.ts']!) } };
}

describe('tsconfigEdits: fixture apps type-check after the edit, and not before', () => {
  it('a strict tsconfig without resolveJsonModule (bundled: allowSyntheticDefaultImports)', () => {
    const { files, migrated } = fixture('strict-without-json');
    expect(typeCheck(files)).toEqual([]);
    expect(typeCheck(migrated).join('\n')).toContain('TS2732');
    const { edits, diagnostics } = tsconfigEdits(migrated, ['src/main.ts']);
    expect(edits.map((edit) => edit.path)).toEqual(['tsconfig.json']);
    expect(edits[0]!.after).toContain('"skipLibCheck": true,\n    "resolveJsonModule": true,\n    "allowSyntheticDefaultImports": true\n  },');
    expect(diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.source.file, diagnostic.source.line])).toEqual([
      ['TSCONFIG_OPTION_ADDED', 'tsconfig.json', 9],
      ['TSCONFIG_OPTION_ADDED', 'tsconfig.json', 10],
    ]);
    expect(typeCheck(apply(migrated, edits))).toEqual([]);
  });

  it('extends a base that emits CommonJS: esModuleInterop, in the leaf, not the base', () => {
    const { files, migrated } = fixture('extends-commonjs');
    expect(typeCheck(files)).toEqual([]);
    expect(typeCheck(migrated).join('\n')).toContain('TS2732');
    const { edits, diagnostics } = tsconfigEdits(migrated, ['src/main.ts']);
    expect(edits.map((edit) => edit.path)).toEqual(['tsconfig.json']);
    expect(edits[0]!.after).toContain('"rootDir": ".",\n    "resolveJsonModule": true,\n    "esModuleInterop": true\n');
    expect(diagnostics.map((diagnostic) => diagnostic.message)).toEqual([
      expect.stringContaining('Added "resolveJsonModule": true to tsconfig.json'),
      expect.stringContaining('Added "esModuleInterop": true to tsconfig.json: a default import of a JSON file needs it, and tsc emits CommonJS'),
    ]);
    expect(typeCheck(apply(migrated, edits))).toEqual([]);
  });

  it('comments, tabs and trailing commas are kept; a base that turns the option off is overridden in the leaf', () => {
    const { files, migrated } = fixture('comments');
    expect(typeCheck(files)).toEqual([]);
    expect(typeCheck(migrated).join('\n')).toContain('TS2732');
    const { edits } = tsconfigEdits(migrated, ['src/main.ts']);
    const before = files['tsconfig.json']!;
    const after = edits[0]!.after;
    expect(edits.map((edit) => edit.path)).toEqual(['tsconfig.json']);
    for (const comment of ["// The app's TypeScript settings.", '/* Compiler options: keep them strict. */', '// modern browsers only', '// the app'])
      expect(after).toContain(comment);
    expect(after).toContain('\t\t"types": [],\n\t\t"resolveJsonModule": true,\n\t\t"allowSyntheticDefaultImports": true,\n\t},');
    // Only lines were added: every line of the input is still there, in order.
    const afterLines = after.split('\n');
    let at = 0;
    for (const line of before.split('\n')) {
      at = afterLines.indexOf(line, at);
      expect(at, line).toBeGreaterThanOrEqual(0);
    }
    expect(typeCheck(apply(migrated, edits))).toEqual([]);
  });

  it('a solution-style tsconfig: the referenced composite project that holds the file gets the option and the JSON file in include', () => {
    const { files, migrated } = fixture('solution-composite');
    expect(typeCheck(files, 'tsconfig.app.json')).toEqual([]);
    expect(typeCheck(migrated, 'tsconfig.app.json').join('\n')).toContain('TS2732');
    const { edits, diagnostics } = tsconfigEdits(migrated, ['src/main.ts']);
    expect(edits.map((edit) => edit.path)).toEqual(['tsconfig.app.json']);
    expect(edits[0]!.after).toContain('"include": ["src", "amplify_outputs.json"]');
    expect(diagnostics.map((diagnostic) => diagnostic.message)).toEqual([
      expect.stringContaining('Added "resolveJsonModule": true to tsconfig.app.json'),
      expect.stringContaining('Added "amplify_outputs.json" in "include" to tsconfig.app.json: a composite project must list every file'),
    ]);
    const withOptionOnly = apply(migrated, [{ ...edits[0]!, after: edits[0]!.after.replace(', "amplify_outputs.json"', '') }]);
    expect(typeCheck(withOptionOnly, 'tsconfig.app.json').join('\n')).toContain('TS6307');
    expect(typeCheck(apply(migrated, edits), 'tsconfig.app.json')).toEqual([]);
  });

  it('nodenext and an ECMAScript module: no option helps, the import attribute is reported, and it does', () => {
    const { files, migrated } = fixture('nodenext-esm');
    expect(typeCheck(files)).toEqual([]);
    expect(typeCheck(migrated).join('\n')).toContain('TS1543');
    const { edits, diagnostics } = tsconfigEdits(migrated, ['src/main.ts']);
    expect(edits).toEqual([]);
    expect(diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.severity, diagnostic.source])).toEqual([
      ['JSON_IMPORT_ATTRIBUTE_NEEDED', 'warning', { file: 'src/main.ts', pointer: '', line: 1, column: 20 }],
    ]);
    const withAttribute = { ...files, 'src/main.ts': importOutputs(files['src/main.ts']!, " with { type: 'json' }") };
    expect(typeCheck(withAttribute)).toEqual([]);
    expect(tsconfigEdits(withAttribute, ['src/main.ts']).diagnostics).toEqual([]);
  });

  it('classic module resolution: an error, no edit, since resolveJsonModule is refused there', () => {
    const { files, migrated } = fixture('classic-resolution');
    expect(typeCheck(files)).toEqual([]);
    const { edits, diagnostics } = tsconfigEdits(migrated, ['src/main.ts']);
    expect(edits).toEqual([]);
    expect(diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.severity])).toEqual([['TSCONFIG_JSON_IMPORT_UNSUPPORTED', 'error']]);
    expect(diagnostics[0]!.message).toContain('"moduleResolution" is "classic"');
    const forced = { ...migrated, 'tsconfig.json': migrated['tsconfig.json']!.replace('"strict": true', '"strict": true, "resolveJsonModule": true') };
    expect(typeCheck(forced).join('\n')).toContain('TS5070');
  });
});

describe('tsconfigEdits: rules', () => {
  const outputs = '{"version":"1.4"}';
  const app = (tsconfig: string, main = 'import outputs from "../amplify_outputs.json";\n', extra: AppFiles = {}): AppFiles => ({
    'tsconfig.json': tsconfig,
    'amplify_outputs.json': outputs,
    'src/main.ts': main,
    ...extra,
  });

  it('nothing to do where the options in effect already allow the import (bundler, Next.js-style)', () => {
    expect(tsconfigEdits(app('{"compilerOptions":{"module":"esnext","moduleResolution":"bundler"}}'), ['src/main.ts'])).toEqual({ edits: [], diagnostics: [] });
    expect(
      tsconfigEdits(app('{"compilerOptions":{"module":"esnext","moduleResolution":"node","resolveJsonModule":true,"esModuleInterop":true}}'), ['src/main.ts']),
    ).toEqual({ edits: [], diagnostics: [] });
  });

  it('a namespace import needs no interop; a file with no tsconfig is left alone', () => {
    const result = tsconfigEdits(
      app('{"compilerOptions":{"module":"esnext","moduleResolution":"node"}}', 'import * as outputs from "../amplify_outputs.json";'),
      ['src/main.ts'],
    );
    expect(result.diagnostics.map((diagnostic) => diagnostic.message)).toEqual([expect.stringContaining('resolveJsonModule')]);
    expect(tsconfigEdits({ 'src/main.ts': '' }, ['src/main.ts'])).toEqual({ edits: [], diagnostics: [] });
  });

  it('several importers under one tsconfig: one edit, each option once', () => {
    const files = app('{"compilerOptions":{"module":"commonjs"}}', undefined, { 'src/other.ts': 'import o from "../amplify_outputs.json";' });
    const { edits, diagnostics } = tsconfigEdits(files, ['src/main.ts', 'src/other.ts']);
    expect(edits).toHaveLength(1);
    expect(edits[0]!.after).toBe('{"compilerOptions":{"module":"commonjs","resolveJsonModule":true,"esModuleInterop":true}}');
    expect(diagnostics).toHaveLength(2);
  });

  it('an explicit false in the leaf is turned to true in place', () => {
    const { edits } = tsconfigEdits(
      app('{\n  "compilerOptions": {\n    "moduleResolution": "bundler",\n    "module": "esnext",\n    "resolveJsonModule": false\n  }\n}\n'),
      ['src/main.ts'],
    );
    expect(edits[0]!.after).toBe(
      '{\n  "compilerOptions": {\n    "moduleResolution": "bundler",\n    "module": "esnext",\n    "resolveJsonModule": true\n  }\n}\n',
    );
  });

  it('a base that is not among the files is reported, and the leaf still gets what was seen to be missing', () => {
    const { edits, diagnostics } = tsconfigEdits(
      app('{"extends":"@tsconfig/strictest/tsconfig.json","compilerOptions":{"module":"esnext","moduleResolution":"node"}}'),
      ['src/main.ts'],
    );
    expect(diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['TSCONFIG_BASE_NOT_READ', 'TSCONFIG_OPTION_ADDED', 'TSCONFIG_OPTION_ADDED']);
    expect(edits).toHaveLength(1);
  });

  it('a base not read that may set the module system: no claim of classic resolution, and the interop that changes no emit', () => {
    const { edits, diagnostics } = tsconfigEdits(app('{"extends":"expo/tsconfig.base","compilerOptions":{"strict":true,"target":"ES2020"}}'), ['src/main.ts']);
    expect(diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['TSCONFIG_BASE_NOT_READ', 'TSCONFIG_OPTION_ADDED', 'TSCONFIG_OPTION_ADDED']);
    expect(edits[0]!.after).toBe(
      '{"extends":"expo/tsconfig.base","compilerOptions":{"strict":true,"target":"ES2020","resolveJsonModule":true,"allowSyntheticDefaultImports":true}}',
    );
  });

  it('a base in node_modules is read and never edited', () => {
    const files = app('{"extends":"@org/tsconfig","compilerOptions":{"module":"esnext"}}', undefined, {
      'node_modules/@org/tsconfig/package.json': '{"name":"@org/tsconfig","tsconfig":"base.json"}',
      'node_modules/@org/tsconfig/base.json': '{"compilerOptions":{"moduleResolution":"bundler"}}',
    });
    expect(tsconfigEdits(files, ['src/main.ts'])).toEqual({ edits: [], diagnostics: [] });
  });

  it('a tsconfig that does not parse is reported and not edited', () => {
    const { edits, diagnostics } = tsconfigEdits(app('{"compilerOptions": {"module": }'), ['src/main.ts']);
    expect(edits).toEqual([]);
    expect(diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['TSCONFIG_UNREADABLE']);
  });

  it('module system: reported, no edit', () => {
    const { edits, diagnostics } = tsconfigEdits(app('{"compilerOptions":{"module":"system"}}'), ['src/main.ts']);
    expect(edits).toEqual([]);
    expect(diagnostics[0]!.message).toContain('"module" is "system"');
  });

  it('node16 and an ECMAScript module: the report says to move to nodenext, since node16 takes no import attribute', () => {
    const { diagnostics } = tsconfigEdits(
      app('{"compilerOptions":{"module":"node16","resolveJsonModule":true}}', undefined, { 'package.json': '{"type":"module"}' }),
      ['src/main.ts'],
    );
    expect(diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['JSON_IMPORT_ATTRIBUTE_NEEDED']);
    expect(diagnostics[0]!.resolution).toContain('"nodenext"');
  });

  it('without outputsPath, the JSON file is where the relative import leads', () => {
    const files: AppFiles = {
      'web/tsconfig.json': '{"compilerOptions":{"composite":true,"module":"esnext","moduleResolution":"bundler"},"include":["src"]}',
      'web/src/amplify_outputs.json': outputs,
      'web/src/main.ts': 'import outputs from "./amplify_outputs.json";',
    };
    const { edits, diagnostics } = tsconfigEdits(files, ['web/src/main.ts']);
    expect(JSON.parse(edits[0]!.after).include).toEqual(['src', 'src/amplify_outputs.json']);
    expect(diagnostics[0]!.message).toContain('web/src/main.ts now imports web/src/amplify_outputs.json');
  });

  it('a composite project with an inherited include gets its own, rebased', () => {
    const files: AppFiles = {
      'packages/web/tsconfig.json': '{"extends":"../../tsconfig.base.json","compilerOptions":{"resolveJsonModule":true,"esModuleInterop":true}}',
      'tsconfig.base.json': '{"compilerOptions":{"composite":true},"include":["packages/web/src"]}',
      'packages/web/amplify_outputs.json': outputs,
      'packages/web/src/main.ts': 'import outputs from "../amplify_outputs.json";',
    };
    const { edits } = tsconfigEdits(files, ['packages/web/src/main.ts'], { outputsPath: 'packages/web/amplify_outputs.json' });
    expect(JSON.parse(edits[0]!.after).include).toEqual(['src', 'amplify_outputs.json']);
  });
});
