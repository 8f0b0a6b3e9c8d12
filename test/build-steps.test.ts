import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportBuildSteps } from '../src/migrate/build-steps.js';

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/migrate-project/build-steps');

function readTree(root: string, folder = ''): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(path.join(root, folder), { withFileTypes: true })) {
    const relative = folder === '' ? entry.name : `${folder}/${entry.name}`;
    if (entry.isDirectory()) Object.assign(files, readTree(root, relative));
    else files[relative] = readFileSync(path.join(root, relative), 'utf8');
  }
  return files;
}

const context = { gen1Path: 'src/aws-exports.js', outputsPath: 'amplify_outputs.json' };

describe('reportBuildSteps', () => {
  const files = readTree(FIXTURE);
  const diagnostics = reportBuildSteps(files, context);

  it('a warning at each step that writes, copies, decodes or edits a Gen1 file, or runs the Gen1 CLI; nothing else', () => {
    expect(diagnostics.map((diagnostic) => `${diagnostic.source.file}:${diagnostic.source.line}:${diagnostic.source.column}`)).toEqual([
      '.github/workflows/deploy.yml:10:69',
      '.github/workflows/deploy.yml:12:44',
      '.gitlab-ci.yml:3:48',
      '.gitlab-ci.yml:4:38',
      'Dockerfile:7:39',
      'amplify.yml:6:11',
      'buildspec.yml:5:72',
      'package.json:4:50',
      'package.json:6:21',
      'scripts/write-config.sh:4:39',
    ]);
    for (const diagnostic of diagnostics) {
      expect(diagnostic.code).toBe('BUILD_STEP_WRITES_GEN1');
      expect(diagnostic.severity).toBe('warning');
      expect(diagnostic.source.pointer).toBe('');
    }
  });

  it('the line and column point at the path written (or the Gen1 command)', () => {
    for (const diagnostic of diagnostics) {
      const line = files[diagnostic.source.file!]!.split('\n')[diagnostic.source.line! - 1]!;
      expect(line.slice(diagnostic.source.column! - 1), diagnostic.message).toMatch(
        /^(\.\/)?src\/(aws-exports\.js|amplifyconfiguration\.json)|^amplify(Push| pull)/,
      );
    }
  });

  it('says what to write instead, in the step’s own terms', () => {
    const decode = diagnostics.find((diagnostic) => diagnostic.source.file === 'Dockerfile')!;
    expect(decode.message).toBe(
      'A step of Dockerfile redirects output into src/aws-exports.js, a Gen1 configuration file. The migrated app loads amplify_outputs.json instead, so this step no longer feeds it.',
    );
    expect(decode.resolution).toContain('Make this step write amplify_outputs.json instead of src/aws-exports.js');
    const script = diagnostics.find((diagnostic) => diagnostic.source.file === 'package.json')!;
    expect(script.message).toContain('The script "prebuild" of package.json redirects output into src/aws-exports.js');
    const cli = diagnostics.find((diagnostic) => diagnostic.source.file === 'amplify.yml')!;
    expect(cli.message).toContain('runs `amplifyPush`');
    expect(cli.resolution).toContain('npx amplify-outputs-migrate convert src/aws-exports.js --out amplify_outputs.json --force');
  });

  it('a step in a repository above the app keeps its path to the app', () => {
    const [found] = reportBuildSteps({ Dockerfile: 'RUN echo "$C" > apps/web/src/aws-exports.js\n' }, context);
    expect(found!.resolution).toContain('write apps/web/amplify_outputs.json instead of apps/web/src/aws-exports.js');
  });

  it('the app’s own Gen1 file is known by its name, whatever it is', () => {
    const found = reportBuildSteps({ 'build.sh': 'cp /secrets/config.js src/config.js\n' }, { gen1Path: 'src/config.js', outputsPath: 'amplify_outputs.json' });
    expect(found).toHaveLength(1);
  });

  it('Windows steps: PowerShell and cmd', () => {
    const found = reportBuildSteps(
      {
        'scripts/config.ps1':
          '[IO.File]::ReadAllText("x") | Out-File -Encoding utf8 src\\aws-exports.js\nSet-Content -Path src/aws-exports.js -Value $env:AWS_EXPORTS\n',
        'build.cmd': 'copy config\\prod.js src\\aws-exports.js\n',
      },
      context,
    );
    expect(found.map((diagnostic) => `${diagnostic.source.file}:${diagnostic.source.line}`)).toEqual([
      'build.cmd:1',
      'scripts/config.ps1:1',
      'scripts/config.ps1:2',
    ]);
  });

  it('files in node_modules, and files that are not build files, are not read', () => {
    expect(reportBuildSteps({ 'node_modules/x/build.sh': 'echo > src/aws-exports.js', 'docs/setup.md': 'echo > src/aws-exports.js' }, context)).toEqual([]);
  });
});
