// npm run bench: times conversions against baselines measured in the same run, and prints ratios and targets.
// Library: convert per input kind against JSON.parse + JSON.stringify of the same bytes (the floor for JSON),
// @babel/parser's parse of the same source (the floor for JavaScript), and convertObject of an aws-exports object
// against amplify-js's parseAWSExports of the same object (what the Amplify library spends on it at start-up).
// Command line: one conversion against `node -e 0` started the same way, and batches of generated apps (convert,
// which writes each amplify_outputs.json durably, and check, which only reads) with files per second and peak
// memory. Convert runs in turn with the disk floor (scripts/write-floor.mjs: the same files read and written as
// durably, by as many writers as the command has threads, with no conversion), which says what this disk allows at
// that moment. BENCH_BATCH sets the batch sizes (default "1000,10000"), BENCH_BATCH_RUNS the runs of each (default 3).
// Times are wall time: the fastest of many short windows (library) or the best of several runs (commands), the least
// disturbed by whatever else the machine is doing; a machine check before and after says how disturbed it was.
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { convert, convertObject } from '../dist/index.js';

const root = new URL('..', import.meta.url).pathname;
const require = createRequire(import.meta.url);
const babel = require('@babel/parser');
const { parseAWSExports } = require('@aws-amplify/core/internals/utils');

const read = (file) => readFileSync(path.join(root, file), 'utf8');
const inputs = {
  'aws-exports.js': read('fixtures/convert/aws-exports/example-app/src/aws-exports.js'),
  'flat amplifyconfiguration.json': read('fixtures/convert/amplifyconfiguration-json/geo-notifications/amplifyconfiguration.json'),
  'mobile amplifyconfiguration.json': read('fixtures/convert/amplifyconfiguration-mobile/plugins-everything/amplifyconfiguration.json'),
  'amplify-meta.json': read('fixtures/convert/amplify-meta/everything/amplify/backend/amplify-meta.json'),
};

/**
 * Time per call in microseconds: the fastest of many short windows (about 1 to 2 ms each), after a warm-up. On a
 * shared machine that stalls a busy thread for hundreds of milliseconds at a time (and counts the stall as CPU time
 * too), short windows are the ones that can fall between stalls.
 */
function time(fn, perWindow = 10, windows = 300) {
  for (let i = 0; i < perWindow * 20; i++) fn();
  let best = Infinity;
  for (let window = 0; window < windows; window++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < perWindow; i++) fn();
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1000 / perWindow);
  }
  return best;
}

/**
 * How much of its own speed the machine gives a busy thread: a fixed piece of work (about 5 ms when undisturbed)
 * is repeated for `seconds`; the fastest repetition is the machine's speed, and the share of the time that the
 * repetitions would have taken at that speed is what it delivered. Figures measured in the same stretch of time
 * can be read against it.
 */
function machineCheck(seconds = 3) {
  const work = () => {
    let x = 0;
    for (let i = 0; i < 5e6; i++) x = (x * 31 + i) | 0;
    return x;
  };
  let best = Infinity;
  let rounds = 0;
  const start = process.hrtime.bigint();
  let elapsed = 0;
  while (elapsed < seconds * 1000) {
    const before = process.hrtime.bigint();
    work();
    const after = process.hrtime.bigint();
    best = Math.min(best, Number(after - before) / 1e6);
    rounds++;
    elapsed = Number(after - start) / 1e6;
  }
  return { bestMs: best, delivered: (rounds * best) / elapsed };
}

const machineBefore = machineCheck();
console.log(
  `Machine check: a fixed loop at best ${machineBefore.bestMs.toFixed(1)} ms; a busy thread got ${(machineBefore.delivered * 100).toFixed(0)}% of that speed over 3 s\n`,
);

const rows = [];
for (const [name, text] of Object.entries(inputs)) {
  const ours = time(() => convert(text), name === 'amplify-meta.json' ? 1 : 10);
  if (name.endsWith('.js')) {
    rows.push([`convert ${name}`, ours, '@babel/parser parse', time(() => babel.parse(text, { sourceType: 'unambiguous', plugins: ['typescript'] }), 40)]);
  } else {
    rows.push([`convert ${name}`, ours, 'JSON.parse + stringify', time(() => JSON.stringify(JSON.parse(text)), 150)]);
  }
}
const exportsObject = JSON.parse(inputs['flat amplifyconfiguration.json']);
const objectTime = time(() => convertObject(exportsObject));
const amplifyTime = time(() => parseAWSExports(exportsObject), 2000);
rows.push(['convertObject of an aws-exports object', objectTime, 'parseAWSExports of it', amplifyTime]);

