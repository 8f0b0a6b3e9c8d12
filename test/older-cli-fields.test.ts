import { describe, expect, it } from 'vitest';
import { convert } from '../src/index.js';

/**
 * Fields that older Amplify CLIs wrote and later ones do not: each is known (carried, or reported with its cause),
 * never called a field the Gen1 tools do not write.
 */
const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;
const findings = (text: string, fileName: string) => convert(text, { fileName }).diagnostics.map((d) => [d.code, d.source.pointer]);

describe('fields of older CLIs', () => {
  it('aws-exports.js: the XR block of the xr category (Sumerian scenes)', () => {
    const text = json({
      aws_project_region: 'us-west-2',
      aws_user_pools_id: 'us-west-2_Pool',
      aws_user_pools_web_client_id: 'client',
      XR: { scenes: { lobby: { sceneConfig: { sceneId: 'abc.scene', region: 'us-west-2', projectName: 'Lobby' } } } },
    });
    const found = findings(text, 'amplifyconfiguration.json');
    expect(found).toContainEqual(['LEGACY_SERVICE', '/XR']);
    expect(found.filter(([code]) => code === 'UNKNOWN_FIELD')).toEqual([]);
  });

  it('amplify-meta.json: the xr category', () => {
    const text = json({
      providers: { awscloudformation: { Region: 'us-west-2', StackName: 'xr-dev' } },
      xr: { lobby: { service: 'Sumerian', lastPushTimeStamp: '2019-03-02T10:00:00.000Z', output: { sceneId: 'abc.scene', region: 'us-west-2' } } },
    });
    const found = findings(text, 'amplify/backend/amplify-meta.json');
    expect(found).toContainEqual(['LEGACY_SERVICE', '/xr/lobby']);
    expect(found.filter(([code]) => code === 'UNKNOWN_FIELD')).toEqual([]);
  });

  it('amplify-meta.json: the additional GraphQL modes as a list of names beside securityType', () => {
    const output = {
      securityType: 'AWS_LAMBDA',
      additionalAuthenticationProviders: ['API_KEY', 'LAMBDA', 'NOT_A_MODE'],
      GraphQLAPIEndpointOutput: 'https://x/graphql',
    };
    const text = json({
      providers: { awscloudformation: { Region: 'us-west-2', StackName: 'blog-dev' } },
      api: { blog: { service: 'AppSync', lastPushTimeStamp: '2019-06-02T09:00:00.000Z', output } },
    });
    const result = convert(text, { fileName: 'amplify/backend/amplify-meta.json' });
    expect(result.outputs.data?.['authorization_types']).toEqual(['API_KEY']);
    expect(result.diagnostics.map((d) => [d.code, d.source.pointer])).toEqual([['INVALID_VALUE', '/api/blog/output/additionalAuthenticationProviders/2']]);
  });

  it('awsconfiguration.json: the mock switch at the top of the Android file', () => {
    const text = json({
      UserAgent: 'aws-amplify-cli/0.1.0',
      Version: '1.0',
      IdentityManager: { Default: {} },
      DangerouslyConnectToHTTPEndpointForTesting: true,
    });
    const found = findings(text, 'awsconfiguration.json');
    expect(found).toContainEqual(['MOCK_ENDPOINT', '/DangerouslyConnectToHTTPEndpointForTesting']);
    expect(found.filter(([code]) => code === 'UNKNOWN_FIELD')).toEqual([]);
  });
});
