import { describe, expect, it } from 'vitest';
import { convert } from '../src/index.js';
import { holdsSecret, isSecretField } from '../src/secrets.js';

describe('secret fields (one list, src/secrets.ts)', () => {
  it('are told by their name, at the end of a pointer or alone, on both sides of the conversion', () => {
    for (const field of ['/data/api_key', '/aws_appsync_apiKey', '/AppSync/Default/ApiKey', '/api/x/output/GraphQLAPIKeyOutput', 'AppClientSecret']) {
      expect(isSecretField(field), field).toBe(true);
    }
    for (const field of ['/data/url', '/api_key/url', 'ApiUrl', '']) expect(isSecretField(field), field).toBe(false);
  });

  it('are found inside a value that holds one', () => {
    expect(holdsSecret({ Default: { ApiUrl: 'u', ApiKey: 'k' } })).toBe(true);
    expect(holdsSecret([{ api_key: 'k' }])).toBe(true);
    expect(holdsSecret({ Default: { ApiUrl: 'u' } })).toBe(false);
    expect(holdsSecret('ApiKey')).toBe(false);
  });

  it('never show their value in a finding', () => {
    const text = JSON.stringify({
      Version: '1.0',
      api: {
        plugins: {
          awsAPIPlugin: {
            one: {
              endpointType: 'GraphQL',
              endpoint: 'https://a.example/graphql',
              region: 'us-east-1',
              authorizationType: 'API_KEY',
              apiKey: 'da2-secretvalue',
            },
          },
        },
      },
      auth: {
        plugins: {
          awsCognitoAuthPlugin: {
            AppSync: { Default: { ApiUrl: 'https://a.example/graphql', Region: 'us-east-1', AuthMode: 'API_KEY', ApiKey: 'da2-othersecret' } },
          },
        },
      },
    });
    const { diagnostics } = convert(text, { fileName: 'amplifyconfiguration.json' });
    for (const diagnostic of diagnostics) expect(`${diagnostic.message} ${diagnostic.resolution}`).not.toMatch(/da2-/);
  });
});
