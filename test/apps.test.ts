import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readProject } from '../src/project/read-project.js';
import { convert } from '../src/index.js';
import { runCli, temporaryDirectory, type CliRun } from './support/run-cli.js';

/**
 * Whole apps (fixtures/apps/<case>/repo: a repository as a team has it, with its platform's files, its Gen1 client
 * files and its amplify/ folder). Each is converted and checked by every command and mode, which must agree: the
 * same file, at the place its platform loads it, with the same findings.
 */
const APPS = path.resolve(import.meta.dirname, '../fixtures/apps');
const UPDATE = process.env['UPDATE_FIXTURES'] === '1';

interface Expected {
  platform: string;
  /** False where the conversion carries nothing, so no file is written. */
  written?: boolean;
  /** The Gen1 file read, relative to the repository. */
  source: string;
  /** Where the output goes, relative to the repository. */
  output: string;
}

/** A fresh copy of a case's repository, in a temporary folder. */
function copyOf(name: string): string {
  const root = temporaryDirectory();
  cpSync(path.join(APPS, name, 'repo'), root, { recursive: true });
  return root;
}

function filesBelow(root: string, directory = root): string[] {
  return readdirSync(directory, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? filesBelow(root, path.join(directory, entry.name)) : [path.relative(root, path.join(directory, entry.name))]))
    .sort();
}

/** The finding codes of a run's text report, in order. */
function codes(run: CliRun): string[] {
  return [...run.stderr.matchAll(/^ {2}(?:error|warning|info) +\S+ ([A-Z_]+) /gm)].map((match) => match[1]!);
}

const CASES = readdirSync(APPS).sort();

