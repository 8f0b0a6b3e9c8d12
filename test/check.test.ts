import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareOutputs } from '../src/check/compare-outputs.js';
import { driftDiagnostics } from '../src/check/drift.js';
import { staleSourceDiagnostics } from '../src/check/stale-sources.js';
import { checkVerdict } from '../src/check/verdict.js';
import { convert, type ConvertResult } from '../src/index.js';
import { corpusFiles } from './support/corpus.js';
import { fixtureCases } from './support/fixture-cases.js';
import { project, runCli } from './support/run-cli.js';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');
const EXAMPLE = readFileSync(path.join(FIXTURES, 'convert/aws-exports/example-app/src/aws-exports.js'), 'utf8');
const EXPECTED = readFileSync(path.join(FIXTURES, 'convert/aws-exports/example-app/expected.amplify_outputs.json'), 'utf8');

describe('compareOutputs', () => {
  it('tells same, formatting, drift and unreadable apart, masking secrets', () => {
    const converted = '{\n  "version": "1",\n  "data": {\n    "url": "a",\n    "api_key": "da2-new"\n  }\n}\n';
    expect(compareOutputs(converted, converted)).toEqual({ kind: 'same', changes: [] });
    expect(compareOutputs(converted, JSON.stringify(JSON.parse(converted)))).toEqual({ kind: 'formatting', changes: [] });
    expect(compareOutputs(converted, '{"version":"1","data":{"url":"b","api_key":"da2-old"},"extra":1}')).toEqual({
      kind: 'drift',
      changes: [
        { pointer: '/data/api_key', committed: '(a secret value)', converted: '(another secret value)' },
        { pointer: '/data/url', committed: '"b"', converted: '"a"' },
        { pointer: '/extra', committed: '1' },
      ],
    });
    expect(compareOutputs(converted, '{').kind).toBe('unreadable');
  });
});

describe('the check, as pure functions', () => {
  const converted = '{\n  "version": "1",\n  "data": {\n    "url": "a"\n  }\n}\n';

  it('drift: one finding per field that differs, a missing file, or only formatting', () => {
    expect(driftDiagnostics(converted, converted, 'amplify_outputs.json', 'src/aws-exports.js')).toEqual([]);
    expect(driftDiagnostics(converted, undefined, 'amplify_outputs.json', 'src/aws-exports.js').map((d) => d.code)).toEqual(['OUTPUTS_MISSING']);
    expect(driftDiagnostics(converted, JSON.stringify(JSON.parse(converted)), 'out.json', 'in.js').map((d) => [d.code, d.severity])).toEqual([
      ['OUTPUTS_FORMATTING', 'info'],
    ]);
    const drift = driftDiagnostics(converted, '{"version":"1","data":{"url":"b"}}', 'out.json', 'in.js');
    expect(drift.map((d) => [d.code, d.source, d.target])).toEqual([['OUTPUTS_DRIFT', { file: 'out.json', pointer: '/data/url' }, '/data/url']]);
    expect(drift[0]!.message).toBe('/data/url is "b" in the committed file; the Gen1 source gives "a".');
  });

  it('verdict: accepted findings are left out and do not fail; new drift fails whatever --fail-on says', () => {
    const drift = driftDiagnostics(converted, '{"version":"1","data":{"url":"b"}}', 'out.json', 'in.js');
    const failing = checkVerdict(drift, [], undefined, 'error');
    expect([failing.failed, failing.accepted, failing.newDrift.length]).toEqual([true, 0, 1]);
    const accepted = checkVerdict(drift, [], { accepted: [{ code: 'OUTPUTS_DRIFT', file: 'out.json', pointer: '/data/url' }] }, 'info');
    expect([accepted.failed, accepted.accepted, accepted.diagnostics]).toEqual([false, 1, []]);
    const formatting = driftDiagnostics(converted, JSON.stringify(JSON.parse(converted)), 'out.json', 'in.js');
    expect(checkVerdict(formatting, [], undefined, 'error').failed).toBe(false);
    expect(checkVerdict(formatting, [], undefined, 'info').failed).toBe(true);
  });

  it('stale sources: another source naming another backend is a SOURCES_DISAGREE at the field', () => {
    const checked = convert(EXAMPLE, { fileName: 'src/aws-exports.js' });
    const other = EXAMPLE.replace(/"aws_user_pools_id": "[^"]*"/, '"aws_user_pools_id": "eu-west-1_Other"');
    expect(other).not.toBe(EXAMPLE);
    const stale = staleSourceDiagnostics(
      { display: 'src/aws-exports.js', outputs: checked.outputs },
      [
        { display: 'aws-exports.js', text: other },
        { display: 'broken.json', text: '{' },
      ],
      {},
    );
    expect(stale.map((d) => [d.code, d.target, d.source.file])).toEqual([['SOURCES_DISAGREE', '/auth/user_pool_id', 'aws-exports.js']]);
    expect(staleSourceDiagnostics({ display: 'src/aws-exports.js', outputs: checked.outputs }, [{ display: 'aws-exports.js', text: EXAMPLE }], {})).toEqual([]);
  });
});

