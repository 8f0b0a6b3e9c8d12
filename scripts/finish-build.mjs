// After tsc: compiles the amplify_outputs.json schemas (and the baseline schema) into standalone validators, so
// that a run does not pay for compiling a schema, and bundles the command line into one file with a V8 code cache,
// so that starting it reads and compiles one module instead of resolving and loading about a hundred.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { createRequire } from 'node:module';
import { build } from 'esbuild';
// tsc has run: the build takes its facts from the compiled package rather than restating them.
import { AJV_KEYWORDS, AJV_OPTIONS } from '../dist/validation/compiled-validator.js';
import { OUTPUTS_VERSIONS } from '../dist/outputs/versions.js';

const require = createRequire(import.meta.url);

const root = new URL('../', import.meta.url);

const target = new URL('dist/compiled-schemas/', root);
mkdirSync(target, { recursive: true });
const schemas = { baseline: 'schemas/baseline.schema.json' };
for (const version of OUTPUTS_VERSIONS) schemas[`schema_v${version}`] = `schemas/schema_v${version}.json`;
for (const [name, file] of Object.entries(schemas)) {
  const schema = JSON.parse(readFileSync(new URL(file, root), 'utf8'));
  // The options the package compiles with at run time too, so that a built and an unbuilt checkout validate alike.
  const ajv = new Ajv2020({ ...AJV_OPTIONS, code: { source: true, esm: false } });
  for (const keyword of AJV_KEYWORDS) ajv.addKeyword(keyword);
  const validate = ajv.compile(schema);
  // The few ajv runtime helpers the code requires are bundled in, so that loading a validator reads one file.
  await build({
    stdin: { contents: standaloneCode.default(ajv, validate), resolveDir: root.pathname, loader: 'js' },
    outfile: new URL(`${name}.cjs`, target).pathname,
    bundle: true,
    // Minified: the generated code is large, and a run parses one validator from scratch.
    minify: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    legalComments: 'none',
    logLevel: 'warning',
  });
}

// The CommonJS entries of the package ("require" in package.json's exports): each is the ES module itself, loaded
// through require(esm) (Node >= 20.19; no module of the library awaits at top level), so that import and require
// share one instance of the library. Their types, index.d.cts, are the declarations API Extractor rolls up.
for (const entry of ['dist/index.cjs', 'dist/project/index.cjs', 'dist/migrate/index.cjs', 'dist/codemod/index.cjs']) {
  writeFileSync(new URL(entry, root), "'use strict';\nmodule.exports = require('./index.js');\n");
}

// The command line is bundled into dist/bin/cli.cjs, two folders below the package root like the modules it is made
// of, so that the paths they load data from (mappings/, schemas/, dist/compiled-schemas/, package.json) stay
// right. Packages loaded on demand through createRequire (@babel/parser for JavaScript input, ajv where a schema
// is compiled at run time) are not bundled: they load only when a run needs them.
const binFolder = new URL('dist/bin/', root);
for (const name of readdirSync(binFolder)) if (name.startsWith('cli.') || name.startsWith('js-parser.')) rmSync(new URL(name, binFolder));
const buildId = randomBytes(6).toString('hex');
const bundle = new URL('cli.cjs', binFolder);
await build({
  entryPoints: [new URL('dist/cli/main.js', root).pathname],
  outfile: bundle.pathname,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  mainFields: ['module', 'main'],
  // Loaded from node_modules when a migration needs them, as the library loads them: one copy of recast (its
  // printer checks that the trees it prints are its own), the tree-sitter runtime with its grammar files, and the
  // diff and .gitignore libraries, which only migrate uses (not part of every command's start).
  external: ['recast', 'web-tree-sitter', 'tree-sitter-wasms', 'diff', 'ignore'],
  minifyWhitespace: true,
  legalComments: 'none',
  logLevel: 'warning',
  define: { 'import.meta.url': '__bundleUrl' },
  banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
  footer: { js: `// build ${buildId}` },
});
// The launcher runs the bundle as a script, where a #! line is not valid.
writeFileSync(bundle, readFileSync(bundle, 'utf8').replace(/^#!.*\n/, ''));
// @babel/parser, for aws-exports.js input, is a script of its own with its own cache, loaded only for such input.
await build({
  entryPoints: [require.resolve('@babel/parser')],
  outfile: new URL('js-parser.cjs', binFolder).pathname,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minifyWhitespace: true,
  legalComments: 'none',
  logLevel: 'warning',
  footer: { js: `// build ${buildId}` },
});
// The launcher reads the bundles as Latin-1, which is quicker to decode than UTF-8 and the same for ASCII: esbuild
// writes non-ASCII characters as escapes (its default charset), and this makes sure of it.
for (const name of ['cli.cjs', 'js-parser.cjs']) {
  if (readFileSync(new URL(name, binFolder)).some((byte) => byte > 0x7f)) throw new Error(`dist/bin/${name} is not ASCII; the launcher reads it as Latin-1.`);
}
const launcher = new URL('amplify-outputs-migrate.cjs', binFolder);
chmodSync(launcher, 0o755);
chmodSync(new URL('dist/cli/main.js', root), 0o755);

// The V8 code caches: recorded from one run of the command line over an input of each kind, so that what such runs
// compile is in them. Without the fixtures (an installed package), there is no cache and the scripts compile as usual.
const training = [
  'fixtures/convert/aws-exports/example-app/src/aws-exports.js',
  // A generated aws-exports.js is read without the JavaScript parser; a TypeScript one needs it.
  'fixtures/convert/aws-exports/typescript-as-const/aws-exports.ts',
  'fixtures/convert/amplifyconfiguration-json/geo-notifications/amplifyconfiguration.json',
  'fixtures/convert/amplifyconfiguration-mobile/plugins-everything/amplifyconfiguration.json',
  'fixtures/convert/amplify-meta/everything/amplify/backend/amplify-meta.json',
].filter((file) => existsSync(new URL(file, root)));
if (training.length > 0) {
  const run = spawnSync(process.execPath, [launcher.pathname, 'convert', ...training, '--dry-run', '--quiet'], {
    cwd: root.pathname,
    stdio: 'ignore',
    env: { ...process.env, AMPLIFY_OUTPUTS_MIGRATE_RECORD_CODE_CACHE: buildId },
  });
  if (run.status !== 0 && run.status !== 1) throw new Error(`Recording the code cache failed (exit ${run.status}).`);
}
