import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convert } from '../src/index.js';
import { FORMATS, SOURCE_FORMATS } from '../src/formats/index.js';
import { compilePattern } from '../src/mapping/match-source.js';
import { isMapRow } from '../src/mapping/table-types.js';
import { getTable } from '../src/mapping/tables.js';
import { readTargetsOf } from '../src/migrate/read-targets.js';
import { formatPointer, isWithinPointer, pointerTokens } from '../src/source/json-pointer.js';
import { mobileFilesFromMeta } from './support/mobile-generators.js';
import { awsExportsFromMeta } from './support/official-generator.js';
import { amplifyMeta, everyResourcePushed } from './support/random-backends.js';

/**
 * The read table: where code that reads a Gen1 field finds it in amplify_outputs.json. It is derived from the mapping
 * tables; these tests hold it to them, and to what the conversion writes. FC_RUNS sets the number of random backends.
 */
const RUNS = Number(process.env['FC_RUNS'] ?? 40);

/** The value at a pointer of a plain JSON value. */
function at(value: unknown, pointer: string): unknown {
  let current = value;
  for (const token of pointerTokens(pointer)) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, token)) return undefined;
    current = (current as Record<string, unknown>)[token];
  }
  return current;
}

/** Every pointer of a plain JSON value, the root left out. */
function pointersOf(value: unknown, base: string[] = []): string[] {
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, child]) => [formatPointer([...base, key]), ...pointersOf(child, [...base, key])]);
}

describe('the read table of each format', () => {
  it('gives every field a map row of the format reads by name a target that one of its rows writes', () => {
    for (const format of SOURCE_FORMATS) {
      const readTarget = readTargetsOf(format);
      const table = getTable(FORMATS[format].table);
      for (const category of Object.values(table.categories)) {
        for (const row of category.rows) {
          if (!isMapRow(row) || row.role === 'presence' || row.whenEmpty || !compilePattern(row.source).exact) continue;
          const target = readTarget(row.source);
          expect(target, `${format} ${row.source}`).toBeDefined();
          const writers = Object.values(table.categories).flatMap((other) =>
            other.rows.flatMap((r) => (isMapRow(r) && r.source === row.source ? [r.target] : [])),
          );
          expect(writers, `${format} ${row.source}`).toContain(target?.pointer);
        }
      }
    }
  });

  it('moves the reads of aws-exports.js that keep their value, and says the form of the others', () => {
    const readTarget = readTargetsOf('aws-exports');
    expect(readTarget('/aws_user_files_s3_bucket')).toEqual({ pointer: '/storage/bucket_name', sameValue: true });
    expect(readTarget('/aws_appsync_apiKey')).toEqual({ pointer: '/data/api_key', sameValue: true });
    expect(readTarget('/aws_user_pools_id')).toEqual({ pointer: '/auth/user_pool_id', sameValue: true });
    expect(readTarget('/oauth/domain')).toEqual({ pointer: '/auth/oauth/domain', sameValue: true });
    expect(readTarget('/aws_user_files_s3_bucket/length')).toEqual({ pointer: '/storage/bucket_name/length', sameValue: true });
    expect(readTarget('/custom/anything')).toEqual({ pointer: '/custom/anything', sameValue: true });
    expect(readTarget('/oauth/redirectSignIn')).toMatchObject({
      pointer: '/auth/oauth/redirect_sign_in_uri',
      sameValue: false,
      form: expect.stringContaining('list of strings'),
    });
    expect(readTarget('/aws_appsync_authenticationType')).toMatchObject({ pointer: '/data/default_authorization_type', sameValue: false });
    expect(readTarget('/aws_cloud_logic_custom/0/endpoint')).toMatchObject({
      pointer: '/custom/API',
      sameValue: false,
      form: expect.stringContaining('by API name'),
    });
    expect(readTarget('/oauth')).toMatchObject({
      pointer: '/auth',
      sameValue: false,
      form: expect.stringContaining('redirectSignIn → /auth/oauth/redirect_sign_in_uri'),
    });
    const projectRegion = readTarget('/aws_project_region');
    expect(projectRegion).toMatchObject({ pointer: '/auth/aws_region', sameValue: false });
    expect(projectRegion?.form).toContain('/storage/aws_region');
    // Not carried: reported, dropped, or unknown.
    expect(readTarget('/aws_bots_config')).toBeUndefined();
    expect(readTarget('/aws_project_name')).toBeUndefined();
    expect(readTarget('/Auth/cookieStorage')).toBeUndefined();
    expect(readTarget('/no_such_key')).toBeUndefined();
    expect(readTarget('')).toBeUndefined();
  });

  it('reads the mobile JSON through the tables it includes', () => {
    const readTarget = readTargetsOf('amplifyconfiguration-dart');
    expect(readTarget('/auth/plugins/awsCognitoAuthPlugin/CognitoUserPool/Default/PoolId')).toEqual({ pointer: '/auth/user_pool_id', sameValue: true });
    expect(readTarget('/storage/plugins/awsS3StoragePlugin/bucket')).toEqual({ pointer: '/storage/bucket_name', sameValue: true });
    expect(readTarget('/api/plugins/awsAPIPlugin/myApi/endpoint')).toMatchObject({ pointer: '/data', sameValue: false });
    expect(readTarget('/auth/plugins/awsCognitoAuthPlugin/Auth/Default/OAuth/SignInRedirectURI')).toMatchObject({ sameValue: false });
    expect(readTarget('/storage/plugins/awsS3StoragePlugin/defaultAccessLevel')).toBeUndefined();
  });

  it('for backends at random, a read that keeps its value finds in the outputs what it found in the Gen1 file', () => {
    let compared = 0;
    const agree = (format: 'aws-exports' | 'amplifyconfiguration-mobile', gen1: unknown, text: string): void => {
      const readTarget = readTargetsOf(format);
      const result = convert(text, { platform: format === 'aws-exports' ? 'web' : 'android' });
      for (const pointer of pointersOf(gen1)) {
        const target = readTarget(pointer);
        if (!target?.sameValue) continue;
        const found = at(result.outputs, target.pointer);
        if (found === undefined) {
          // The conversion left it out, and said why.
          const said = result.diagnostics.some((d) => d.source.pointer === pointer || (d.target !== undefined && isWithinPointer(target.pointer, d.target)));
          expect(said, `${format} ${pointer} → ${target.pointer} is absent and unreported`).toBe(true);
          continue;
        }
        expect(found, `${format} ${pointer} → ${target.pointer}`).toEqual(at(gen1, pointer));
        compared += 1;
      }
    };
    fc.assert(
      fc.property(amplifyMeta.map(everyResourcePushed), (meta) => {
        const exports = awsExportsFromMeta(meta);
        agree('aws-exports', exports, JSON.stringify(exports));
      }),
      { numRuns: RUNS },
    );
    fc.assert(
      fc.property(amplifyMeta.map(everyResourcePushed), (meta) => {
        const text = mobileFilesFromMeta(meta).androidAmplifyConfiguration;
        agree('amplifyconfiguration-mobile', JSON.parse(text), text);
      }),
      { numRuns: Math.max(1, Math.floor(RUNS / 4)) },
    );
    expect(compared).toBeGreaterThan(RUNS * 3);
  });
});
