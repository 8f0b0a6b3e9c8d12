#!/usr/bin/env node
/**
 * The command line as installed. It runs the bundled command line (cli.cjs, one file built from dist/cli) with
 * the V8 code cache made at build time, so that a start compiles next to nothing, and offers the bundle the
 * JavaScript parser (js-parser.cjs, @babel/parser) the same way, for aws-exports.js input. A cache that does not fit
 * (another Node.js version, another build) is ignored by V8, and the script is compiled as usual.
 */
import fs = require('node:fs');
import moduleApi = require('node:module');
import path = require('node:path');
import v8 = require('node:v8');
import vm = require('node:vm');
import type { LauncherKey, LauncherOffer } from './launcher-contract.js';

// A command's run is short: seconds for thousands of apps, and JIT compilation on the cores that run them is a
// large part of it. A smaller inlining budget for the optimizing compiler makes each compilation cheaper; the
// optimized code is as fast here. (Set before any script is compiled, so that the code caches, made by a run of this
// launcher too, match the flags.)
v8.setFlagsFromString('--max-inlined-bytecode-size-cumulative=200');

/** The build writes each script with its build id as the last line, and its cache named by the same id. */
function buildIdOf(source: string): string | undefined {
  return /\/\/ build ([0-9a-f]+)\s*$/.exec(source)?.[1];
}

/** A bundle's source. The build makes sure the bundles are ASCII, so Latin-1 reads them as UTF-8 would, only quicker. */
function readBundle(name: string): string {
  return fs.readFileSync(path.join(__dirname, name), 'latin1');
}

const cliSource = readBundle('cli.cjs');
const buildId = buildIdOf(cliSource);
// Only the build sets this (to its build id), to record the caches after a training run of the command line.
const recording = buildId !== undefined && process.env['AMPLIFY_OUTPUTS_MIGRATE_RECORD_CODE_CACHE'] === buildId;

/** Runs one of the bundled scripts as a CommonJS module, with its code cache when it fits; returns its exports. */
function run(name: string, source: string): unknown {
  const file = path.join(__dirname, `${name}.cjs`);
  const cacheFile = buildId !== undefined && buildIdOf(source) === buildId ? path.join(__dirname, `${name}.${buildId}.v8-cache`) : undefined;
  let cachedData: Buffer | undefined;
  try {
    cachedData = cacheFile && !recording ? fs.readFileSync(cacheFile) : undefined;
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(moduleApi.Module.wrap(source), { filename: file, cachedData });
  if (recording && cacheFile) process.on('exit', () => fs.writeFileSync(cacheFile, script.createCachedData()));
  const scriptModule = { exports: {} as unknown };
  (script.runInThisContext() as (...args: unknown[]) => void)(scriptModule.exports, moduleApi.createRequire(file), scriptModule, file, __dirname);
  return scriptModule.exports;
}

// What the bundle is offered, under the key the contract names (src/bin/launcher-contract.ts).
const key: LauncherKey = 'amplify-outputs-migrate.launcher';
const offer: LauncherOffer = {
  entry: __filename,
  loadJsParser: () => run('js-parser', readBundle('js-parser.cjs')) as ReturnType<LauncherOffer['loadJsParser']>,
};
(globalThis as Record<symbol, LauncherOffer>)[Symbol.for(key)] = offer;
run('cli', cliSource);
