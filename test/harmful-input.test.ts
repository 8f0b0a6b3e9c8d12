import { existsSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { convert } from '../src/index.js';
import { runCli, temporaryDirectory } from './support/run-cli.js';

/** The fixture writes these files if it is ever executed. */
const MARKERS = [
  path.join(os.tmpdir(), 'amplify-outputs-migrate-pwned'),
  path.join(os.tmpdir(), 'amplify-outputs-migrate-pwned-spawn'),
  '/tmp/amplify-outputs-migrate-pwned-iife',
];
const HARMFUL = path.resolve(import.meta.dirname, '../fixtures/convert/aws-exports/harmful-if-executed/aws-exports.js');

describe('input is read, never executed', () => {
  const removeMarkers = (): void => {
    for (const marker of MARKERS) rmSync(marker, { force: true });
  };
  beforeAll(removeMarkers);
  afterAll(removeMarkers);

  it('the library converts a file that would write files and spawn a process, without doing either', () => {
    const result = convert(readFileSync(HARMFUL, 'utf8'), { fileName: 'aws-exports.js' });
    expect(result.outputs).toMatchObject({ storage: { bucket_name: 'harmless-bucket' } });
    expect(result.diagnostics.map((diagnostic) => diagnostic.code)).toContain('NON_LITERAL_VALUE');
    for (const marker of MARKERS) expect(existsSync(marker), marker).toBe(false);
  });

  it('the command line does not execute it either', () => {
    const cwd = temporaryDirectory();
    const run = runCli(['convert', HARMFUL, '--out', path.join(cwd, 'amplify_outputs.json')], cwd);
    expect(run.status).toBe(0);
    for (const marker of MARKERS) expect(existsSync(marker), marker).toBe(false);
  });

  it('the markers are what the file would write (the check can fail)', () => {
    const text = readFileSync(HARMFUL, 'utf8');
    expect(text).toContain("'/amplify-outputs-migrate-pwned'");
    expect(text).toContain('/tmp/amplify-outputs-migrate-pwned-iife');
  });
});
