import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBuffered } from '../src/cli/batch/run-chunk.js';
import { describeInternalFault } from '../src/cli/output/internal-fault.js';
import { WriteBatch } from '../src/cli/output/write-file-atomic.js';
import { InternalFault } from '../src/errors.js';
import { validateOutputs } from '../src/index.js';
import { BIN, project, runCli } from './support/run-cli.js';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');
const EXAMPLE = path.join(FIXTURES, 'convert/aws-exports/example-app/src/aws-exports.js');

describe('command line messages', () => {
  it('--quiet drops the "Using" line of a file it found', () => {
    const cwd = project({ 'src/aws-exports.js': readFileSync(EXAMPLE, 'utf8') });
    const run = runCli(['convert', '--quiet', '--dry-run'], cwd);
    expect(run.status).toBe(0);
    expect(run.stderr).not.toContain('Using ');
  });

  it('a check that passes ends by saying what it checked', () => {
    const cwd = project({ 'src/aws-exports.js': readFileSync(EXAMPLE, 'utf8') });
    expect(runCli(['convert'], cwd).status).toBe(0);
    const run = runCli(['check'], cwd);
    expect(run.status).toBe(0);
    expect(run.stderr.trimEnd().split('\n').at(-1)).toMatch(/^Checked amplify_outputs\.json: 0 errors, \d+ warnings?, \d+ info\.$/);
  });

  it('says where it looked when a repository holds no Gen1 file, in words rather than a bare path', () => {
    const cwd = project({ 'README.md': 'nothing here' });
    const run = runCli(['check', '--recursive'], cwd);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('No Gen1 configuration file found in the current folder or any folder below it.');
  });
});

describe('when a folder holds no Gen1 configuration', () => {
  it('names the platform file to look for, --project and --recursive', () => {
    const run = runCli(['convert'], project({ 'pubspec.yaml': 'name: app\n', 'lib/main.dart': '' }));
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('No Gen1 configuration file found in . or any folder below it (a flutter app).');
    expect(run.stderr).toContain('convert path/to/amplifyconfiguration.dart');
    expect(run.stderr).toContain('--project path/to/project');
    expect(run.stderr).toContain('--recursive');
  });

  it('says so when the app is already on Gen2', () => {
    const run = runCli(['check'], project({ 'package.json': '{}', 'amplify/backend.ts': 'export {};\n' }));
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('. is already on Gen2: it has amplify/backend.ts.');
  });
});

