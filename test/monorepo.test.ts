import { existsSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { project, runCli } from './support/run-cli.js';
import { runWorkersOnly } from './support/run-in-process.js';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');
const WEB = readFileSync(path.join(FIXTURES, 'convert/aws-exports/example-app/src/aws-exports.js'), 'utf8');
const ANDROID = readFileSync(path.join(FIXTURES, 'convert/amplifyconfiguration-mobile/plugins-everything/amplifyconfiguration.json'), 'utf8').replace(
  /"reporting api": \{[^}]*\},/s,
  '',
);
const FLUTTER = readFileSync(path.join(FIXTURES, 'convert/amplifyconfiguration-dart/flutter-gen2-legacy-dart/lib/amplifyconfiguration.dart'), 'utf8');

/** A generated monorepo: dozens of apps in mixed formats, plus places that must be skipped. */
function monorepo(apps: number): { root: string; names: string[] } {
  const files: Record<string, string> = { '.gitignore': 'node_modules\n/generated/\n' };
  const names: string[] = [];
  for (let index = 0; index < apps; index++) {
    const name = `apps/app-${String(index).padStart(2, '0')}`;
    names.push(name);
    const kind = index % 3;
    if (kind === 0) {
      files[`${name}/package.json`] = '{}';
      files[`${name}/src/aws-exports.js`] = WEB.replace('shop-media-main', `media-${index}`);
    } else if (kind === 1) {
      files[`${name}/build.gradle`] = '';
      files[`${name}/app/src/main/res/raw/amplifyconfiguration.json`] = ANDROID.replace('mobile-bucket-dev', `bucket-${index}`);
    } else {
      files[`${name}/pubspec.yaml`] = 'name: app';
      files[`${name}/lib/amplifyconfiguration.dart`] = FLUTTER.replace('us-east-1_Gen2Legac', `us-east-1_Legacy${String(index).padStart(3, '0')}`);
    }
  }
  files['node_modules/some-lib/aws-exports.js'] = WEB;
  files['generated/copy/src/aws-exports.js'] = WEB;
  return { root: project(files), names };
}

/** Where each app's platform loads its file: a web app's root, an Android app's raw resources, a Flutter app's lib/. */
function outputOf(name: string): string {
  const kind = Number(name.slice(-2)) % 3;
  return kind === 0 ? `${name}/amplify_outputs.json` : kind === 1 ? `${name}/app/src/main/res/raw/amplify_outputs.json` : `${name}/lib/amplify_outputs.dart`;
}