describe('check command', () => {
  it('is clean (exit 0) when the committed file is what convert writes, and never writes', () => {
    const cwd = project({ 'src/aws-exports.js': EXAMPLE, 'amplify_outputs.json': EXPECTED });
    const run = runCli(['check'], cwd);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('amplify_outputs.json is up to date.');
    expect(readFileSync(path.join(cwd, 'amplify_outputs.json'), 'utf8')).toBe(EXPECTED);
  });

  it('fails (exit 1) on drift and names each field, old and new', () => {
    const cwd = project({ 'src/aws-exports.js': EXAMPLE.replace('shop-media-main', 'shop-media-next'), 'amplify_outputs.json': EXPECTED });
    const run = runCli(['check', '--report', 'json'], cwd);
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as { diagnostics: { code: string; message: string; source: { pointer: string } }[] };
    const drift = report.diagnostics.filter((diagnostic) => diagnostic.code === 'OUTPUTS_DRIFT');
    expect(drift.map((diagnostic) => diagnostic.source.pointer)).toEqual(['/storage/bucket_name']);
    expect(drift[0]!.message).toBe('/storage/bucket_name is "shop-media-main" in the committed file; the Gen1 source gives "shop-media-next".');
  });

  it('fails when the file is missing, passes formatting-only differences', () => {
    const missing = project({ 'src/aws-exports.js': EXAMPLE });
    const run = runCli(['check'], missing);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('OUTPUTS_MISSING');
    const reformatted = project({ 'src/aws-exports.js': EXAMPLE, 'amplify_outputs.json': JSON.stringify(JSON.parse(EXPECTED)) });
    const formatting = runCli(['check'], reformatted);
    expect(formatting.status).toBe(0);
    expect(formatting.stderr).toContain('OUTPUTS_FORMATTING');
  });

  it('--fail-on decides which findings of the conversion fail the check', () => {
    const cwd = project({ 'src/aws-exports.js': EXAMPLE, 'amplify_outputs.json': EXPECTED });
    expect(runCli(['check', '--fail-on', 'warning'], cwd).status).toBe(1); // REST_API_IN_CUSTOM is a warning
    expect(runCli(['check', '--fail-on', 'error'], cwd).status).toBe(0);
  });

  it('checks against the version the committed file declares', () => {
    const cwd = project({ 'src/aws-exports.js': EXAMPLE, 'amplify_outputs.json': EXPECTED.replace('"version": "1"', '"version": "1.3"') });
    expect(runCli(['check'], cwd).status).toBe(0);
  });
});

describe('the version check converts into', () => {
  it('gives, when it is the version auto picks, the auto conversion itself (check converts once when they agree)', () => {
    const inputs = [
      ...fixtureCases()
        .filter((fixture) => fixture.options.outputsVersion === undefined)
        .map((fixture) => ({ text: fixture.text, options: { ...fixture.options, fileName: fixture.fileName } })),
      ...['aws-exports', 'amplifyconfiguration', 'awsconfiguration', 'amplifyconfiguration-dart', 'amplify-meta']
        .flatMap((folder) => corpusFiles(folder))
        .map((file) => ({ text: readFileSync(file, 'utf8'), options: { fileName: path.basename(file) } })),
    ];
    const versions = new Set<string>();
    for (const { text, options } of inputs) {
      let auto: ConvertResult;
      try {
        auto = convert(text, options);
      } catch {
        continue;
      }
      versions.add(auto.version);
      expect(convert(text, { ...options, outputsVersion: auto.version }), options.fileName).toEqual(auto);
    }
    // Auto picks more than one version across these inputs, so the later ones are held to it too.
    expect(versions.size).toBeGreaterThan(2);
  });
});

