import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { planMigration } from '../src/migrate/index.js';
import { runCli, temporaryDirectory } from './support/run-cli.js';

/**
 * Whole apps migrated (fixtures/migrate-apps/<case>/repo: a repository as a team has it, committed in git). The
 * files `migrate` creates or changes must be exactly those of <case>/expected/ (same paths, same bytes); the
 * findings (code, file, line and column) those of <case>/expected.json. A second run changes nothing, a dry run's
 * diff applies to the same result, and the library plans the same edits.
 */
const APPS = path.resolve(import.meta.dirname, '../fixtures/migrate-apps');
const UPDATE = process.env['UPDATE_FIXTURES'] === '1';
const GIT_ENV = {
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.com',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
};

interface Expected {
  exitCode: number;
  /** The findings, as "CODE file:line:column" (file relative to the repository). */
  findings: string[];
}

function git(root: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: root, encoding: 'utf8', env: { ...process.env, ...GIT_ENV } });
}

/** A fresh copy of a case's repository, committed in a git repository of its own. */
function committedCopy(name: string): string {
  const root = temporaryDirectory();
  cpSync(path.join(APPS, name, 'repo'), root, { recursive: true });
  git(root, 'init', '-q', '-b', 'main');
  git(root, 'add', '-A', '-f');
  git(root, 'commit', '-q', '-m', 'Gen1 app');
  return root;
}

/** The files created or changed since the commit, with their text. */
function changedFiles(root: string): Record<string, string> {
  const listed = git(root, 'status', '--porcelain=v1', '-z', '--untracked-files=all', '--ignored=matching')
    .split('\0')
    .filter((entry) => entry.length > 3)
    .map((entry) => entry.slice(3));
  return Object.fromEntries(listed.sort().map((file) => [file, readFileSync(path.join(root, file), 'utf8')]));
}