describe('whole apps: convert, convert --recursive, check and check --recursive agree', () => {
  for (const name of CASES) {
    it(name, () => {
      const expected = JSON.parse(readFileSync(path.join(APPS, name, 'expected.json'), 'utf8')) as Expected;
      const expectedFile = path.join(APPS, name, `expected.${path.basename(expected.output)}`);

      // convert, in the repository's root, with nothing named.
      const root = copyOf(name);
      const before = filesBelow(root);
      const converted = runCli(['convert'], root, { CI: 'true' });
      expect(converted.status, converted.stderr).toBeLessThan(2);
      expect(converted.stderr).toContain(`Using ${expected.source} (`);
      expect(converted.stderr).toContain(` the ${expected.platform} app at `);
      // The output is where the platform loads it, and nothing else is written.
      if (expected.written === false) {
        expect(converted.status).toBe(1);
        expect(filesBelow(root)).toEqual(before);
        expect(converted.stderr).toContain(`Did not write ${expected.output}`);
        expect(runCli(['check'], root, { CI: 'true' }).status).toBe(1);
        expect(runCli(['convert', '--recursive'], root, { CI: 'true' }).status).toBe(1);
        expect(filesBelow(root)).toEqual(before);
        return;
      }
      expect(filesBelow(root), converted.stderr).toEqual([...before, expected.output].sort());
      const written = readFileSync(path.join(root, expected.output), 'utf8');
      if (UPDATE) writeFileSync(expectedFile, written);
      expect(written).toBe(readFileSync(expectedFile, 'utf8'));
      // A second run changes nothing, and says so.
      const second = runCli(['convert'], root, { CI: 'true' });
      expect(second.stderr).toContain(`${expected.output} is up to date`);
      expect(readFileSync(path.join(root, expected.output), 'utf8')).toBe(written);

      // check agrees with what convert wrote: no drift; it fails only where convert found errors.
      const checked = runCli(['check'], root, { CI: 'true' });
      expect(checked.stderr).not.toContain('OUTPUTS_DRIFT');
      expect(checked.status, checked.stderr).toBe(converted.status);
      expect(checked.stderr).toContain(`Checked ${expected.output}`);
      // The same findings: both compare the app's other Gen1 files.
      expect(codes(checked)).toEqual(codes(converted));

      // convert --recursive and check --recursive, from the root: the same file, the same answer.
      const again = copyOf(name);
      const recursive = runCli(['convert', '--recursive'], again, { CI: 'true' });
      expect(recursive.status, recursive.stderr).toBe(converted.status);
      expect(filesBelow(again)).toEqual([...before, expected.output].sort());
      expect(readFileSync(path.join(again, expected.output), 'utf8')).toBe(written);
      expect(codes(recursive)).toEqual(codes(converted));
      const recursiveCheck = runCli(['check', '--recursive'], again, { CI: 'true' });
      expect(recursiveCheck.status, recursiveCheck.stderr).toBe(checked.status);
      expect(recursiveCheck.stderr).toContain('1 app: ');

      // The Gen1 file named: the same app, the same file.
      const named = copyOf(name);
      const namedRun = runCli(path.basename(expected.source) === 'amplify-meta.json' ? ['convert', '--project', '.'] : ['convert', expected.source], named, {
        CI: 'true',
      });
      expect(namedRun.status, namedRun.stderr).toBe(converted.status);
      expect(readFileSync(path.join(named, expected.output), 'utf8')).toBe(written);

      // The library, given the same file and project folder, gives the same document.
      const repo = path.join(APPS, name, 'repo');
      const projectFiles = existsSync(path.join(repo, 'amplify')) ? readProject(repo).projectFiles : undefined;
      const library = convert(readFileSync(path.join(repo, expected.source), 'utf8'), {
        fileName: expected.source,
        platform: expected.platform as 'web',
        projectFiles,
      });
      if (expected.output.endsWith('.json')) expect(library.text).toBe(written);
      else expect(written).toContain(library.text.trim());
    });
  }

  it('gives the same file from inside the app, from a sibling folder and from the root, with no repository around it', () => {
    const root = copyOf('web-monorepo');
    const fromInside = runCli(['convert', '--out', '-'], path.join(root, 'apps/web'), { CI: 'true' });
    const fromRoot = runCli(['convert', 'apps/web', '--out', '-'], root, { CI: 'true' });
    mkdirSync(path.join(root, 'apps/docs'));
    const fromSibling = runCli(['convert', '../web', '--out', '-'], path.join(root, 'apps/docs'), { CI: 'true' });
    expect(fromInside.stdout).toBe(readFileSync(path.join(APPS, 'web-monorepo/expected.amplify_outputs.json'), 'utf8'));
    expect(fromRoot.stdout).toBe(fromInside.stdout);
    expect(fromSibling.stdout).toBe(fromInside.stdout);
  });

  it("an app below a project that is another app's says that project was not read, and how to read it", () => {
    const root = copyOf('web-monorepo');
    cpSync(path.join(root, 'apps/web'), path.join(root, 'apps/admin'), { recursive: true });
    const admin = runCli(['convert', 'apps/admin', '--dry-run'], root, { CI: 'true' });
    expect(admin.stderr).toContain('PROJECT_NOT_READ');
    expect(admin.stderr).toContain('convert with --project . to add what only it says');
    expect(runCli(['convert', 'apps/web', '--dry-run'], root, { CI: 'true' }).stderr).not.toContain('PROJECT_NOT_READ');
  });

  it('--recursive does not follow a link to a folder, which may lead outside the repository', () => {
    const root = temporaryDirectory();
    const outside = copyOf('web-subproject');
    symlinkSync(outside, path.join(root, 'linked'));
    cpSync(path.join(APPS, 'ios/repo'), path.join(root, 'ios'), { recursive: true });
    const run = runCli(['convert', '--recursive'], root, { CI: 'true' });
    expect(run.stderr).toContain('1 app: ');
    expect(existsSync(path.join(outside, 'app/amplify_outputs.json'))).toBe(false);
  });

  it("a web project at a monorepo's root, converted without its client file, writes into the app its settings name", () => {
    const root = copyOf('web-monorepo');
    rmSync(path.join(root, 'apps/web/src/aws-exports.js'));
    for (const args of [
      ['convert', 'amplify'],
      ['convert', '--project', '.', '--force'],
      ['convert', '--recursive', '--force'],
    ]) {
      const run = runCli(args, root, { CI: 'true' });
      expect(run.status, `${args.join(' ')}: ${run.stderr}`).toBe(0);
      expect(run.stderr, args.join(' ')).toContain('for the web app at apps/web (package.json); its file: apps/web/amplify_outputs.json');
      expect(existsSync(path.join(root, 'amplify_outputs.json')), args.join(' ')).toBe(false);
    }
  });

  it('a client file named with --project is read, and that project adds to it', () => {
    const root = copyOf('web-subproject');
    cpSync(path.join(APPS, 'web-react/repo/amplify'), path.join(root, 'shared/amplify'), { recursive: true });
    const run = runCli(['convert', 'app/aws-exports.js', '--project', 'shared', '--out', '-'], root, { CI: 'true' });
    expect(run.stderr).toContain(
      'Using app/aws-exports.js (the file named, with the project named with --project) with shared/amplify/#current-cloud-backend/amplify-meta.json',
    );
    expect(JSON.parse(run.stdout)).toMatchObject({ auth: { unauthenticated_identities_enabled: false, groups: expect.any(Array) } });
  });

  it("an Android project's modules, each with its raw resources, are apps of their own", () => {
    const root = copyOf('android');
    cpSync(path.join(root, 'app'), path.join(root, 'wear'), { recursive: true });
    const run = runCli(['convert', '--recursive'], root, { CI: 'true' });
    expect(run.stderr).toContain('2 apps: ');
    expect(run.stderr).toContain('== wear/src/main/res/raw/amplifyconfiguration.json');
    for (const module of ['app', 'wear']) expect(existsSync(path.join(root, module, 'src/main/res/raw/amplify_outputs.json')), module).toBe(true);
  });

  it('an Android module folder named on the command line is its app', () => {
    const root = copyOf('android');
    const run = runCli(['convert', 'app'], root, { CI: 'true' });
    expect(run.status, run.stderr).toBeLessThan(2);
    expect(readFileSync(path.join(root, 'app/src/main/res/raw/amplify_outputs.json'), 'utf8')).toBe(
      readFileSync(path.join(APPS, 'android/expected.amplify_outputs.json'), 'utf8'),
    );
  });

  it('a repository with several apps asks which, and --recursive takes them all', () => {
    const root = temporaryDirectory();
    for (const name of ['web-react', 'ios']) cpSync(path.join(APPS, name, 'repo'), path.join(root, name), { recursive: true });
    const run = runCli(['convert'], root, { CI: 'true' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('holds 2 apps with Gen1 configuration: ios, web-react.');
    expect(run.stderr).toContain('--recursive');
    const all = runCli(['convert', '--recursive'], root, { CI: 'true' });
    expect(all.status, all.stderr).toBeLessThan(2);
    expect(existsSync(path.join(root, 'web-react/amplify_outputs.json'))).toBe(true);
    expect(existsSync(path.join(root, 'ios/amplify_outputs.json'))).toBe(true);
  });

  it('reads the project folder of an amplify-meta.json named directly, as with --project', () => {
    const root = copyOf('web-react');
    const named = runCli(['convert', 'amplify/backend/amplify-meta.json', '--out', '-'], root, { CI: 'true' });
    const project = runCli(['convert', '--project', '.', '--out', '-'], root, { CI: 'true' });
    expect(JSON.parse(named.stdout)).toMatchObject({ auth: { unauthenticated_identities_enabled: false } });
    expect(JSON.parse(project.stdout)).toMatchObject({ auth: { unauthenticated_identities_enabled: false } });
    expect(named.stderr).not.toContain('GUEST_ACCESS_ASSUMED');
  });

  it("an iOS app is told the exact step when amplify_outputs.json is not in the Gen1 file's Xcode target", () => {
    const root = copyOf('ios');
    const run = runCli(['convert'], root, { CI: 'true' });
    expect(run.stderr).toContain('NOT_IN_XCODE_TARGET');
    expect(run.stderr).toContain('In Xcode, select amplify_outputs.json, File Inspector, Target Membership: tick Notes.');
    // Printed rather than written, there is no file to add: nothing is said.
    expect(runCli(['convert', '--out', '-'], root, { CI: 'true' }).stderr).not.toContain('NOT_IN_XCODE_TARGET');
    // Once the project holds it in that target, nothing is said.
    cpSync(path.join(APPS, '../xcode/both.pbxproj'), path.join(root, 'Notes.xcodeproj/project.pbxproj'));
    const checked = runCli(['check'], root, { CI: 'true' });
    expect(checked.status, checked.stderr).toBe(0);
    expect(checked.stderr).not.toContain('NOT_IN_XCODE_TARGET');
  });

  it("check in a checkout without the project's amplify-meta.json (as the Gen1 CLI's .gitignore leaves it) passes a file converted with it, and still finds drift", () => {
    const root = copyOf('web-react');
    expect(runCli(['convert'], root, { CI: 'true' }).status).toBe(0);
    rmSync(path.join(root, 'amplify/#current-cloud-backend'), { recursive: true });
    rmSync(path.join(root, 'amplify/backend/amplify-meta.json'));
    const run = runCli(['check'], root, { CI: 'true' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).not.toContain('OUTPUTS_DRIFT');
    expect(run.stderr).toContain('PROJECT_FIELDS_UNCHECKED');
    expect(run.stderr).toMatch(/\/auth\/groups, .*\/auth\/unauthenticated_identities_enabled.* come from the app's Gen1 project folder/s);
    // What the client file does say is still checked.
    const source = path.join(root, 'src/aws-exports.js');
    writeFileSync(source, readFileSync(source, 'utf8').replace('shop-media-dev', 'shop-media-prod'));
    const drift = runCli(['check'], root, { CI: 'true' });
    expect(drift.status).toBe(1);
    expect(drift.stderr).toContain('/storage/bucket_name is "shop-media-dev" in the committed file; the Gen1 source gives "shop-media-prod"');
  });

  it('check names a file left where the platform never loads it', () => {
    const root = copyOf('android');
    writeFileSync(path.join(root, 'amplify_outputs.json'), readFileSync(path.join(APPS, 'android/expected.amplify_outputs.json'), 'utf8'));
    const run = runCli(['check'], root, { CI: 'true' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      'app/src/main/res/raw/amplify_outputs.json does not exist. amplify_outputs.json does, but the app never loads it: Amplify Android loads the raw resource R.raw.amplify_outputs',
    );
  });

  it('--platform overrides what the app says, and the report names it', () => {
    const root = copyOf('web-subproject');
    const run = runCli(['convert', '--platform', 'ios', '--dry-run'], root, { CI: 'true' });
    expect(run.stderr).toContain('for the ios app at app (--platform)');
    // check's advice repeats the option that chose the platform.
    const missing = runCli(['check', '--platform', 'flutter'], root, { CI: 'true' });
    expect(missing.stderr).toContain('convert app/aws-exports.js --platform flutter --out app/lib/amplify_outputs.dart');
    const json = runCli(['check', '--report', 'json'], copyOf('flutter'), { CI: 'true' });
    expect(JSON.parse(json.stdout)).toMatchObject({ app: '.', platform: 'flutter', input: 'lib/amplifyconfiguration.dart' });
  });
});