describe('command line', () => {
  it('is built', () => {
    expect(existsSync(BIN), 'run npm run build first').toBe(true);
  });

  it('finds src/aws-exports.js, says so, writes amplify_outputs.json and exits 0', () => {
    const cwd = project({ 'src/aws-exports.js': readFileSync(EXAMPLE, 'utf8') });
    const run = runCli(['convert'], cwd);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain(`Using ${path.join('src', 'aws-exports.js')}`);
    expect(run.stderr).toContain('REST_API_IN_CUSTOM');
    expect(run.stdout).toBe('');
    const written = readFileSync(path.join(cwd, 'amplify_outputs.json'), 'utf8');
    expect(written).toBe(readFileSync(path.join(FIXTURES, 'convert/aws-exports/example-app/expected.amplify_outputs.json'), 'utf8'));
    expect(validateOutputs(JSON.parse(written)).valid).toBe(true);
    // No temporary file is left behind.
    expect(readdirSync(cwd).sort()).toEqual(['amplify_outputs.json', 'src']);
  });

  it('exits 1 when error diagnostics exist, and still writes', () => {
    const cwd = project({ 'aws-exports.js': readFileSync(path.join(FIXTURES, 'convert/aws-exports/identity-pool-only/aws-exports.js'), 'utf8') });
    const run = runCli(['convert', 'aws-exports.js'], cwd);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('AUTH_WITHOUT_USER_POOL');
    expect(existsSync(path.join(cwd, 'amplify_outputs.json'))).toBe(true);
  });

  it('exits 2 with the location for a file that does not parse', () => {
    const cwd = project({ 'aws-exports.ts': readFileSync(path.join(FIXTURES, 'convert/aws-exports/parse-error/aws-exports.ts'), 'utf8') });
    const run = runCli(['convert', 'aws-exports.ts'], cwd);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('aws-exports.ts:4:26');
    expect(run.stderr).toContain('PARSE_ERROR');
    expect(existsSync(path.join(cwd, 'amplify_outputs.json'))).toBe(false);
  });

  it('exits 2 when no input is found or the input is unreadable', () => {
    const cwd = project({});
    const missing = runCli(['convert'], cwd);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('No Gen1 configuration file found');
    const absent = runCli(['convert', 'nope.js'], cwd);
    expect(absent.status).toBe(2);
    expect(absent.stderr).toContain('Cannot read nope.js');
  });

  it('exits 2 on a usage error', () => {
    const cwd = project({ 'aws-exports.js': readFileSync(EXAMPLE, 'utf8') });
    const run = runCli(['convert', '--outputs-version', '7'], cwd);
    expect(run.status).toBe(2);
    expect(existsSync(path.join(cwd, 'amplify_outputs.json'))).toBe(false);
    expect(runCli(['convert', '--no-such-flag'], cwd).status).toBe(2);
    expect(runCli([], cwd).status).toBe(2);
  });

  it('refuses a misused shared option the same way in convert and check: exit 2, the same message, nothing written', () => {
    const cwd = project({ 'src/aws-exports.js': readFileSync(EXAMPLE, 'utf8') });
    const misuses = [
      ['--select', 'auth'],
      ['--select', '=pool'],
      ['--select', 'auth='],
      ['--outputs-version', '7'],
      ['--from', 'yaml'],
      ['--platform', 'tv'],
      ['--report', 'xml'],
      ['--jobs', '0'],
      ['--no-such-flag'],
    ];
    for (const misuse of misuses) {
      const [convert, check] = (['convert', 'check'] as const).map((command) => runCli([command, ...misuse], cwd));
      expect(convert!.status, `convert ${misuse.join(' ')}`).toBe(2);
      expect(check!.status, `check ${misuse.join(' ')}`).toBe(2);
      expect(check!.stderr, misuse.join(' ')).toBe(convert!.stderr);
      expect(convert!.stderr, misuse.join(' ')).toContain('Run amplify-outputs-migrate --help for the options.');
    }
    expect(runCli(['check', '--select', 'auth'], cwd).stderr).toContain('--select takes <category>=<resource>, not "auth".');
    expect(readdirSync(cwd)).toEqual(['src']);
  });

  it('exits 2 on a usage error of each command', () => {
    const cwd = project({ 'src/aws-exports.js': readFileSync(EXAMPLE, 'utf8'), 'amplify_outputs.json': '{}' });
    const usage = [['convert', '--report', 'json', '--out', '-'], ['check', '--fail-on', 'never'], ['migrate']];
    for (const args of usage) expect(runCli(args, cwd).status, args.join(' ')).toBe(2);
  });

  it('--dry-run writes nothing and prints the result on stdout, the report on stderr', () => {
    const cwd = project({ 'aws-exports.js': readFileSync(EXAMPLE, 'utf8') });
    const run = runCli(['convert', '--dry-run'], cwd);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ version: '1' });
    expect(run.stderr).toContain('Dry run, amplify_outputs.json not written');
    expect(readdirSync(cwd)).toEqual(['aws-exports.js']);
  });

  it('refuses to replace a different file without --force, replaces it with --force', () => {
    const cwd = project({ 'aws-exports.js': readFileSync(EXAMPLE, 'utf8'), 'amplify_outputs.json': '{"version":"1"}\n' });
    const refused = runCli(['convert', 'aws-exports.js'], cwd);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('--force');
    expect(readFileSync(path.join(cwd, 'amplify_outputs.json'), 'utf8')).toBe('{"version":"1"}\n');
    const forced = runCli(['convert', 'aws-exports.js', '--force'], cwd);
    expect(forced.status).toBe(0);
    expect(readFileSync(path.join(cwd, 'amplify_outputs.json'), 'utf8')).toContain('"user_pool_id"');
    // The same result again is not a conflict.
    expect(runCli(['convert', 'aws-exports.js'], cwd).status).toBe(0);
  });

  it('--out - prints the result; --report json prints the report on stdout', () => {
    const cwd = project({ 'aws-exports.js': readFileSync(EXAMPLE, 'utf8') });
    const toStdout = runCli(['convert', 'aws-exports.js', '--out', '-'], cwd);
    expect(toStdout.status).toBe(0);
    expect(toStdout.stdout).toBe(readFileSync(path.join(FIXTURES, 'convert/aws-exports/example-app/expected.amplify_outputs.json'), 'utf8'));
    const jsonReport = runCli(['convert', 'aws-exports.js', '--report', 'json', '--out', 'out/amplify_outputs.json'], cwd);
    expect(jsonReport.status).toBe(2); // the folder out/ does not exist
    mkdirSync(path.join(cwd, 'out'));
    const written = runCli(['convert', 'aws-exports.js', '--report', 'json', '--out', 'out/amplify_outputs.json'], cwd);
    expect(written.status).toBe(0);
    const report = JSON.parse(written.stdout) as { reportVersion: number; written: boolean; diagnostics: { code: string }[] };
    expect(report).toMatchObject({ reportVersion: 1, written: true, output: path.join('out', 'amplify_outputs.json') });
    expect(report.diagnostics.map((diagnostic) => diagnostic.code)).toContain('REST_API_IN_CUSTOM');
    // Both on stdout is refused.
    expect(runCli(['convert', 'aws-exports.js', '--report', 'json', '--out', '-'], cwd).status).toBe(2);
  });

  it('--report github and sarif print on stdout, the result going to a file', () => {
    const cwd = project({ 'aws-exports.js': readFileSync(EXAMPLE, 'utf8') });
    const github = runCli(['convert', 'aws-exports.js', '--report', 'github', '--force'], cwd);
    expect(github.status).toBe(0);
    expect(github.stdout).toMatch(/^::warning file=aws-exports\.js,line=6,col=5,title=REST_API_IN_CUSTOM%3A /m);
    const sarif = runCli(['convert', 'aws-exports.js', '--report', 'sarif', '--force'], cwd);
    expect(JSON.parse(sarif.stdout)).toMatchObject({ version: '2.1.0', runs: [{ tool: { driver: { name: 'amplify-outputs-migrate' } } }] });
    expect(runCli(['convert', 'aws-exports.js', '--report', 'junit', '--out', '-'], cwd).status).toBe(2);
  });

  it('--report-file writes the report to a file', () => {
    const cwd = project({ 'aws-exports.js': readFileSync(EXAMPLE, 'utf8') });
    const run = runCli(['convert', 'aws-exports.js', '--report', 'json', '--report-file', 'report.json'], cwd);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('');
    expect(JSON.parse(readFileSync(path.join(cwd, 'report.json'), 'utf8'))).toMatchObject({ input: 'aws-exports.js' });
  });

  it('colours the text report only when asked for, and honours NO_COLOR', () => {
    const cwd = project({ 'aws-exports.js': readFileSync(EXAMPLE, 'utf8') });
    const plain = runCli(['convert', '--dry-run'], cwd);
    expect(plain.stderr).not.toContain('\u001b[');
    const coloured = runCli(['convert', '--dry-run'], cwd, { NO_COLOR: '', FORCE_COLOR: '1' });
    expect(coloured.stderr).toContain('\u001b[');
    const refused = runCli(['convert', '--dry-run'], cwd, { NO_COLOR: '1', FORCE_COLOR: '1' });
    expect(refused.stderr).not.toContain('\u001b[');
  });

  it('refuses a folder as the output file', () => {
    const cwd = project({ 'aws-exports.js': readFileSync(EXAMPLE, 'utf8'), 'amplify_outputs.json/keep': '' });
    const run = runCli(['convert', 'aws-exports.js'], cwd);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('is a directory');
  });

  // Root writes through file permissions, so this can only be checked as another user.
  it.skipIf(process.getuid?.() === 0)('leaves a read-only folder untouched and says why', () => {
    const cwd = project({ 'aws-exports.js': readFileSync(EXAMPLE, 'utf8') });
    chmodSync(cwd, 0o555);
    try {
      const run = runCli(['convert', 'aws-exports.js'], cwd);
      expect(run.status).toBe(2);
      expect(run.stderr).toContain('Cannot write');
    } finally {
      chmodSync(cwd, 0o755);
    }
  });

  it('passes --from, --platform and --outputs-version to the conversion', () => {
    const cwd = project({
      'config.json': readFileSync(path.join(FIXTURES, 'convert/amplifyconfiguration-json/push-platform-ios/amplifyconfiguration.json'), 'utf8'),
    });
    const run = runCli(
      ['convert', 'config.json', '--from', 'amplifyconfiguration-json', '--platform', 'android', '--outputs-version', '1.3', '--out', '-'],
      cwd,
    );
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ version: '1.3', notifications: { channels: ['FCM'] } });
  });

  it('--api picks the GraphQL API of a mobile file, and the others are reported (exit 1)', () => {
    const cwd = project({
      'amplifyconfiguration.json': readFileSync(
        path.join(FIXTURES, 'convert/amplifyconfiguration-mobile/plugins-everything/amplifyconfiguration.json'),
        'utf8',
      ),
    });
    const run = runCli(['convert', 'amplifyconfiguration.json', '--api', 'reporting api', '--out', '-'], cwd);
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ data: { url: 'https://reportingapi00000000000000.appsync-api.us-west-2.amazonaws.com/graphql' } });
    expect(run.stderr).toContain('MULTIPLE_GRAPHQL_APIS');
  });

  it('reads a copied input the same way (byte-identical on re-runs)', () => {
    const cwd = project({});
    copyFileSync(EXAMPLE, path.join(cwd, 'aws-exports.js'));
    const first = runCli(['convert', '--out', '-'], cwd).stdout;
    const second = runCli(['convert', '--out', '-'], cwd).stdout;
    expect(first).toBe(second);
  });
});

