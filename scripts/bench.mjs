// npm run bench: times conversions against baselines measured in the same run, and prints ratios.
// Library: convert per input kind against JSON.parse + JSON.stringify of the same bytes (the floor for JSON),
// @babel/parser's parse of the same source (the floor for JS) and amplify-js's parseAWSExports of the same object.
// Command line: one conversion and a batch of generated files, against `node -e 0` started the same way.
// BENCH_BATCH sets the batch size (default 1000).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { convert } from '../dist/index.js';

const root = new URL('..', import.meta.url).pathname;
const require = createRequire(import.meta.url);
const babel = require('@babel/parser');
const { parseAWSExports } = require('@aws-amplify/core/internals/utils');

const read = (file) => readFileSync(path.join(root, file), 'utf8');
const inputs = {
  'aws-exports.js': read('fixtures/example-app/src/aws-exports.js'),
  'flat amplifyconfiguration.json': read('fixtures/flat-json-geo-notifications/amplifyconfiguration.json'),
  'mobile amplifyconfiguration.json': read('fixtures/mobile-plugins-everything/amplifyconfiguration.json'),
  'amplify-meta.json': read('fixtures/meta-everything/amplify/backend/amplify-meta.json'),
};

/** CPU time per call in microseconds (user + system), after a warm-up. */
function time(fn, rounds = 200) {
  for (let i = 0; i < Math.min(50, rounds); i++) fn();
  const start = process.cpuUsage();
  for (let i = 0; i < rounds; i++) fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / rounds;
}

const rows = [];
const jsonFloor = (text) => time(() => JSON.stringify(JSON.parse(text)), 2000);
const flatObject = JSON.parse(inputs['flat amplifyconfiguration.json']);
const exportsObject = Object.fromEntries(Object.entries(flatObject));
for (const [name, text] of Object.entries(inputs)) {
  const ours = time(() => convert(text));
  if (name.endsWith('.js')) {
    const floor = time(() => babel.parse(text, { sourceType: 'unambiguous', plugins: ['typescript'] }), 500);
    rows.push([`convert ${name}`, ours, '@babel/parser parse', floor]);
  } else {
    rows.push([`convert ${name}`, ours, 'JSON.parse + stringify', jsonFloor(text)]);
  }
}
rows.push(['convert flat amplifyconfiguration.json', rows[1][1], 'parseAWSExports of the object', time(() => parseAWSExports(exportsObject), 20000)]);

console.log('Library (CPU time per call)');
for (const [name, ours, baseline, floor] of rows) {
  console.log(`  ${name.padEnd(40)} ${ours.toFixed(0).padStart(7)} us   vs ${baseline.padEnd(30)} ${floor.toFixed(1).padStart(8)} us   ratio ${(ours / floor).toFixed(1)}x`);
}

/** Wall time of a command, best of a few runs, and its peak memory where /usr/bin/time can tell. */
function run(args, runs = 5) {
  let best = Infinity;
  let peak;
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const result = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, ...args], { encoding: 'utf8', cwd: root, maxBuffer: 1 << 28 });
    const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
    if (result.error) return run.withoutTime(args, runs);
    // A run that failed measures nothing: exit 0 (or 1, findings) is required.
    if (result.status !== 0 && result.status !== 1) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr.slice(-500)}`);
    best = Math.min(best, elapsed);
    const kb = Number(result.stderr.trim().split('\n').pop());
    if (Number.isFinite(kb)) peak = Math.max(peak ?? 0, kb);
  }
  return { ms: best, peakMb: peak === undefined ? undefined : peak / 1024 };
}
run.withoutTime = (args, runs) => {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, args, { cwd: root, maxBuffer: 1 << 28 });
    if (result.status !== 0 && result.status !== 1) throw new Error(`${args.join(' ')} exited ${result.status}`);
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e6);
  }
  return { ms: best, peakMb: undefined };
};

const cli = path.join(root, 'dist/cli/main.js');
const nodeStart = run(['-e', '0']);
const single = run([cli, 'convert', 'fixtures/example-app/src/aws-exports.js', '--dry-run']);
console.log('\nCommand line (wall time, best of 5)');
console.log(`  node -e 0                                ${nodeStart.ms.toFixed(0).padStart(7)} ms`);
console.log(`  convert one aws-exports.js               ${single.ms.toFixed(0).padStart(7)} ms   ratio ${(single.ms / nodeStart.ms).toFixed(1)}x`);

const batch = Number(process.env.BENCH_BATCH ?? 1000);
const folder = mkdtempSync(path.join(os.tmpdir(), 'amplify-outputs-migrate-bench-'));
try {
  for (let i = 0; i < batch; i++) {
    writeFileSync(path.join(folder, `app-${i}.json`), inputs['flat amplifyconfiguration.json'].replace('ap-southeast-2_MapsPool1', `ap-southeast-2_Pool${i}`));
  }
  const started = process.hrtime.bigint();
  const result = run([cli, 'convert', `${folder}/*.json`, '--dry-run', '--quiet'], 1);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  console.log(`  convert a batch of ${batch} files            ${result.ms.toFixed(0).padStart(7)} ms   ${(batch / seconds).toFixed(0)} files/s${result.peakMb ? `, peak ${result.peakMb.toFixed(0)} MB` : ''}`);
} finally {
  rmSync(folder, { recursive: true, force: true });
}
