import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OUTPUTS_VERSIONS, validateOutputs } from '../src/index.js';
import { compileValidator } from '../src/validation/validate-outputs.js';
import { compiledValidator } from '../src/validation/compiled-validator.js';
import { InternalFault } from '../src/errors.js';
import { fixtureCases } from './support/fixture-cases.js';

const ROOT = path.resolve(import.meta.dirname, '..');

const SAMPLES: [string, unknown][] = [
  ['minimal', { version: '1' }],
  ['auth', { version: '1', auth: { aws_region: 'us-east-1', user_pool_id: 'p', user_pool_client_id: 'c' } }],
  ['auth without client', { version: '1', auth: { aws_region: 'us-east-1', user_pool_id: 'p' } }],
  ['unknown key', { version: '1', extra: true }],
  ['empty channels', { version: '1', notifications: { aws_region: 'us-east-1', amazon_pinpoint_app_id: 'a', channels: [] } }],
  ['username only list', { version: '1', auth: { aws_region: 'r', user_pool_id: 'p', user_pool_client_id: 'c', username_attributes: [] } }],
  ['buckets', { version: '1', storage: { aws_region: 'r', bucket_name: 'b', buckets: [{ name: 'b', bucket_name: 'b', aws_region: 'r' }] } }],
  ['email mfa', { version: '1', auth: { aws_region: 'r', user_pool_id: 'p', user_pool_client_id: 'c', mfa_methods: ['EMAIL'] } }],
];

describe('validation against the official schemas', () => {
  it('ships the precompiled validators with the build', () => {
    for (const version of OUTPUTS_VERSIONS) expect(existsSync(path.join(ROOT, `dist/compiled-schemas/schema_v${version}.cjs`)), version).toBe(true);
  });

  for (const version of OUTPUTS_VERSIONS) {
    it(`the precompiled ${version} validator agrees with the schema compiled now`, () => {
      const runtime = compileValidator(version);
      for (const [name, sample] of SAMPLES) {
        const document = { ...(sample as object), version };
        expect(validateOutputs(document).valid, `${name} at ${version}`).toBe(runtime(document) === true);
      }
    });
  }

  it('knows what each version adds', () => {
    const buckets = SAMPLES.find(([name]) => name === 'buckets')![1] as object;
    expect(validateOutputs({ ...buckets, version: '1' }).valid).toBe(false);
    expect(validateOutputs({ ...buckets, version: '1.1' }).valid).toBe(true);
    const email = SAMPLES.find(([name]) => name === 'email mfa')![1] as object;
    expect(validateOutputs({ ...email, version: '1.3' }).valid).toBe(false);
    expect(validateOutputs({ ...email, version: '1.4' }).valid).toBe(true);
  });

  it('keeps version 1 valid against its own schema (the upstream file declares 1.1 by mistake)', () => {
    const schema = JSON.parse(readFileSync(path.join(ROOT, 'schemas/schema_v1.json'), 'utf8')) as { properties: { version: { const: string } } };
    expect(schema.properties.version.const).toBe('1');
    expect(validateOutputs({ version: '1' }).valid).toBe(true);
  });

  it('names the problems of an invalid document', () => {
    const result = validateOutputs({ version: '1.5', auth: { aws_region: 'us-east-1' } });
    expect(result.valid).toBe(false);
    expect(result.errors.map((error) => error.pointer)).toContain('/auth');
    expect(validateOutputs({ version: '2' })).toMatchObject({ valid: false });
  });

  it('validates every expected fixture output against its declared version', () => {
    const files = fixtureCases()
      .map((fixture) => path.join(fixture.dir, 'expected.amplify_outputs.json'))
      .filter((file) => existsSync(file));
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) expect(validateOutputs(JSON.parse(readFileSync(file, 'utf8'))).valid, file).toBe(true);
  });
});

describe('compiledValidator', () => {
  const schema = { type: 'object', required: ['version'] };

  it('compiles the schema now where the build made no validator, with the build options', () => {
    const validate = compiledValidator('no-such-validator', () => schema);
    expect(validate({})).toBe(false);
    expect(validate({ version: '1' })).toBe(true);
  });

  it('treats a precompiled validator that does not load as a fault, not as a reason to compile another', () => {
    const file = path.join(ROOT, 'dist/compiled-schemas/broken-for-test.cjs');
    writeFileSync(file, 'throw new Error("broken");\n');
    try {
      expect(() => compiledValidator('broken-for-test', () => schema)).toThrow(InternalFault);
    } finally {
      rmSync(file);
    }
  });
});