describe('command line on a Gen1 project folder (amplify-meta.json)', () => {
  const META = readFileSync(path.join(FIXTURES, 'convert/amplify-meta/everything/amplify/backend/amplify-meta.json'), 'utf8');

  function gen1Project(extra: Record<string, string> = {}): string {
    return project({
      'amplify/backend/amplify-meta.json': META,
      'amplify/#current-cloud-backend/amplify-meta.json': META,
      'amplify/backend/auth/mainpool/cli-inputs.json': JSON.stringify({ cognitoConfig: { allowUnauthenticatedIdentities: false } }),
      'amplify/backend/auth/userPoolGroups/user-pool-group-precedence.json': JSON.stringify([
        { groupName: 'Admins', precedence: 0 },
        { groupName: 'Editors', precedence: 1 },
      ]),
      'amplify/team-provider-info.json': JSON.stringify({
        dev: { awscloudformation: { StackName: 'amplify-app-dev-1' } },
        prod: { awscloudformation: { StackName: 'amplify-app-prod-1' } },
      }),
      ...extra,
    });
  }

  it('reads the deployed amplify-meta.json and what the folder adds, and says so', () => {
    const cwd = gen1Project();
    const run = runCli(['convert', '.', '--out', '-'], cwd);
    expect(run.status).toBe(1); // two user pools, two GraphQL APIs, a Lex bot
    expect(run.stderr).toContain(
      `Using ${path.join('amplify', '#current-cloud-backend', 'amplify-meta.json')} (the app has no client file, the last deployed copy; also found amplify/backend/amplify-meta.json) for the app at . (nothing in the app names it)`,
    );
    expect(run.stderr).toContain('belongs to "dev"');
    const outputs = JSON.parse(run.stdout) as { version: string; auth: Record<string, unknown> };
    expect(outputs.version).toBe('1.3');
    expect(outputs.auth).toMatchObject({ unauthenticated_identities_enabled: false, groups: [{ Admins: { precedence: 0 } }, { Editors: { precedence: 1 } }] });
  });

  it('--select, --project and --model-introspection', () => {
    const cwd = gen1Project({ 'src/graphql/model-introspection.json': JSON.stringify({ version: 1, models: {}, enums: {}, nonModels: {} }) });
    const run = runCli(
      [
        'convert',
        '--project',
        '.',
        '--select',
        'auth=secondpool',
        '--select',
        'api=legacy',
        '--model-introspection',
        'src/graphql/model-introspection.json',
        '--out',
        '-',
      ],
      cwd,
    );
    const outputs = JSON.parse(run.stdout) as { auth: Record<string, unknown>; data: Record<string, unknown> };
    expect(outputs.auth['user_pool_id']).toBe('eu-central-1_MetaPool2');
    expect(outputs.data).toMatchObject({ default_authorization_type: 'API_KEY', model_introspection: { version: 1 } });
    expect(runCli(['convert', '--project', '.', '--select', 'auth'], cwd).status).toBe(2);
  });

  it('falls back to the project folder when there is no client file', () => {
    const cwd = gen1Project();
    const run = runCli(['convert', '--dry-run'], cwd);
    expect(run.stderr).toContain('amplify-meta.json');
    expect(JSON.parse(run.stdout)).toMatchObject({ version: '1.3' });
  });
});