describe('check compares the Gen1 sources of one project', () => {
  const meta = (pool: string): string =>
    JSON.stringify({
      providers: { awscloudformation: { Region: 'eu-west-1', StackName: 'amplify-shop-main-1' } },
      auth: {
        shop: {
          service: 'Cognito',
          lastPushTimeStamp: '2024-05-01T10:00:00.000Z',
          output: { UserPoolId: pool, AppClientIDWeb: '7exampleclientid0000000000', IdentityPoolId: 'eu-west-1:11111111-2222-3333-4444-555555555555' },
        },
      },
    });

  it('reports a stale source: aws-exports.js and amplify-meta.json naming different user pools', () => {
    const cwd = project({ 'src/aws-exports.js': EXAMPLE, 'amplify_outputs.json': EXPECTED, 'amplify/backend/amplify-meta.json': meta('eu-west-1_OtherPool') });
    const run = runCli(['check', 'src/aws-exports.js', '--report', 'json'], cwd);
    const report = JSON.parse(run.stdout) as { diagnostics: { code: string; message: string; target?: string }[] };
    const stale = report.diagnostics.filter((diagnostic) => diagnostic.code === 'SOURCES_DISAGREE');
    expect(stale.map((diagnostic) => diagnostic.target)).toEqual(['/auth/user_pool_id']);
    expect(stale[0]!.message).toContain('amplify/backend/amplify-meta.json gives "eu-west-1_OtherPool"');
    expect(run.status).toBe(0); // a warning: below the default --fail-on
    expect(runCli(['check', 'src/aws-exports.js', '--fail-on', 'warning'], cwd).status).toBe(1);
  });

  it('compares each app of a run over several apps with its own sources, not with those of the current folder', () => {
    const cwd = project({
      'amplify/backend/amplify-meta.json': meta('eu-west-1_RootPool'),
      'apps/web/package.json': '{}',
      'apps/web/src/aws-exports.js': EXAMPLE,
      'apps/web/amplify_outputs.json': EXPECTED,
      'apps/admin/package.json': '{}',
      'apps/admin/src/aws-exports.js': EXAMPLE,
      'apps/admin/amplify_outputs.json': EXPECTED,
    });
    const run = runCli(['check', 'apps/web/src/aws-exports.js', 'apps/admin/src/aws-exports.js'], cwd);
    expect(run.stderr).not.toContain('SOURCES_DISAGREE');
    // The example app has warnings: neither input is clean, and neither fails.
    expect(run.stderr).toContain('2 inputs: 0 clean, 2 with findings, 0 failed; findings: 0 errors, 2 warnings');
    // The same file checked alone in the root project is compared with the root's meta file.
    const alone = project({ 'src/aws-exports.js': EXAMPLE, 'amplify_outputs.json': EXPECTED, 'amplify/backend/amplify-meta.json': meta('eu-west-1_RootPool') });
    expect(runCli(['check', 'src/aws-exports.js'], alone).stderr).toContain('SOURCES_DISAGREE');
  });

  it('says nothing when they agree', () => {
    const cwd = project({ 'src/aws-exports.js': EXAMPLE, 'amplify_outputs.json': EXPECTED, 'amplify/backend/amplify-meta.json': meta('eu-west-1_AbCdEfGhI') });
    const run = runCli(['check', 'src/aws-exports.js', '--report', 'json'], cwd);
    expect((JSON.parse(run.stdout) as { diagnostics: { code: string }[] }).diagnostics.map((diagnostic) => diagnostic.code)).not.toContain('SOURCES_DISAGREE');
  });
});

describe('check with a baseline', () => {
  it('accepts recorded findings, fails on new ones, and keeps the project options', () => {
    const cwd = project({ 'src/aws-exports.js': EXAMPLE, 'amplify_outputs.json': EXPECTED });
    // REST_API_IN_CUSTOM is a warning: with --fail-on warning the check fails until it is accepted.
    expect(runCli(['check', '--fail-on', 'warning'], cwd).status).toBe(1);
    const update = runCli(['check', '--update-baseline'], cwd);
    expect(update.status).toBe(0);
    const baseline = JSON.parse(readFileSync(path.join(cwd, '.amplify-outputs-migrate.json'), 'utf8')) as { accepted: { code: string }[] };
    expect(baseline.accepted.map((entry) => entry.code)).toContain('REST_API_IN_CUSTOM');
    const accepted = runCli(['check', '--fail-on', 'warning'], cwd);
    expect(accepted.status).toBe(0);
    expect(accepted.stderr).toMatch(/\d+ accepted findings? \(\.amplify-outputs-migrate\.json\) not shown/);
    // A new finding fails again.
    writeFileSync(
      path.join(cwd, 'src/aws-exports.js'),
      EXAMPLE.replace('"federationTarget": "COGNITO_USER_POOLS",', '"federationTarget": "COGNITO_USER_POOLS",\n    "aws_hand_added": "x",'),
    );
    const fresh = runCli(['check', '--fail-on', 'warning', '--report', 'json'], cwd);
    expect(fresh.status).toBe(1);
    expect((JSON.parse(fresh.stdout) as { diagnostics: { code: string }[] }).diagnostics.map((d) => d.code)).toEqual(['UNKNOWN_FIELD']);
  });

  it('takes options from the baseline and refuses an invalid one', () => {
    const cwd = project({
      'src/aws-exports.js': EXAMPLE,
      'amplify_outputs.json': EXPECTED,
      '.amplify-outputs-migrate.json': JSON.stringify({ options: { failOn: 'warning' } }),
    });
    expect(runCli(['check'], cwd).status).toBe(1);
    expect(runCli(['check', '--fail-on', 'error'], cwd).status).toBe(0);
    writeFileSync(path.join(cwd, '.amplify-outputs-migrate.json'), JSON.stringify({ options: { failOn: 'sometimes' }, extra: true }));
    const invalid = runCli(['check'], cwd);
    expect(invalid.status).toBe(2);
    expect(invalid.stderr).toContain('is not a valid baseline');
  });
});
