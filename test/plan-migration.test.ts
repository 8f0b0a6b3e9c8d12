import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { planMigration } from '../src/migrate/index.js';

/** planMigration over a small web app held in memory: no file system. */
const AWS_EXPORTS = readFileSync(path.resolve(import.meta.dirname, '../fixtures/migrate-apps/next-alias/repo/src/aws-exports.js'), 'utf8');

function webApp(dependencies: Record<string, string>, app: string): Record<string, string> {
  return {
    'package.json': JSON.stringify({ name: 'app', dependencies: { 'aws-amplify': '6.6.4', ...dependencies } }),
    'src/aws-exports.js': AWS_EXPORTS,
    'src/App.js': app,
  };
}

const APP =
  "import { Amplify } from 'aws-amplify';\nimport awsconfig from './aws-exports';\n\nAmplify.configure(awsconfig);\nexport const region = awsconfig.aws_project_region;\n";

describe('planMigration', () => {
  it('says, as an error, that a Create React App build refuses the import from outside src/', async () => {
    const cra = await planMigration(webApp({ 'react-scripts': '5.0.1' }, APP));
    expect(cra.diagnostics.filter((finding) => finding.code === 'OUTPUTS_OUTSIDE_CRA_SRC').map((finding) => finding.severity)).toEqual(['error']);
    const vite = await planMigration(webApp({ vite: '5.4.0' }, APP));
    expect(vite.diagnostics.map((finding) => finding.code)).not.toContain('OUTPUTS_OUTSIDE_CRA_SRC');
  });

  it('still reports Gen1 reads left in a module that loads amplify_outputs.json already (a second run)', async () => {
    const first = await planMigration(webApp({}, APP));
    const migrated = first.edits.find((edit) => edit.path === 'src/App.js')!.after;
    expect(migrated).toContain("from '../amplify_outputs.json'");
    const again = await planMigration({ ...webApp({}, migrated), 'amplify_outputs.json': first.edits[0]!.after });
    expect(again.edits).toEqual([]);
    const left = (plan: typeof first) => plan.diagnostics.filter((finding) => finding.source.file === 'src/App.js' && finding.code.startsWith('CONFIG_READ'));
    // The same findings, at the lines the read is on in each text (the first run added the REST wiring above it).
    expect(left(again).map((finding) => finding.code)).toEqual(left(first).map((finding) => finding.code));
    expect(left(again).length).toBeGreaterThan(0);
    for (const finding of left(again)) expect(migrated.split('\n')[finding.source.line! - 1]).toContain('aws_project_region');
  });
});