describe('an internal fault', () => {
  const fault = (): Error => {
    const error = new InternalFault('the output fails its own schema', { at: '/auth' });
    error.stack = `InternalFault: the output fails its own schema\n    at mapTable (src/mapping/apply-table.ts:1:1)\n    at convert (src/convert.ts:2:2)`;
    return error;
  };

  it('is printed one way: the message, its details, and the stack only with --debug', () => {
    const plain = describeInternalFault(fault(), false);
    expect(plain).toBe(
      'Internal fault: the output fails its own schema\n{\n  "at": "/auth"\n}\nThis is a bug in amplify-outputs-migrate: please report it (run again with --debug for the stack trace).\n',
    );
    const debug = describeInternalFault(fault(), true);
    expect(debug).toContain('\n    at mapTable (src/mapping/apply-table.ts:1:1)\n    at convert (src/convert.ts:2:2)\n');
    expect(debug.startsWith('Internal fault: the output fails its own schema\n{\n  "at": "/auth"\n}\n')).toBe(true);
    expect(describeInternalFault('not an error', true)).toBe('Internal fault: not an error\nThis is a bug in amplify-outputs-migrate: please report it.\n');
  });

  it("met in one app of a batch is that app's exit code 3, printed the same way", () => {
    const settings = { cwd: '.', colorOnStderr: false };
    const throwing = (): number => {
      throw fault();
    };
    for (const debug of [false, true]) {
      const outcome = runBuffered(throwing, { debug }, { input: 'app' }, settings, new WriteBatch());
      expect(outcome.code).toBe(3);
      expect(outcome.writes).toEqual([[2, describeInternalFault(fault(), debug)]]);
    }
  });

  it('--debug is taken by both commands', () => {
    const cwd = project({ 'src/aws-exports.js': readFileSync(EXAMPLE, 'utf8') });
    expect(runCli(['convert', '--debug', '--dry-run'], cwd).status).toBe(0);
    expect(runCli(['convert', '--debug'], cwd).status).toBe(0);
    expect(runCli(['check', '--debug'], cwd).status).toBe(0);
  });
});
