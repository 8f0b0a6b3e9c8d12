import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { convert } from '../src/index.js';
import { metaAgreement } from './support/backend-checks.js';
import { BACKENDS } from './support/backends.js';
import { corpusFiles, HAS_CORPUS } from './support/corpus.js';
import type { AmplifyMeta } from './support/official-generator.js';

describe('amplify-meta.json agrees with the aws-exports.js the Gen1 CLI generates from it', () => {
  for (const [name, meta] of Object.entries(BACKENDS)) {
    it(name, () => metaAgreement(meta));
  }

  it('knows the additional GraphQL modes that aws-exports lacks', () => {
    const meta = BACKENDS['GraphQL API, REST APIs, storage, DynamoDB, hosting']!;
    const result = convert(JSON.stringify(meta));
    expect(result.outputs.data?.['authorization_types']).toEqual(['API_KEY']);
  });

  it('reads guest access and group precedence from the project folder', () => {
    const meta = BACKENDS['auth with hosted UI, social providers and everything frontendAuthConfig holds']!;
    const withGroups = {
      ...meta,
      auth: {
        ...(meta['auth'] as object),
        userPoolGroups: {
          service: 'Cognito-UserPool-Groups',
          lastPushTimeStamp: '2024-05-01T10:00:00.000Z',
          output: { AdminsGroupRole: 'arn:a', UsersGroupRole: 'arn:u' },
        },
      },
    };
    const result = convert(JSON.stringify(withGroups), {
      projectFiles: {
        'amplify/backend/auth/app1234/cli-inputs.json': JSON.stringify({ version: '1', cognitoConfig: { allowUnauthenticatedIdentities: false } }),
        'amplify/backend/auth/userPoolGroups/user-pool-group-precedence.json': JSON.stringify([
          { groupName: 'Admins', precedence: 1 },
          { groupName: 'Users', precedence: 2 },
        ]),
      },
    });
    expect(result.version).toBe('1.3');
    expect(result.outputs.auth).toMatchObject({
      unauthenticated_identities_enabled: false,
      groups: [{ Admins: { precedence: 1 } }, { Users: { precedence: 2 } }],
    });
    expect(result.diagnostics.map((diagnostic) => diagnostic.code)).not.toContain('GUEST_ACCESS_ASSUMED');
  });

  it('carries the resource named with select', () => {
    const meta = {
      providers: { awscloudformation: { Region: 'us-east-1' } },
      auth: {
        first: { service: 'Cognito', lastPushTimeStamp: 'x', output: { UserPoolId: 'us-east-1_First0000', AppClientIDWeb: 'first' } },
        second: { service: 'Cognito', lastPushTimeStamp: 'x', output: { UserPoolId: 'us-east-1_Second000', AppClientIDWeb: 'second' } },
      },
    };
    expect(convert(JSON.stringify(meta)).outputs.auth?.['user_pool_id']).toBe('us-east-1_First0000');
    const chosen = convert(JSON.stringify(meta), { select: { auth: 'second' } });
    expect(chosen.outputs.auth?.['user_pool_id']).toBe('us-east-1_Second000');
    expect(chosen.diagnostics.find((diagnostic) => diagnostic.code === 'MULTIPLE_RESOURCES')?.source.pointer).toBe('/auth/first');
  });
});

describe.skipIf(!HAS_CORPUS)('amplify-meta.json of the corpus agrees with its generated aws-exports.js', () => {
  for (const file of corpusFiles('amplify-meta')) {
    it(path.basename(file), () => metaAgreement(JSON.parse(readFileSync(file, 'utf8')) as AmplifyMeta));
  }
});