function filesBelow(root: string, directory = root): string[] {
  if (!existsSync(directory)) return [];
  return readdirSync(directory, { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory()
        ? entry.name === '.git'
          ? []
          : filesBelow(root, path.join(directory, entry.name))
        : [path.relative(root, path.join(directory, entry.name)).split(path.sep).join('/')],
    )
    .sort();
}

function readTree(root: string): Record<string, string> {
  return Object.fromEntries(filesBelow(root).map((file) => [file, readFileSync(path.join(root, file), 'utf8')]));
}

interface JsonReport {
  diagnostics: { code: string; source: { file?: string; line?: number; column?: number } }[];
  changes?: { file: string; change: string }[];
}

function findingsOf(report: JsonReport): string[] {
  return report.diagnostics.map(
    ({ code, source }) => `${code} ${source.file ?? ''}${source.line !== undefined ? `:${source.line}:${source.column ?? 1}` : ''}`,
  );
}

const CASES = readdirSync(APPS).sort();

describe('migrate, on whole apps', () => {
  for (const name of CASES) {
    it(name, async () => {
      const root = committedCopy(name);
      const run = runCli(['migrate', '--report', 'json'], root);
      expect(run.status === 0 || run.status === 1, run.stderr).toBe(true);
      const report = JSON.parse(run.stdout) as JsonReport;
      const changed = changedFiles(root);
      const expectedFolder = path.join(APPS, name, 'expected');
      const expectedFile = path.join(APPS, name, 'expected.json');
      const actual: Expected = { exitCode: run.status!, findings: findingsOf(report) };
      if (UPDATE) {
        rmSync(expectedFolder, { recursive: true, force: true });
        for (const [file, text] of Object.entries(changed)) {
          mkdirSync(path.dirname(path.join(expectedFolder, file)), { recursive: true });
          writeFileSync(path.join(expectedFolder, file), text);
        }
        writeFileSync(expectedFile, `${JSON.stringify(actual, null, 2)}\n`);
      }
      expect(changed).toEqual(readTree(expectedFolder));
      expect(actual).toEqual(JSON.parse(readFileSync(expectedFile, 'utf8')));
      expect(report.changes?.map((change) => change.file).sort()).toEqual(Object.keys(changed).sort());

      // A second run changes nothing and says so.
      const again = runCli(['migrate', '--report', 'json'], root);
      expect(again.status, again.stderr).toBe(run.status);
      expect((JSON.parse(again.stdout) as JsonReport).changes).toEqual([]);
      expect(changedFiles(root)).toEqual(changed);

      // A dry run writes nothing, and its diff gives the same files.
      const dry = committedCopy(name);
      const diff = runCli(['migrate', '--dry-run'], dry);
      expect(diff.status).toBe(run.status);
      expect(changedFiles(dry)).toEqual({});
      if (diff.stdout !== '') {
        const applied = spawnSync('git', ['apply', '--whitespace=nowarn', '-'], { cwd: dry, input: diff.stdout, encoding: 'utf8' });
        expect(applied.status, applied.stderr).toBe(0);
      }
      expect(changedFiles(dry)).toEqual(changed);

      // The library, given the repository's files, plans the same edits.
      const plan = await planMigration(readTree(path.join(APPS, name, 'repo')));
      expect(Object.fromEntries(plan.edits.map((edit) => [edit.path, edit.after]))).toEqual(changed);
    });
  }
});

describe('migrate refuses to change what a person has not committed', () => {
  it('exits 2 and changes nothing when a file it would change has uncommitted changes; --force changes it', () => {
    const root = committedCopy('web-react-ts');
    const main = path.join(root, 'src/main.tsx');
    writeFileSync(main, `${readFileSync(main, 'utf8')}// work in progress\n`);
    const refused = runCli(['migrate'], root);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('uncommitted changes');
    expect(refused.stderr).toContain('src/main.tsx');
    expect(Object.keys(changedFiles(root))).toEqual(['src/main.tsx']);
    const forced = runCli(['migrate', '--force'], root);
    expect(forced.status, forced.stderr).toBe(0);
    expect(readFileSync(main, 'utf8')).toContain('amplify_outputs.json');
  });
});

describe('migrate and an amplify_outputs file that is already there', () => {
  it('refuses to replace one with other content (exit 2, nothing changed) unless --force', () => {
    const root = committedCopy('web-react-ts');
    writeFileSync(path.join(root, 'amplify_outputs.json'), '{ "version": "1.3" }\n');
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'an older outputs file');
    const refused = runCli(['migrate'], root);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('amplify_outputs.json already exists');
    expect(changedFiles(root)).toEqual({});
    const forced = runCli(['migrate', '--force'], root);
    expect(forced.status, forced.stderr).toBe(0);
    expect(readFileSync(path.join(root, 'amplify_outputs.json'), 'utf8')).toContain('"user_pool_id"');
  });

  it('works outside a git repository (there is nothing to compare with)', () => {
    const root = temporaryDirectory();
    cpSync(path.join(APPS, 'web-react-ts', 'repo'), root, { recursive: true });
    const run = runCli(['migrate'], root);
    expect(run.status, run.stderr).toBe(0);
    expect(existsSync(path.join(root, 'amplify_outputs.json'))).toBe(true);
  });
});

describe('a TypeScript app after migrate', () => {
  const tsc = (root: string) =>
    spawnSync(process.execPath, [path.resolve(import.meta.dirname, '../node_modules/typescript/bin/tsc'), '-p', path.join(root, 'tsconfig.json')], {
      encoding: 'utf8',
    });

  it('type-checks with tsc --noEmit, as it did before, and would not without the tsconfig edit', () => {
    const root = committedCopy('web-react-ts');
    const before = tsc(root);
    expect(before.status, before.stdout).toBe(0);
    const original = readFileSync(path.join(root, 'tsconfig.json'), 'utf8');
    expect(runCli(['migrate'], root).status).toBe(0);
    const after = tsc(root);
    expect(after.status, after.stdout).toBe(0);
    expect(readFileSync(path.join(root, 'src/main.tsx'), 'utf8')).toContain("from '../amplify_outputs.json'");
    writeFileSync(path.join(root, 'tsconfig.json'), original);
    const unedited = tsc(root);
    expect(unedited.status).not.toBe(0);
    expect(unedited.stdout).toContain('resolveJsonModule');
  });
});
