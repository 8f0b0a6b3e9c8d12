import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { convert } from '../src/index.js';
import { snapshot } from './support/snapshot.js';
import { BIN, project, runCli } from './support/run-cli.js';

const FLAT = (bucket: string): string =>
  `{\n  "aws_project_region": "eu-west-1",\n  "aws_user_files_s3_bucket": "${bucket}",\n  "aws_user_files_s3_bucket_region": "eu-west-1"\n}\n`;
const OLD = '{\n  "version": "1",\n  "storage": { "aws_region": "eu-west-1", "bucket_name": "old" }\n}\n';

describe('writing', () => {
  it('a run killed in the middle leaves every output either as it was or as converted, never half-written', async () => {
    const apps = 200;
    const cwd = project({});
    for (let i = 0; i < apps; i++) {
      mkdirSync(path.join(cwd, `app-${i}`));
      writeFileSync(path.join(cwd, `app-${i}/amplifyconfiguration.json`), FLAT(`bucket-${i}`));
      writeFileSync(path.join(cwd, `app-${i}/amplify_outputs.json`), OLD);
    }
    const child = spawn(process.execPath, [BIN, 'convert', 'app-*/amplifyconfiguration.json', '--force', '--quiet'], { cwd, stdio: 'ignore' });
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    // Kill it as soon as the first output has been replaced.
    const first = path.join(cwd, 'app-0/amplify_outputs.json');
    for (let waited = 0; readFileSync(first, 'utf8') === OLD && waited < 60_000; waited += 2) await new Promise((resolve) => setTimeout(resolve, 2));
    child.kill('SIGKILL');
    await exited;

    const states = { old: 0, converted: 0 };
    const problems: string[] = [];
    for (let i = 0; i < apps; i++) {
      const text = readFileSync(path.join(cwd, `app-${i}/amplify_outputs.json`), 'utf8');
      if (text === OLD) states.old++;
      else if (text === convert(FLAT(`bucket-${i}`)).text) states.converted++;
      else problems.push(`app-${i}: ${JSON.stringify(text.slice(0, 80))}`);
      // Besides the two files, at most the hidden temporary file of the write that was cut short.
      const others = readdirSync(path.join(cwd, `app-${i}`)).filter((name) => name !== 'amplifyconfiguration.json' && name !== 'amplify_outputs.json');
      if (others.some((name) => !/^\.amplify_outputs\.json\.\d+\.[0-9a-f]+\.tmp$/.test(name))) problems.push(`app-${i}: ${others.join(', ')}`);
    }
    expect(problems).toEqual([]);
    // The kill landed in the middle of the run: some outputs were replaced and some not yet.
    expect(states.converted).toBeGreaterThan(0);
    expect(states.old).toBeGreaterThan(0);
  }, 120_000);

  it('writes the output named and nothing else, and leaves no temporary file', () => {
    const cwd = project({
      'src/aws-exports.js':
        'export default { aws_project_region: "eu-west-1", aws_user_files_s3_bucket: "b", aws_user_files_s3_bucket_region: "eu-west-1" };\n',
      'package.json': '{}',
    });
    const before = snapshot(cwd);
    const run = runCli(['convert', 'src/aws-exports.js', '--out', 'config/outputs.json'], cwd);
    expect(run.stderr).toContain('the folder config does not exist');
    mkdirSync(path.join(cwd, 'config'));
    expect(runCli(['convert', 'src/aws-exports.js', '--out', 'config/outputs.json'], cwd).status).toBe(0);
    const after = snapshot(cwd);
    const changed = Object.keys(after).filter((file) => after[file] !== before[file]);
    expect(changed).toEqual([path.join('config', 'outputs.json')]);
    expect(Object.keys(before).filter((file) => !(file in after))).toEqual([]);
  });

  it('a second run over the same input leaves the file untouched (same bytes, same modification time)', async () => {
    const cwd = project({ 'amplifyconfiguration.json': FLAT('b') });
    expect(runCli(['convert', 'amplifyconfiguration.json'], cwd).status).toBe(0);
    const file = path.join(cwd, 'amplify_outputs.json');
    const { mtimeMs } = statSync(file);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(runCli(['convert', 'amplifyconfiguration.json'], cwd).status).toBe(0);
    expect(statSync(file).mtimeMs).toBe(mtimeMs);
    expect(existsSync(file)).toBe(true);
  });

  for (const commit of ['commit', 'commitInBackground'] as const) {
    it(`a batch of writes replaces each target only after all are flushed, and reports the one that fails by its owner (${commit})`, async () => {
      const { WriteBatch } = await import('../src/cli/output/write-file-atomic.js');
      const cwd = project({ 'a/amplify_outputs.json': OLD, 'b/keep.txt': '', 'c/amplify_outputs.json': OLD });
      const batch = new WriteBatch();
      ['a', 'b', 'c'].forEach((name, owner) => {
        batch.owner = owner;
        batch.write(path.join(cwd, name, 'amplify_outputs.json'), `new ${name}\n`, `${name}/amplify_outputs.json`);
      });
      // Nothing is replaced before the commit; only the temporary files exist.
      expect(readFileSync(path.join(cwd, 'a/amplify_outputs.json'), 'utf8')).toBe(OLD);
      expect(batch.waiting(path.join(cwd, 'b/amplify_outputs.json'))).toBe(true);
      // The folder of the second write goes away before the commit: its rename fails.
      rmSync(path.join(cwd, 'b'), { recursive: true });
      await batch[commit]();
      expect(batch.failures.map((failure) => [failure.owner, failure.display, (failure.error as { code?: string }).code])).toEqual([
        [1, 'b/amplify_outputs.json', 'ENOENT'],
      ]);
      expect(readFileSync(path.join(cwd, 'a/amplify_outputs.json'), 'utf8')).toBe('new a\n');
      expect(readFileSync(path.join(cwd, 'c/amplify_outputs.json'), 'utf8')).toBe('new c\n');
      expect(batch.waiting(path.join(cwd, 'a/amplify_outputs.json'))).toBe(false);
      for (const name of ['a', 'c']) expect(readdirSync(path.join(cwd, name))).toEqual(['amplify_outputs.json']);
    });
  }
});
