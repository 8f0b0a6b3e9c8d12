import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { project } from './support/run-cli.js';

const ROOT = path.resolve(import.meta.dirname, '..');
/** The transform as the package ships it (npm test builds it first). */
const TRANSFORM = path.join(ROOT, 'dist/codemod/transform.cjs');
const JSCODESHIFT = createRequire(import.meta.url).resolve('jscodeshift/bin/jscodeshift.js');

const APP_CONFIG = "const awsmobile = { aws_project_region: 'eu-west-1' };\nexport default awsmobile;\n";

/** A small web app: a Gen1 file at src/, a tsconfig with an alias, and modules that load it, or not. */
function smallApp(): string {
  return project({
    'package.json': '{ "name": "app", "private": true }\n',
    'tsconfig.json': '{\n  // comments are allowed here\n  "compilerOptions": { "baseUrl": ".", "paths": { "@/*": ["./src/*"] } }\n}\n',
    'src/aws-exports.js': APP_CONFIG,
    'src/main.ts': "import { Amplify } from 'aws-amplify';\nimport config from './aws-exports';\n\nAmplify.configure(config);\n",
    'src/app/layout.tsx': 'import outputs from "@/aws-exports";\n\nexport const config = outputs;\n',
    'src/legacy.js': "const awsconfig = require('./aws-exports').default;\nmodule.exports = awsconfig;\n",
    'src/App.vue': '<template><p>hi</p></template>\n<script setup lang="ts">\nimport awsconfig from "./aws-exports";\n</script>\n',
    'src/unrelated.ts': 'export const answer: number = 42; // not aws related\n',
    'src/broken-unrelated.js': 'const = ;\n',
    'src/named.js': "import { aws_project_region } from './aws-exports';\nexport default aws_project_region;\n",
  });
}

/** Runs jscodeshift's command line as a user would (its default --babel, worker processes), from the package's folder. */
function jscodeshift(app: string, ...extra: string[]) {
  const run = spawnSync(process.execPath, [JSCODESHIFT, '-t', TRANSFORM, '--extensions=js,jsx,ts,tsx,vue', ...extra, path.join(app, 'src')], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  expect(run.status, run.stderr + run.stdout).toBe(0);
  return run.stdout;
}

describe('the jscodeshift transform (dist/codemod/transform.cjs)', () => {
  it('retargets the loads of a small app, run through jscodeshift itself, and a second run changes nothing', () => {
    const app = smallApp();
    const read = (file: string) => readFileSync(path.join(app, file), 'utf8');
    const first = jscodeshift(app);
    expect(first).toMatch(/\b4 ok\b/);
    expect(first).toMatch(/\b0 errors\b/);
    expect(read('src/main.ts')).toBe("import { Amplify } from 'aws-amplify';\nimport config from '../amplify_outputs.json';\n\nAmplify.configure(config);\n");
    expect(read('src/app/layout.tsx')).toBe('import outputs from "@/../amplify_outputs.json";\n\nexport const config = outputs;\n');
    expect(read('src/legacy.js')).toBe("const awsconfig = require('../amplify_outputs.json');\nmodule.exports = awsconfig;\n");
    expect(read('src/App.vue')).toBe('<template><p>hi</p></template>\n<script setup lang="ts">\nimport awsconfig from "../amplify_outputs.json";\n</script>\n');
    // Left alone: the Gen1 file, a module that never names it (not even parsed), and a named import (reported).
    expect(read('src/aws-exports.js')).toBe(APP_CONFIG);
    expect(read('src/unrelated.ts')).toBe('export const answer: number = 42; // not aws related\n');
    expect(read('src/named.js')).toBe("import { aws_project_region } from './aws-exports';\nexport default aws_project_region;\n");
    expect(first).toMatch(/named\.js 1:36 warning CONFIG_IMPORT_UNSUPPORTED/);

    const second = jscodeshift(app, '--no-babel', '--run-in-band');
    expect(second).toMatch(/\b0 ok\b/);
    expect(second).toMatch(/\b0 errors\b/);
  });

  it('takes the Gen1 file and the outputs from its options', () => {
    const app = project({
      'package.json': '{}\n',
      'config/amplifyconfiguration.json': '{ "aws_project_region": "eu-west-1" }\n',
      'src/index.js': "import config from '../config/amplifyconfiguration.json';\nimport other from './aws-exports';\n",
    });
    const output = jscodeshift(app, '--gen1=config/amplifyconfiguration.json', '--outputs=config/amplify_outputs.json');
    expect(readFileSync(path.join(app, 'src/index.js'), 'utf8')).toBe(
      "import config from '../config/amplify_outputs.json';\nimport other from './aws-exports';\n",
    );
    expect(output).toMatch(/CONFIG_IMPORT_NOT_RETARGETED/);
  });
});
