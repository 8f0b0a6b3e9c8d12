import { describe, expect, it } from 'vitest';
import { convert } from '../src/index.js';

/**
 * awsconfiguration.json writes an API's key in AppSync.Default only when API_KEY is the default mode; where it is an
 * additional mode, the key is only in the AppSync.<api>_API_KEY block, and is carried from there.
 */
const url = 'https://api000000000000000000000.appsync-api.eu-west-1.amazonaws.com/graphql';
const file = (blocks: Record<string, unknown>) =>
  JSON.stringify({
    UserAgent: 'aws-amplify-cli/0.1.0',
    Version: '1.0',
    IdentityManager: { Default: {} },
    AppSync: { Default: { ApiUrl: url, Region: 'eu-west-1', AuthMode: 'AWS_IAM', ClientDatabasePrefix: 'blog_AWS_IAM' }, ...blocks },
  });
const run = (blocks: Record<string, unknown>) => convert(file(blocks), { fileName: 'awsconfiguration.json' });

describe('the API key of an additional mode', () => {
  it('is carried to data.api_key, with API_KEY among the additional modes', () => {
    const { outputs, diagnostics } = run({
      blog_API_KEY: { ApiUrl: url, Region: 'eu-west-1', AuthMode: 'API_KEY', ApiKey: 'da2-key', ClientDatabasePrefix: 'blog_API_KEY' },
    });
    expect(outputs.data).toMatchObject({ api_key: 'da2-key', default_authorization_type: 'AWS_IAM', authorization_types: ['API_KEY'] });
    expect(diagnostics).toEqual([]);
  });

  it('is not taken from the block of another API', () => {
    const other = 'https://other00000000000000000000.appsync-api.eu-west-1.amazonaws.com/graphql';
    const { outputs, diagnostics } = run({ other_API_KEY: { ApiUrl: other, Region: 'eu-west-1', AuthMode: 'API_KEY', ApiKey: 'da2-other' } });
    expect(outputs.data?.['api_key']).toBeUndefined();
    expect(diagnostics.map((d) => d.code)).toContain('MULTIPLE_GRAPHQL_APIS');
  });

  it('reports a key that is not one', () => {
    const { outputs, diagnostics } = run({ blog_API_KEY: { ApiUrl: url, Region: 'eu-west-1', AuthMode: 'API_KEY', ApiKey: 'null' } });
    expect(outputs.data?.['api_key']).toBeUndefined();
    expect(diagnostics.map((d) => [d.code, d.source.pointer])).toContainEqual(['INVALID_VALUE', '/AppSync/blog_API_KEY/ApiKey']);
  });
});