describe('a monorepo, converted and checked in one run', () => {
  it('converts every app next to its own Gen1 file, checks them, and names the one that drifts', () => {
    const { root, names } = monorepo(24);
    const converted = runCli(['convert', '--recursive'], root, { CI: 'true' });
    expect(converted.stderr).toMatch(/24 apps: .*; findings: \d+ errors, \d+ warnings, \d+ info\./);
    for (const name of names) expect(existsSync(path.join(root, outputOf(name))), name).toBe(true);
    expect(existsSync(path.join(root, 'node_modules/some-lib/amplify_outputs.json'))).toBe(false);
    expect(existsSync(path.join(root, 'generated/copy/amplify_outputs.json'))).toBe(false);
    // Stable order: the apps in sorted order.
    const headings = converted.stderr
      .split('\n')
      .filter((line) => line.startsWith('== '))
      .map((line) => line.slice(3));
    expect(headings).toEqual(names);
    // Bucket names are per app: each file belongs to its own app.
    expect(readFileSync(path.join(root, 'apps/app-03/amplify_outputs.json'), 'utf8')).toContain('"media-3"');

    const clean = runCli(['check', '--recursive', '--quiet'], root, { CI: 'true' });
    expect(clean.status).toBe(0);
    expect(clean.stderr).toContain('24 apps: 8 clean, 16 with findings, 0 failed; findings: 0 errors, 48 warnings');

    const source = path.join(root, 'apps/app-06/src/aws-exports.js');
    writeFileSync(source, readFileSync(source, 'utf8').replace('media-6', 'media-six'));
    const drift = runCli(['check', '--recursive', '--report', 'github'], root, { CI: 'true' });
    expect(drift.status).toBe(1);
    expect(drift.stdout).toContain('::error file=apps/app-06/amplify_outputs.json');
    // app-06 had warnings already; now it has an error too, and the error is counted in the singular. (The Flutter
    // apps' push settings serve both channels, which is said: 8 of the info.)
    expect(drift.stderr).toContain('24 apps: 8 clean, 16 with findings, 0 failed; findings: 1 error, 48 warnings, 72 info.');
  });

  it('takes several inputs and globs, each handled next to its own app', () => {
    const { root } = monorepo(6);
    const run = runCli(['convert', 'apps/app-0[0-2]', 'apps/app-04/app/src/main/res/raw/amplifyconfiguration.json', '--quiet'], root, { CI: 'true' });
    expect(run.stderr).toContain('4 inputs: ');
    for (const name of ['apps/app-00', 'apps/app-01', 'apps/app-02', 'apps/app-04']) expect(existsSync(path.join(root, outputOf(name))), name).toBe(true);
    expect(existsSync(path.join(root, 'apps/app-03/amplify_outputs.json'))).toBe(false);
    const check = runCli(['check', 'apps/app-0[0-2]', '--quiet'], root, { CI: 'true' });
    expect(check.status).toBe(0);
    // Apps with warnings are not counted clean.
    expect(check.stderr).toContain('3 inputs: 1 clean, 2 with findings, 0 failed; findings: 0 errors, 6 warnings');
  });

  it('runs a large batch on worker threads and prints, writes and exits exactly as one thread does', async () => {
    // Two copies of one monorepo, with what makes a batch hard: apps with two Gen1 files that write one
    // amplify_outputs.json (the second differs, so it is refused); and an input that cannot be read. The two files
    // of each such app are listed 16 apart, in the second and third chunk of 16: two workers are handed two chunks
    // each as they start, so without the grouping the third chunk would run on the second worker while the first
    // still runs the first chunk, and the second file would be written first. The convert run on threads (in this
    // process, its workers started from the built command line) leaves all the apps to the workers (the main thread
    // would take the first chunks itself).
    const web = Array.from({ length: 16 }, (_, k) => `apps/app-${String(3 * k).padStart(2, '0')}`);
    const copies = [monorepo(66), monorepo(66)].map(({ root }) => {
      for (const name of web) writeFileSync(path.join(root, name, 'aws-exports.js'), WEB.replace('shop-media-main', 'media-other'));
      writeFileSync(path.join(root, 'apps/app-01/broken.json'), '{ "aws_project_region": ');
      return root;
    });
    const first = Array.from({ length: 16 }, (_, k) => `apps/app-${String(3 * k + 1).padStart(2, '0')}/app/src/main/res/raw/amplifyconfiguration.json`);
    const inputs = [
      ...first,
      ...web.map((name) => `${name}/src/aws-exports.js`),
      ...web.map((name) => `${name}/aws-exports.js`),
      'apps/*/app/src/main/res/raw/amplifyconfiguration.json',
      'apps/*/lib/amplifyconfiguration.dart',
      'apps/app-01/broken.json',
    ];
    const runs = [
      runCli(['convert', ...inputs, '--jobs', '1'], copies[0]!, { CI: 'true' }),
      await runWorkersOnly(['convert', ...inputs, '--jobs', '2'], copies[1]!),
    ];
    expect(runs[0]!.stderr).toContain('77 inputs: ');
    expect(runs[0]!.stderr).toContain('apps/app-45/amplify_outputs.json already exists and differs');
    expect(runs[0]!.status).toBe(2);
    expect(runs[1]).toEqual(runs[0]);
    for (const name of [...web, 'apps/app-31', 'apps/app-65']) {
      expect(readFileSync(path.join(copies[1]!, outputOf(name)), 'utf8'), name).toBe(readFileSync(path.join(copies[0]!, outputOf(name)), 'utf8'));
    }
    // check writes nothing, so nothing can race: it runs as usual, on this thread and a worker.
    const checks = copies.map((root, index) => runCli(['check', ...inputs, '--report', 'github', '--jobs', index === 0 ? '1' : '2'], root, { CI: 'true' }));
    expect(checks[0]!.stdout).toContain('::error file=apps/app-00/amplify_outputs.json');
    expect(checks[1]).toEqual(checks[0]);
  });

  it('check --update-baseline over several apps accepts the findings of every app, in one baseline', () => {
    const { root, names } = monorepo(3);
    // Nothing converted yet: every app has its own findings (at least a missing amplify_outputs.json).
    const update = runCli(['check', '--recursive', '--update-baseline'], root, { CI: 'true' });
    expect(update.status).toBe(0);
    const baseline = JSON.parse(readFileSync(path.join(root, '.amplify-outputs-migrate.json'), 'utf8')) as { accepted: { code: string; file?: string }[] };
    for (const name of names) expect(baseline.accepted, name).toContainEqual(expect.objectContaining({ code: 'OUTPUTS_MISSING', file: outputOf(name) }));
    expect(update.stderr).toMatch(new RegExp(`Wrote \\.amplify-outputs-migrate\\.json: ${baseline.accepted.length} findings accepted\\.`));
    const check = runCli(['check', '--recursive', '--quiet'], root, { CI: 'true' });
    expect(check.status).toBe(0);
    expect(check.stderr).toContain('3 apps: 3 clean');
  });

  it('refuses a --jobs that is not a whole number of 1 or more', () => {
    const { root } = monorepo(2);
    for (const jobs of ['0', '-1', '1.5', 'many']) {
      const run = runCli(['check', '--recursive', '--jobs', jobs], root, { CI: 'true' });
      expect(run.status, jobs).toBe(2);
      expect(run.stderr, jobs).toContain('--jobs takes a whole number, 1 or more.');
    }
  });
});

