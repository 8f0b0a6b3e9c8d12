import { describe, expect, it } from 'vitest';
import { convert } from '../src/index.js';

/** A conversion that carries nothing is an error; with the project's files, it names the resources never pushed. */
const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;
const providers = { awscloudformation: { Region: 'us-east-2', StackName: 'amplify-todo-dev-1' } };
const pushed = { service: 'AppSync', lastPushTimeStamp: '2022-01-01T00:00:00.000Z', output: { GraphQLAPIIdOutput: 'x' } };
const nothingCarried = (text: string, fileName: string, projectFiles?: Record<string, string>) =>
  convert(text, { fileName, projectFiles }).diagnostics.filter((d) => d.code === 'NOTHING_CARRIED');

describe('a conversion that carries nothing', () => {
  it('is an error, once, about the whole file', () => {
    const found = nothingCarried(json({ providers }), 'amplify/#current-cloud-backend/amplify-meta.json');
    expect(found.map((d) => [d.severity, d.source.pointer])).toEqual([['error', '']]);
  });

  it('is not reported when anything is carried', () => {
    const text = json({ aws_project_region: 'us-east-1', aws_user_pools_id: 'us-east-1_Pool', aws_user_pools_web_client_id: 'client' });
    expect(nothingCarried(text, 'amplifyconfiguration.json')).toEqual([]);
  });

  it('names only resources that no copy of amplify-meta.json records as deployed', () => {
    const projectFiles = {
      'amplify/backend/backend-config.json': json({ api: { todo: {} }, auth: { todoauth: {} }, hosting: { amplifyhosting: {} } }),
      'amplify/#current-cloud-backend/amplify-meta.json': json({ providers, api: { todo: pushed } }),
    };
    // A client file whose every field is reported: the API is deployed, the user pool never was.
    const found = nothingCarried(json({ aws_project_region: 'us-east-2', aws_appsync_region: 'us-east-2' }), 'src/amplifyconfiguration.json', projectFiles);
    expect(found).toHaveLength(1);
    expect(found[0]?.message).toContain('(auth/todoauth, in amplify/backend/backend-config.json)');
  });
});
