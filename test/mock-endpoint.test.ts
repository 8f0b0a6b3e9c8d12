import { describe, expect, it } from 'vitest';
import { convert } from '../src/index.js';
import { isLocalEndpoint } from '../src/transforms/data/local-endpoint.js';

/** A GraphQL endpoint on the local machine, as `amplify mock` writes it, is carried with a warning in every format. */
const web = (url: string) =>
  convert(JSON.stringify({ aws_project_region: 'us-east-1', aws_appsync_graphqlEndpoint: url, aws_appsync_authenticationType: 'AWS_IAM' }), {
    fileName: 'amplifyconfiguration.json',
  });
const mockFindings = (url: string) => web(url).diagnostics.filter((d) => d.code === 'MOCK_ENDPOINT');

describe('local mock endpoint', () => {
  it('tells local hosts from deployed ones', () => {
    for (const url of ['http://localhost:20002/graphql', 'http://127.0.0.1:20002/graphql', 'http://LOCALHOST/graphql', 'https://[::1]:8443/graphql']) {
      expect(isLocalEndpoint(url), url).toBe(true);
    }
    for (const url of ['https://abc.appsync-api.us-east-1.amazonaws.com/graphql', 'https://localhost.example.com/graphql', 'not a url', '']) {
      expect(isLocalEndpoint(url), url).toBe(false);
    }
  });

  it('writes the endpoint and warns, once, at the field', () => {
    const result = web('http://localhost:20002/graphql');
    expect(result.outputs.data?.['url']).toBe('http://localhost:20002/graphql');
    const found = result.diagnostics.filter((d) => d.code === 'MOCK_ENDPOINT');
    expect(found.map((d) => [d.severity, d.source.pointer, d.target])).toEqual([['warning', '/aws_appsync_graphqlEndpoint', '/data/url']]);
    expect(found[0]?.message).toBe(
      'The GraphQL endpoint "http://localhost:20002/graphql" is on the local machine (written by `amplify mock`); it was written to data.url, but a deployed app cannot reach it.',
    );
  });

  it('says nothing about a deployed endpoint', () => {
    expect(mockFindings('https://abc.appsync-api.us-east-1.amazonaws.com/graphql')).toEqual([]);
  });

  it('warns once when the mobile API entry and AppSync.Default name the same local endpoint', () => {
    const url = 'http://127.0.0.1:20002/graphql';
    const text = JSON.stringify({
      UserAgent: 'aws-amplify-cli/2.0',
      Version: '1.0',
      api: { plugins: { awsAPIPlugin: { notes: { endpointType: 'GraphQL', endpoint: url, region: 'us-east-1', authorizationType: 'AWS_IAM' } } } },
      auth: { plugins: { awsCognitoAuthPlugin: { AppSync: { Default: { ApiUrl: url, Region: 'us-east-1', AuthMode: 'AWS_IAM' } } } } },
    });
    const found = convert(text, { fileName: 'amplifyconfiguration.json' }).diagnostics.filter((d) => d.code === 'MOCK_ENDPOINT');
    expect(found.map((d) => d.source.pointer)).toEqual(['/api/plugins/awsAPIPlugin/notes/endpoint']);
  });
});