console.log('Library (time per call, fastest of 300 short windows)');
for (const [name, ours, baseline, floor] of rows) {
  console.log(
    `  ${name.padEnd(40)} ${ours.toFixed(0).padStart(7)} us   vs ${baseline.padEnd(30)} ${floor.toFixed(1).padStart(8)} us   ratio ${(ours / floor).toFixed(1)}x`,
  );
}

const cli = path.join(root, 'dist/bin/amplify-outputs-migrate.cjs');
const peakProbe = path.join(root, 'scripts/report-peak-memory.cjs');
const writeFloor = path.join(root, 'scripts/write-floor.mjs');

/** Wall time of a command (best of `runs`) and its peak resident memory; `before` runs, untimed, before each run. */
function run(args, { runs = 10, cwd = root, before = () => {} } = {}) {
  let best = Infinity;
  let peak = 0;
  const peakFile = path.join(os.tmpdir(), `amplify-outputs-migrate-bench-peak-${process.pid}`);
  // The command's messages go to a file, not to a pipe that this process would read on the cores being measured
  // (a batch prints megabytes of them).
  const errorFile = path.join(os.tmpdir(), `amplify-outputs-migrate-bench-stderr-${process.pid}`);
  for (let i = 0; i < runs; i++) {
    before();
    rmSync(peakFile, { force: true });
    const stderr = openSync(errorFile, 'w');
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, ['--require', peakProbe, ...args], {
      cwd,
      stdio: ['ignore', 'ignore', stderr],
      env: { ...process.env, AMPLIFY_OUTPUTS_MIGRATE_PEAK_FILE: peakFile },
    });
    const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
    closeSync(stderr);
    // A run that failed measures nothing: exit 0 (or 1, findings) is required.
    if (result.status !== 0 && result.status !== 1)
      throw new Error(`${args.join(' ')} exited ${result.status}: ${readFileSync(errorFile, 'utf8').slice(-500)}`);
    rmSync(errorFile, { force: true });
    best = Math.min(best, elapsed);
    try {
      peak = Math.max(peak, Number(readFileSync(peakFile, 'utf8')));
    } catch {
      // No figure: the probe could not write.
    }
  }
  rmSync(peakFile, { force: true });
  return { ms: best, peakMb: peak / 1024 / 1024 };
}

/** Several commands run in turn, `runs` rounds, so that each meets the same moods of the machine; each one's best. */
function alternate(commands, runs) {
  const results = commands.map(() => ({ ms: Infinity, peakMb: 0 }));
  for (let round = 0; round < runs; round++) {
    commands.forEach(({ args, options }, index) => {
      const result = run(args, { ...options, runs: 1 });
      results[index] = { ms: Math.min(results[index].ms, result.ms), peakMb: Math.max(results[index].peakMb, result.peakMb) };
    });
  }
  return results;
}

/** Writes what is still in the operating system's cache to disk (where there is a sync command), so that a run does not inherit the writes of the one before. */
function settleDisk() {
  spawnSync('sync', [], { stdio: 'ignore' });
}

const [nodeStart, oneJson, oneJs, oneTs] = alternate(
  [
    ['-e', '0'],
    [cli, 'convert', 'fixtures/convert/amplifyconfiguration-json/geo-notifications/amplifyconfiguration.json', '--dry-run'],
    [cli, 'convert', 'fixtures/convert/aws-exports/example-app/src/aws-exports.js', '--dry-run'],
    [cli, 'convert', 'fixtures/convert/aws-exports/typescript-as-const/aws-exports.ts', '--dry-run'],
  ].map((args) => ({ args, options: {} })),
  15,
);
console.log('\nCommand line (wall time, best of 15, the commands in turn)');
console.log(`  node -e 0                                ${nodeStart.ms.toFixed(0).padStart(7)} ms`);
console.log(`  convert one amplifyconfiguration.json    ${oneJson.ms.toFixed(0).padStart(7)} ms   ratio ${(oneJson.ms / nodeStart.ms).toFixed(2)}x`);
console.log(`  convert one aws-exports.js (generated)   ${oneJs.ms.toFixed(0).padStart(7)} ms   ratio ${(oneJs.ms / nodeStart.ms).toFixed(2)}x`);
console.log(
  `  convert one aws-exports.ts (hand-written, JavaScript parser) ${oneTs.ms.toFixed(0).padStart(7)} ms   ratio ${(oneTs.ms / nodeStart.ms).toFixed(2)}x`,
);

