import { describe, expect, it } from 'vitest';
import { convert, type ConvertResult } from '../src/index.js';
import { BACKENDS } from './support/backends.js';
import { mobileFilesFromMeta } from './support/mobile-generators.js';
import { awsExportsFromMeta, awsExportsText, type AmplifyMeta } from './support/official-generator.js';

const DEPLOYED = 'amplify/#current-cloud-backend/amplify-meta.json';

function codes(result: ConvertResult): string[] {
  return result.diagnostics.map((diagnostic) => diagnostic.code);
}

/** The app's client file converted with its project folder: the meta file, and any other files given. */
function withProject(client: string, fileName: string, meta: AmplifyMeta, more: Record<string, string> = {}, platform?: 'ios' | 'android'): ConvertResult {
  return convert(client, { fileName, platform, projectFiles: { [DEPLOYED]: JSON.stringify(meta, null, 2), ...more } });
}

describe('a client file converted with its project folder: the same backend, and what only the project knows', () => {
  for (const [name, meta] of Object.entries(BACKENDS)) {
    it(name, () => {
      const fromMeta = convert(JSON.stringify(meta), { fileName: DEPLOYED });
      const client = awsExportsText(awsExportsFromMeta(meta));
      const alone = convert(client, { fileName: 'src/aws-exports.js' });
      const together = withProject(client, 'src/aws-exports.js', meta);
      // One backend: the files agree, and nothing the client file carries is changed but what it only assumed.
      expect(codes(together)).not.toContain('SOURCES_DISAGREE');
      for (const section of ['auth', 'data', 'storage'] as const) {
        const mine = alone.outputs[section];
        if (mine === undefined) continue;
        for (const [field, value] of Object.entries(mine)) {
          if (field === 'unauthenticated_identities_enabled' || field === 'authorization_types' || field === 'buckets') continue;
          expect(together.outputs[section]?.[field], `${section}.${field}`).toEqual(value);
        }
      }
      // What the client file cannot say comes from the project.
      if (alone.outputs.data) expect(together.outputs.data?.['authorization_types']).toEqual(fromMeta.outputs.data?.['authorization_types']);
      if (alone.outputs.auth && fromMeta.outputs.auth?.['groups'] !== undefined)
        expect(together.outputs.auth?.['groups']).toEqual(fromMeta.outputs.auth['groups']);
      if (alone.outputs.storage && fromMeta.outputs.storage?.['buckets'] !== undefined) {
        expect(together.outputs.storage?.['buckets']).toEqual(expect.arrayContaining(fromMeta.outputs.storage['buckets'] as unknown[]));
      }
      // Each addition is said; the version holds what was added.
      if (JSON.stringify(together.outputs) !== JSON.stringify({ ...alone.outputs, version: together.version }))
        expect(codes(together)).toContain('READ_FROM_PROJECT');
      expect(Number(together.version)).toBeGreaterThanOrEqual(Number(alone.version));
    });
  }

  const authMeta = BACKENDS['auth with hosted UI, social providers and everything frontendAuthConfig holds']!;
  const authResource = Object.keys(authMeta['auth'] as object)[0]!;

  it('reads guest access from the auth resource settings instead of assuming it', () => {
    const client = awsExportsText(awsExportsFromMeta(authMeta));
    const settings = {
      [`amplify/backend/auth/${authResource}/cli-inputs.json`]: JSON.stringify({ version: '1', cognitoConfig: { allowUnauthenticatedIdentities: false } }),
    };
    const alone = convert(client, { fileName: 'src/aws-exports.js' });
    expect(alone.outputs.auth?.['unauthenticated_identities_enabled']).toBe(true);
    expect(codes(alone)).toContain('GUEST_ACCESS_ASSUMED');
    const together = withProject(client, 'src/aws-exports.js', authMeta, settings);
    expect(together.outputs.auth?.['unauthenticated_identities_enabled']).toBe(false);
    expect(codes(together)).not.toContain('GUEST_ACCESS_ASSUMED');
    const said = together.diagnostics.find((diagnostic) => diagnostic.target === '/auth/unauthenticated_identities_enabled');
    expect(said).toMatchObject({ code: 'READ_FROM_PROJECT', severity: 'info' });
    // The finding stays where the client file names the identity pool.
    expect(said?.source.line).toBeGreaterThan(0);
    // Without the settings, the project does not know either: still assumed, and said.
    expect(codes(withProject(client, 'src/aws-exports.js', authMeta))).toContain('GUEST_ACCESS_ASSUMED');
  });

  it('a field the client file leaves unstated and the project states: one finding, saying where it came from', () => {
    const exports = awsExportsFromMeta(authMeta);
    delete exports['aws_cognito_username_attributes'];
    const client = awsExportsText(exports);
    expect(codes(convert(client, { fileName: 'src/aws-exports.js' }))).toContain('SIGN_IN_ATTRIBUTES_UNSTATED');
    const together = withProject(client, 'src/aws-exports.js', authMeta);
    expect(codes(together)).not.toContain('SIGN_IN_ATTRIBUTES_UNSTATED');
    expect(together.outputs.auth?.['username_attributes']).toEqual(convert(JSON.stringify(authMeta)).outputs.auth?.['username_attributes']);
    expect(together.diagnostics.filter((diagnostic) => diagnostic.target === '/auth/username_attributes').map((diagnostic) => diagnostic.code)).toEqual([
      'READ_FROM_PROJECT',
    ]);
  });

  it('uses the web client of the same user pool where the mobile client has a secret', () => {
    const files = mobileFilesFromMeta(authMeta);
    const withSecret = JSON.parse(files.iosAwsConfiguration) as { CognitoUserPool: { Default: Record<string, string> } };
    withSecret.CognitoUserPool.Default['AppClientId'] = 'nativeclientwithsecret';
    withSecret.CognitoUserPool.Default['AppClientSecret'] = 'shhh';
    const text = JSON.stringify(withSecret, null, 4);
    const alone = convert(text, { fileName: 'awsconfiguration.json', platform: 'ios' });
    expect(alone.diagnostics.filter((diagnostic) => diagnostic.code === 'CLIENT_SECRET').length).toBeGreaterThan(0);
    const together = withProject(text, 'awsconfiguration.json', authMeta, {}, 'ios');
    expect(codes(together)).not.toContain('CLIENT_SECRET');
    expect(together.outputs.auth?.['user_pool_client_id']).toBe(convert(JSON.stringify(authMeta)).outputs.auth?.['user_pool_client_id']);
    expect(together.outputs.auth?.['user_pool_client_id']).not.toBe('nativeclientwithsecret');
  });

  it('says where the files name different backends, and takes nothing from the project for that part', () => {
    const client = awsExportsText({ ...awsExportsFromMeta(authMeta), aws_user_pools_id: 'us-east-1_Somewhere' });
    const together = withProject(client, 'src/aws-exports.js', authMeta);
    const disagreement = together.diagnostics.find((diagnostic) => diagnostic.code === 'SOURCES_DISAGREE');
    expect(disagreement).toMatchObject({ severity: 'warning', target: '/auth/user_pool_id', source: { file: DEPLOYED } });
    expect(disagreement?.message).toContain('src/aws-exports.js was used');
    expect(disagreement?.resolution).toContain('--project');
    expect(together.outputs.auth?.['user_pool_id']).toBe('us-east-1_Somewhere');
  });

  it('takes the meta resources that name the same backend, not the first ones', () => {
    const meta = {
      providers: { awscloudformation: { Region: 'us-east-1' } },
      api: {
        first: {
          service: 'AppSync',
          lastPushTimeStamp: 'x',
          output: {
            GraphQLAPIEndpointOutput: 'https://first.appsync-api.us-east-1.amazonaws.com/graphql',
            authConfig: { defaultAuthentication: { authenticationType: 'AWS_IAM' }, additionalAuthenticationProviders: [] },
          },
        },
        second: {
          service: 'AppSync',
          lastPushTimeStamp: 'x',
          output: {
            GraphQLAPIEndpointOutput: 'https://second.appsync-api.us-east-1.amazonaws.com/graphql',
            GraphQLAPIKeyOutput: 'da2-secondkey',
            authConfig: { defaultAuthentication: { authenticationType: 'AWS_IAM' }, additionalAuthenticationProviders: [{ authenticationType: 'API_KEY' }] },
          },
        },
      },
    } as unknown as AmplifyMeta;
    const client = awsExportsText({
      aws_project_region: 'us-east-1',
      aws_appsync_graphqlEndpoint: 'https://second.appsync-api.us-east-1.amazonaws.com/graphql',
      aws_appsync_region: 'us-east-1',
      aws_appsync_authenticationType: 'AWS_IAM',
    });
    const together = withProject(client, 'src/aws-exports.js', meta);
    expect(codes(together)).not.toContain('SOURCES_DISAGREE');
    expect(together.outputs.data).toMatchObject({ authorization_types: ['API_KEY'], api_key: 'da2-secondkey' });
  });

  it('holds to a version asked for: what it cannot hold stays out, and is said', () => {
    const meta = {
      ...authMeta,
      auth: {
        ...(authMeta['auth'] as object),
        userPoolGroups: { service: 'Cognito-UserPool-Groups', lastPushTimeStamp: 'x', output: { AdminsGroupRole: 'arn:a' } },
      },
    } as AmplifyMeta;
    const client = awsExportsText(awsExportsFromMeta(authMeta));
    expect(withProject(client, 'src/aws-exports.js', meta).outputs.auth?.['groups']).toBeDefined();
    const pinned = convert(client, { fileName: 'src/aws-exports.js', outputsVersion: '1', projectFiles: { [DEPLOYED]: JSON.stringify(meta) } });
    expect(pinned.version).toBe('1');
    expect(pinned.outputs.auth?.['groups']).toBeUndefined();
    expect(pinned.diagnostics.find((diagnostic) => diagnostic.code === 'VERSION_TOO_LOW')?.target).toBe('/auth/groups');
    // The finding that says groups were read says they were left out, too.
    const read = pinned.diagnostics.find((diagnostic) => diagnostic.code === 'READ_FROM_PROJECT' && diagnostic.message.includes('auth.groups'));
    expect(read?.message).toContain('auth.groups is left out: see VERSION_TOO_LOW');
  });

  it('says so when the project folder has a meta file it cannot read, and converts the client file alone', () => {
    const client = awsExportsText(awsExportsFromMeta(authMeta));
    const result = convert(client, { fileName: 'src/aws-exports.js', projectFiles: { [DEPLOYED]: '{ not json' } });
    expect(codes(result)).toContain('PROJECT_META_UNREADABLE');
    expect(result.outputs).toEqual(convert(client, { fileName: 'src/aws-exports.js' }).outputs);
  });
});
