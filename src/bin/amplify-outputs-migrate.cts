#!/usr/bin/env node
/**
 * The command line as installed. It runs the bundled command line (cli.cjs, one file built from dist/cli) with
 * the V8 code cache made at build time, so that a start compiles next to nothing. A cache that does not fit (another
 * Node.js version, another build) is ignored by V8, and the bundle is compiled as usual.
 */
import fs = require('node:fs');
import moduleApi = require('node:module');
import path = require('node:path');
import vm = require('node:vm');

const bundle = path.join(__dirname, 'cli.cjs');
const source = fs.readFileSync(bundle, 'utf8');
// The build writes the bundle and its cache together, both named by one build id (the bundle's last line).
const buildId = /\/\/ build ([0-9a-f]+)\s*$/.exec(source)?.[1];
const cacheFile = buildId ? path.join(__dirname, `cli.${buildId}.v8-cache`) : undefined;

let cachedData: Buffer | undefined;
try {
  cachedData = cacheFile ? fs.readFileSync(cacheFile) : undefined;
} catch {
  cachedData = undefined;
}
const script = new vm.Script(moduleApi.Module.wrap(source), { filename: bundle, cachedData });

// Only the build sets this, to record the cache after a training run of the command line.
const recordTo = process.env['AMPLIFY_OUTPUTS_MIGRATE_RECORD_CODE_CACHE'];
if (recordTo && cacheFile && path.resolve(recordTo) === cacheFile) {
  process.on('exit', () => fs.writeFileSync(cacheFile, script.createCachedData()));
}

const bundleModule = { exports: {} };
(script.runInThisContext() as (...args: unknown[]) => void)(bundleModule.exports, moduleApi.createRequire(bundle), bundleModule, bundle, __dirname);