describe('expandInputs', () => {
  it('expands relative and absolute globs, in sorted order', async () => {
    const { expandInputs } = await import('../src/cli/inputs/expand-inputs.js');
    const root = project({ 'a/x.json': '{}', 'a/y.json': '{}', 'b/z.json': '{}', 'node_modules/n.json': '{}' });
    expect(expandInputs(['a/*.json', 'plain.js'], root)).toEqual(['a/x.json', 'a/y.json', 'plain.js']);
    expect(expandInputs(['**/*.json'], root)).toEqual(['a/x.json', 'a/y.json', 'b/z.json']);
    expect(expandInputs([`${root}/a/*.json`], '/')).toEqual([`${root}/a/x.json`, `${root}/a/y.json`]);
  });

  it('matches a segment at a time: wildcards, plain names, ** at any depth, ./ prefixes and linked folders', async () => {
    const { expandInputs } = await import('../src/cli/inputs/expand-inputs.js');
    const root = project({
      'apps/one/src/aws-exports.js': '',
      'apps/one/deep/er/src/aws-exports.js': '',
      'apps/two/src/aws-exports.js': '',
      'apps/two/src/other.js': '',
      'apps/three/README.md': '',
      'apps/node_modules/dep/src/aws-exports.js': '',
      'other/src/aws-exports.js': '',
    });
    symlinkSync(path.join(root, 'other'), path.join(root, 'apps/linked'));
    symlinkSync(path.join(root, 'missing'), path.join(root, 'apps/broken'));
    expect(expandInputs(['apps/*/src/aws-exports.js'], root)).toEqual([
      'apps/linked/src/aws-exports.js',
      'apps/one/src/aws-exports.js',
      'apps/two/src/aws-exports.js',
    ]);
    expect(expandInputs(['./apps/t*/src/*.js'], root)).toEqual(['apps/two/src/aws-exports.js', 'apps/two/src/other.js']);
    expect(expandInputs(['apps/**/aws-exports.js'], root)).toEqual([
      'apps/linked/src/aws-exports.js',
      'apps/one/deep/er/src/aws-exports.js',
      'apps/one/src/aws-exports.js',
      'apps/two/src/aws-exports.js',
    ]);
    expect(expandInputs(['apps/?wo'], root)).toEqual(['apps/two']);
    expect(expandInputs(['apps/*/nothing.js', 'nowhere/*'], root)).toEqual([]);
    // A broken link is matched by a plain segment as by a wildcard one; reading it says what is wrong.
    symlinkSync(path.join(root, 'gone.js'), path.join(root, 'apps/two/src/gone.js'));
    expect(expandInputs(['apps/*/src/gone.js', 'apps/two/src/g*.js'], root)).toEqual(['apps/two/src/gone.js']);
  });
});
