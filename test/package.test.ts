import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { temporaryDirectory } from './support/run-cli.js';

// The package as it is published: `npm pack` of the build (npm test builds first), unpacked into the node_modules of
// an app of its own, away from this repository. Its dependencies are linked from this repository's node_modules, as
// an install would place them.

const ROOT = path.resolve(import.meta.dirname, '..');
const NAME = 'amplify-outputs-migrate';
/** Each entry of the package, with its API report in etc/. */
const REPORTS: Record<string, string> = {
  [NAME]: `${NAME}.api.md`,
  [`${NAME}/project`]: `${NAME}-project.api.md`,
  [`${NAME}/migrate`]: `${NAME}-migrate.api.md`,
  [`${NAME}/codemod`]: `${NAME}-codemod.api.md`,
};
const ENTRIES = Object.keys(REPORTS);
const EXAMPLE = path.join(ROOT, 'fixtures/convert/aws-exports/example-app');
const META = path.join(ROOT, 'fixtures/convert/amplify-meta/everything');
const expectedWeb = readFileSync(path.join(EXAMPLE, 'expected.amplify_outputs.json'), 'utf8');
const expectedMeta = readFileSync(path.join(META, 'expected.amplify_outputs.json'), 'utf8');

let app = '';
let manifest: { dependencies: Record<string, string>; bin: Record<string, string> };

beforeAll(() => {
  const folder = temporaryDirectory();
  const packed = JSON.parse(execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', folder], { cwd: ROOT, encoding: 'utf8' })) as {
    filename: string;
  }[];
  app = path.join(folder, 'app');
  const installed = path.join(app, 'node_modules', NAME);
  mkdirSync(installed, { recursive: true });
  execFileSync('tar', ['-xzf', path.join(folder, packed[0]!.filename), '-C', installed, '--strip-components=1']);
  manifest = JSON.parse(readFileSync(path.join(installed, 'package.json'), 'utf8'));
  for (const dependency of Object.keys(manifest.dependencies)) {
    const link = path.join(app, 'node_modules', dependency);
    mkdirSync(path.dirname(link), { recursive: true });
    symlinkSync(path.join(ROOT, 'node_modules', dependency), link, 'dir');
  }
  mkdirSync(path.join(app, 'node_modules/.bin'));
  symlinkSync(path.join('..', NAME, manifest.bin[NAME]!), path.join(app, 'node_modules/.bin', NAME));
  writeFileSync(path.join(app, 'package.json'), `${JSON.stringify({ name: 'app', private: true })}\n`);
  cpSync(path.join(EXAMPLE, 'src'), path.join(app, 'src'), { recursive: true });
  cpSync(path.join(META, 'amplify'), path.join(app, 'meta-project/amplify'), { recursive: true });
}, 120_000);

/** Runs a script written into the app with node, in the app's folder; stderr must stay empty. */
function runScript(name: string, text: string): string {
  writeFileSync(path.join(app, name), text);
  const run = spawnSync(process.execPath, [name], { cwd: app, encoding: 'utf8' });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return run.stdout;
}

/** The values the API reports declare (functions, classes, constants) for an entry: what a user can import. */
function reportedValues(report: string): string[] {
  const text = readFileSync(path.join(ROOT, 'etc', report), 'utf8');
  return [...text.matchAll(/^export (?:declare )?(?:function|class|const) (\w+)/gm)].map((match) => match[1]!).sort();
}

// Both entries convert the same two inputs: the example app's aws-exports.js and a Gen1 project folder.
const CONVERT_BODY = `
const web = main.convert(readFileSync('src/aws-exports.js', 'utf8'), { fileName: 'src/aws-exports.js' });
const gathered = project.readProject('meta-project');
const meta = main.convert(gathered.metaText, { fileName: gathered.metaFile, projectFiles: gathered.projectFiles });
process.stdout.write(JSON.stringify({ web: web.text, meta: meta.text, codes: web.diagnostics.map((d) => d.code) }));
`;

