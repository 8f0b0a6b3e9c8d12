import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convert } from '../src/index.js';
import { checkGenerated, crossFormatAgreement, metaAgreement } from './support/backend-checks.js';
import { awsExportsFromMeta } from './support/official-generator.js';
import { amplifyMeta, everyResourcePushed, projectWithFiles } from './support/random-backends.js';

/**
 * Backends at random (random-backends.ts), their files written by the official Gen1 generators: the checks the
 * hand-picked backends pass hold for every one. FC_RUNS sets the number of backends (default 60); FC_SEED replays a
 * failure fast-check reported.
 */
const RUNS = Number(process.env['FC_RUNS'] ?? 60);
const SEED = process.env['FC_SEED'] === undefined ? undefined : Number(process.env['FC_SEED']);
const parameters = { numRuns: RUNS, seed: SEED };

describe('backends at random, as the Gen1 CLI writes their files', () => {
  it('aws-exports: valid, every field accounted for, read by amplify-js as the Gen1 file is', () => {
    fc.assert(
      fc.property(amplifyMeta, (meta) => void checkGenerated(awsExportsFromMeta(meta))),
      parameters,
    );
  });

  it('amplify-meta.json agrees with the aws-exports.js generated from it', () => {
    fc.assert(
      fc.property(amplifyMeta, (meta) => metaAgreement(meta)),
      parameters,
    );
  });

  // The mobile generators build some sections from every resource, pushed or not, and some from the pushed ones
  // only: agreement with the web file is asked of backends that were pushed whole.
  it('the web, iOS, Android and Flutter files agree after conversion', () => {
    fc.assert(fc.property(amplifyMeta.map(everyResourcePushed), crossFormatAgreement), parameters);
  });

  it('with the project folder, guest access and group precedence are read, not assumed', () => {
    fc.assert(
      fc.property(projectWithFiles, ({ meta, projectFiles }) => {
        metaAgreement(meta, { projectFiles });
        const result = convert(JSON.stringify(meta, null, 2), { fileName: 'amplify-meta.json', projectFiles });
        const codes = result.diagnostics.map((diagnostic) => diagnostic.code);
        expect(codes).not.toContain('GUEST_ACCESS_ASSUMED');
        expect(codes).not.toContain('GROUP_PRECEDENCE_UNKNOWN');
        const auth = result.outputs.auth;
        if (auth?.['identity_pool_id'] !== undefined) {
          const carried = Object.entries(meta['auth'] as Record<string, { output?: { IdentityPoolId?: string } }>).find(
            ([, resource]) => resource.output?.IdentityPoolId === auth['identity_pool_id'],
          )![0];
          const inputs = JSON.parse(projectFiles[`amplify/backend/auth/${carried}/cli-inputs.json`]!) as {
            cognitoConfig: { allowUnauthenticatedIdentities: boolean };
          };
          expect(auth['unauthenticated_identities_enabled'] ?? false).toBe(inputs.cognitoConfig.allowUnauthenticatedIdentities);
        }
        const groups = auth?.['groups'] as Record<string, { precedence?: number }>[] | undefined;
        for (const group of groups ?? []) expect(Object.values(group)[0]!.precedence).toEqual(expect.any(Number));
      }),
      parameters,
    );
  });

  it("a client file with its project folder: the same backend, and what the project adds is the project's", () => {
    fc.assert(
      fc.property(projectWithFiles, ({ meta, projectFiles }) => {
        const metaText = JSON.stringify(meta, null, 2);
        const files = { ...projectFiles, 'amplify/#current-cloud-backend/amplify-meta.json': metaText };
        const client = JSON.stringify(awsExportsFromMeta(meta));
        const alone = convert(client, { fileName: 'amplifyconfiguration.json' });
        const together = convert(client, { fileName: 'amplifyconfiguration.json', projectFiles: files });
        const codes = together.diagnostics.map((diagnostic) => diagnostic.code);
        // One backend, written by the CLI from this meta file: the two never disagree.
        expect(codes).not.toContain('SOURCES_DISAGREE');
        expect(codes).not.toContain('GUEST_ACCESS_ASSUMED');
        // Each field the project adds or replaces is the one the meta file's own conversion gives (of the same resources).
        const fromMeta = convert(metaText, { fileName: 'amplify-meta.json', projectFiles: files });
        for (const section of ['auth', 'data', 'storage'] as const) {
          const before = alone.outputs[section] ?? {};
          for (const [field, value] of Object.entries(together.outputs[section] ?? {})) {
            if (JSON.stringify(before[field]) === JSON.stringify(value)) continue;
            expect(codes, `${section}.${field}`).toContain('READ_FROM_PROJECT');
            if (fromMeta.outputs[section]?.['user_pool_id'] === together.outputs[section]?.['user_pool_id']) {
              expect(value, `${section}.${field}`).toEqual(fromMeta.outputs[section]?.[field]);
            }
          }
        }
      }),
      parameters,
    );
  });
});