/** The cost of checking one app in this process, without start-up or threads: each app of the folder, in turn, for a few rounds. */
async function checkInProcess(folder, apps) {
  const { checkOne } = await import('../dist/cli/commands/check.js');
  const quiet = { cwd: folder, stdout: () => {}, stderr: () => {}, colorOnStderr: false };
  const args = { report: 'text', outputs: 'amplify_outputs.json', updateBaseline: false, quiet: true };
  const laps = [];
  for (let round = 0; round < 4; round++) {
    for (let i = 0; i < apps; i++) {
      const start = process.hrtime.bigint();
      checkOne(args, { input: `app-${i}/amplifyconfiguration.json` }, quiet);
      if (round > 0) laps.push(Number(process.hrtime.bigint() - start) / 1000);
    }
  }
  laps.sort((a, b) => a - b);
  return { min: laps[0], median: laps[laps.length >> 1], calls: laps.length };
}

/** Runs of each batch command, of which the fastest counts (BENCH_BATCH_RUNS). */
const BATCH_RUNS = Number(process.env.BENCH_BATCH_RUNS ?? 3);
const sizes = (process.env.BENCH_BATCH ?? '1000,10000')
  .split(',')
  .map(Number)
  .filter((size) => size > 0);
const batchResults = [];
for (const size of sizes) {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'amplify-outputs-migrate-bench-'));
  try {
    for (let i = 0; i < size; i++) {
      mkdirSync(path.join(folder, `app-${i}`));
      writeFileSync(
        path.join(folder, `app-${i}/amplifyconfiguration.json`),
        inputs['flat amplifyconfiguration.json'].replace('ap-southeast-2_MapsPool1', `ap-southeast-2_Pool${i}`),
      );
    }
    const glob = 'app-*/amplifyconfiguration.json';
    // Each convert run writes every file: the outputs of the run before are removed first. The floor writes the
    // same number of files as durably, with no conversion: what the disk allows here, measured in turn with convert.
    const removeOutputs = () => {
      for (let i = 0; i < size; i++) rmSync(path.join(folder, `app-${i}/amplify_outputs.json`), { force: true });
      settleDisk();
    };
    const [floor, converted] = alternate(
      [
        { args: [writeFloor, folder, String(size)], options: { cwd: folder, before: removeOutputs } },
        { args: [cli, 'convert', glob, '--quiet'], options: { cwd: folder, before: removeOutputs } },
      ],
      BATCH_RUNS,
    );
    const checked = run([cli, 'check', glob, '--quiet'], { runs: BATCH_RUNS, cwd: folder });
    const perApp = size === sizes[0] ? await checkInProcess(folder, Math.min(size, 500)) : undefined;
    batchResults.push({ size, floor, converted, checked });
    console.log(
      `  disk floor ${String(size).padStart(3)} apps (reads each input, writes each file durably, converts nothing) ${floor.ms.toFixed(0).padStart(7)} ms   ${((size * 1000) / floor.ms).toFixed(0).padStart(5)} files/s`,
    );
    console.log(
      `  convert ${String(size).padStart(6)} apps (writes each file)  ${converted.ms.toFixed(0).padStart(7)} ms   ${((size * 1000) / converted.ms).toFixed(0).padStart(5)} files/s, peak ${converted.peakMb.toFixed(0)} MB (best of ${BATCH_RUNS}; ${(converted.ms / floor.ms).toFixed(2)}x the disk floor)`,
    );
    console.log(
      `  check   ${String(size).padStart(6)} apps (reads only)        ${checked.ms.toFixed(0).padStart(7)} ms   ${((size * 1000) / checked.ms).toFixed(0).padStart(5)} files/s, peak ${checked.peakMb.toFixed(0)} MB (best of ${BATCH_RUNS})`,
    );
    if (perApp)
      console.log(
        `  check of one app in one process (the same code, no start-up): ${perApp.min.toFixed(0)} us at best, ${perApp.median.toFixed(0)} us median, over ${perApp.calls} calls`,
      );
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

// migrate --dry-run over a generated repository: 5,000 TypeScript sources, 1% of them load the Gen1 configuration,
// against the floor of reading them all and parsing those that mention a Gen1 name (scripts/migrate-floor.mjs).
const MIGRATE_FILES = 5000;
const migrateRepo = mkdtempSync(path.join(os.tmpdir(), 'amplify-outputs-migrate-bench-repo-'));
writeFileSync(path.join(migrateRepo, 'package.json'), JSON.stringify({ name: 'bench-app', dependencies: { 'aws-amplify': '6.6.4' } }));
mkdirSync(path.join(migrateRepo, 'src'), { recursive: true });
writeFileSync(path.join(migrateRepo, 'src/aws-exports.js'), inputs['aws-exports.js']);
for (let i = 0; i < MIGRATE_FILES; i++) {
  const folder = path.join(migrateRepo, 'src', `feature-${Math.floor(i / 100)}`);
  mkdirSync(folder, { recursive: true });
  const loads = i % 100 === 0;
  const part = (n) =>
    [
      `/** Component ${i}.${n}. */`,
      `export function Component${i}x${n}(props: { label: string; count: number }) {`,
      '  const [value, setValue] = useState(props.count);',
      loads && n === 0 ? '  const bucket = config.aws_user_files_s3_bucket;' : `  const bucket = helper${i % 7}(props.label);`,
      '  return { value, setValue, bucket, label: props.label.trim() };',
      '}',
      '',
    ].join('\n');
  const header = [
    `import { useState } from 'react';`,
    `import { helper${i % 7} } from './helpers';`,
    ...(loads ? [`import config from '../aws-exports';`] : []),
    '',
  ];
  writeFileSync(path.join(folder, `component-${i}.ts`), [...header, part(0), part(1), part(2)].join('\n'));
}
const [migrateFloor, migrated] = alternate(
  [
    { args: [path.join(root, 'scripts/migrate-floor.mjs'), migrateRepo], options: { cwd: migrateRepo } },
    { args: [cli, 'migrate', '--dry-run', '--quiet'], options: { cwd: migrateRepo } },
  ],
  5,
);
rmSync(migrateRepo, { recursive: true, force: true });
console.log(
  `\n  migrate --dry-run, ${MIGRATE_FILES} sources (1% load the configuration) ${migrated.ms.toFixed(0).padStart(7)} ms   vs reading them and parsing the ${MIGRATE_FILES / 100} that name it ${migrateFloor.ms.toFixed(0).padStart(7)} ms   ratio ${(migrated.ms / migrateFloor.ms).toFixed(2)}x`,
);

const machineAfter = machineCheck();
console.log(
  `\nMachine check after the commands: a busy thread got ${(machineAfter.delivered * 100).toFixed(0)}% of the fixed loop's best speed (${(machineBefore.delivered * 100).toFixed(0)}% before the library timings)`,
);

const largest = batchResults.at(-1);
console.log('\nTargets');
const target = (met, text) => console.log(`  ${met ? 'met    ' : 'not met'}  ${text}`);
target(
  Math.max(oneJson.ms, oneJs.ms) <= nodeStart.ms * 1.5,
  `one CLI conversion within 1.5x of node start: ${(oneJson.ms / nodeStart.ms).toFixed(2)}x (JSON), ${(oneJs.ms / nodeStart.ms).toFixed(2)}x (aws-exports.js), ${(oneTs.ms / nodeStart.ms).toFixed(2)}x (hand-written aws-exports.ts)`,
);
target(
  migrated.ms <= migrateFloor.ms * 1.5,
  `migrate --dry-run of ${MIGRATE_FILES} sources within 1.5x of reading them and parsing those that name a Gen1 file: ${(migrated.ms / migrateFloor.ms).toFixed(2)}x`,
);
// Library targets: each conversion against its floor in this run.
const libraryTargets = [
  ['convert amplify-meta.json', 5],
  ['convert aws-exports.js', 2],
  ['convert flat amplifyconfiguration.json', 4],
  ['convertObject of an aws-exports object', 20],
];
for (const [name, limit] of libraryTargets) {
  const [, ours, baseline, floor] = rows.find(([row]) => row === name);
  target(ours <= floor * limit, `${name} within ${limit}x of ${baseline}: ${(ours / floor).toFixed(1)}x`);
}
if (largest) {
  const rate = (largest.size * 1000) / largest.converted.ms;
  const floorRate = (largest.size * 1000) / largest.floor.ms;
  target(
    rate >= 5000,
    `${largest.size} files at 5,000 files/s or better: ${rate.toFixed(0)} files/s writing (this disk's floor: ${floorRate.toFixed(0)} files/s), ${((largest.size * 1000) / largest.checked.ms).toFixed(0)} files/s checking`,
  );
  const floorAndCheck = largest.floor.ms + largest.checked.ms;
  target(
    largest.converted.ms <= floorAndCheck * 1.5,
    `convert of ${largest.size} apps within 1.5x of the disk floor plus check of the same apps: ${(largest.converted.ms / floorAndCheck).toFixed(2)}x`,
  );
  const peak = Math.max(largest.converted.peakMb, largest.checked.peakMb);
  target(peak < 200, `peak memory under 200 MB for ${largest.size} files: ${peak.toFixed(0)} MB`);
}