describe('the packed package', () => {
  it('gives the same functions to import and require, for both entries, and exactly those of the API reports', () => {
    const out = runScript(
      'same.mjs',
      `import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const result = {};
for (const name of ${JSON.stringify(ENTRIES)}) {
  const imported = await import(name);
  const required = require(name);
  result[name] = {
    imported: Object.keys(imported).sort(),
    required: Object.keys(required).sort(),
    different: Object.keys(imported).filter((key) => imported[key] !== required[key]),
    functions: Object.keys(imported).filter((key) => typeof imported[key] === 'function').length,
  };
}
process.stdout.write(JSON.stringify(result));
`,
    );
    const result = JSON.parse(out) as Record<string, { imported: string[]; required: string[]; different: string[]; functions: number }>;
    for (const entry of ENTRIES) {
      const { imported, required, different, functions } = result[entry]!;
      expect(imported, entry).toEqual(reportedValues(REPORTS[entry]!));
      expect(required, entry).toEqual(imported);
      expect(different, entry).toEqual([]);
      expect(functions, entry).toBeGreaterThan(0);
    }
    expect(result[NAME]!.imported).toContain('convert');
    expect(result[NAME]!.imported).not.toContain('getTables');
  });

  it('converts through require, as a CommonJS host such as jscodeshift loads it', () => {
    const out = runScript(
      'convert.cjs',
      `const { readFileSync } = require('node:fs');
const main = require('${NAME}');
const project = require('${NAME}/project');
${CONVERT_BODY}`,
    );
    const result = JSON.parse(out) as { web: string; meta: string; codes: string[] };
    expect(result.web).toBe(expectedWeb);
    expect(result.meta).toBe(expectedMeta);
    expect(result.codes.length).toBeGreaterThan(0);
  });

  it('converts through import', () => {
    const out = runScript(
      'convert.mjs',
      `import { readFileSync } from 'node:fs';
import * as main from '${NAME}';
import * as project from '${NAME}/project';
${CONVERT_BODY}`,
    );
    const result = JSON.parse(out) as { web: string; meta: string };
    expect(result.web).toBe(expectedWeb);
    expect(result.meta).toBe(expectedMeta);
  });

  it('does nothing observable when imported or required: no output, no globals, no listeners, no writes, no timers', () => {
    const out = runScript(
      'side-effects.mjs',
      `import fs from 'node:fs';
import { createRequire } from 'node:module';
const write = process.stdout.write.bind(process.stdout);
const calls = [];
const watch = (object, label, names) => {
  for (const name of names) {
    const original = object[name];
    object[name] = function (...args) { calls.push(label + '.' + name); return original.apply(this, args); };
  }
};
watch(fs, 'fs', ['writeFileSync', 'writeFile', 'appendFileSync', 'appendFile', 'mkdirSync', 'mkdir', 'mkdtempSync', 'rmSync', 'rm', 'unlinkSync', 'unlink', 'renameSync', 'rename', 'copyFileSync', 'symlinkSync', 'writeSync']);
watch(process.stdout, 'stdout', ['write']);
watch(process.stderr, 'stderr', ['write']);
watch(console, 'console', ['log', 'info', 'warn', 'error', 'debug', 'trace']);
watch(process, 'process', ['on', 'once', 'addListener', 'prependListener', 'exit', 'emitWarning', 'chdir', 'umask']);
watch(globalThis, 'globalThis', ['setTimeout', 'setInterval', 'setImmediate']);
const prototypes = { Object: Object.prototype, Array: Array.prototype, String: String.prototype, Function: Function.prototype, Error: Error.prototype, Promise: Promise.prototype };
const snapshot = () => ({
  globals: Object.getOwnPropertyNames(globalThis).sort(),
  prototypes: Object.fromEntries(Object.entries(prototypes).map(([name, value]) => [name, Reflect.ownKeys(value).map(String).sort()])),
  env: Object.entries(process.env).sort(),
  events: process.eventNames().map(String).map((name) => [name, process.listenerCount(name)]),
  resources: process.getActiveResourcesInfo(),
  cwd: process.cwd(),
  exitCode: process.exitCode ?? null,
  stackTraceLimit: Error.stackTraceLimit,
  prepareStackTrace: typeof Error.prepareStackTrace,
});
const before = snapshot();
const entries = ${JSON.stringify(ENTRIES)};
for (const entry of entries) await import(entry);
const require = createRequire(import.meta.url);
for (const entry of entries) require(entry);
write(JSON.stringify({ calls, before, after: snapshot() }));
`,
    );
    const result = JSON.parse(out) as { calls: string[]; before: unknown; after: unknown };
    expect(result.calls).toEqual([]);
    expect(result.after).toEqual(result.before);
  });

  it('runs its bin, linked as npm links it', () => {
    const run = spawnSync(path.join(app, 'node_modules/.bin', NAME), ['convert', '--dry-run', '--quiet'], {
      cwd: app,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe(expectedWeb);
    expect(run.stderr).toContain('src/aws-exports.js');
  });

  it('has types that a strict TypeScript project finds and accepts, from CommonJS and from ES modules', () => {
    const consumer = (kind: 'cts' | 'mts'): string => `import { convert, isConversionError, type ConvertResult, type Diagnostic } from '${NAME}';
import { readProject, type GatheredProject } from '${NAME}/project';
import { planMigration, type MigrationPlan } from '${NAME}/migrate';
${kind === 'cts' ? `import main = require('${NAME}');` : `import * as main from '${NAME}';`}
const result: ConvertResult = convert('{}', { fileName: 'aws-exports.js', platform: 'ios' });
const first: Diagnostic | undefined = result.diagnostics[0];
const gathered: GatheredProject = readProject('.');
const planned: Promise<MigrationPlan> = planMigration({ 'src/aws-exports.js': 'const awsmobile = {}; export default awsmobile;' });
export const values = [first?.code, gathered.metaFile, isConversionError(undefined), main.convert === convert, planned];
// @ts-expect-error: an internal helper, not part of the API
main.getTables();
`;
    writeFileSync(path.join(app, 'consumer.cts'), consumer('cts'));
    writeFileSync(path.join(app, 'consumer.mts'), consumer('mts'));
    writeFileSync(
      path.join(app, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          module: 'node16',
          moduleResolution: 'node16',
          target: 'es2022',
          strict: true,
          noEmit: true,
          skipLibCheck: false,
          skipDefaultLibCheck: true,
          types: [],
        },
        files: ['consumer.cts', 'consumer.mts'],
      }),
    );
    const run = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], { cwd: app, encoding: 'utf8' });
    expect(run.stdout + run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});
