import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BACKENDS } from './support/backends.js';
import { checkGenerated } from './support/backend-checks.js';
import { corpusFiles, HAS_CORPUS } from './support/corpus.js';
import { awsExportsFromMeta, type AmplifyMeta } from './support/official-generator.js';

describe('aws-exports written by the official Gen1 generator', () => {
  for (const [name, backend] of Object.entries(BACKENDS)) {
    it(name, () => {
      checkGenerated(awsExportsFromMeta(backend));
    });
  }

  it('carries the hosted UI as the CLI expands it', () => {
    const result = checkGenerated(awsExportsFromMeta(BACKENDS['auth with hosted UI, social providers and everything frontendAuthConfig holds']!));
    expect(result.outputs.auth).toMatchObject({
      user_pool_client_id: 'webclient000000000000000001',
      oauth: {
        domain: 'app1234-dev.auth.us-east-1.amazoncognito.com',
        identity_providers: ['GOOGLE', 'FACEBOOK', 'LOGIN_WITH_AMAZON', 'SIGN_IN_WITH_APPLE'],
        redirect_sign_in_uri: ['http://localhost:3000/', 'https://main.example.com/'],
        response_type: 'code',
      },
      mfa_configuration: 'OPTIONAL',
      password_policy: { min_length: 12, require_lowercase: true, require_symbols: true, require_numbers: false, require_uppercase: false },
      standard_required_attributes: ['email', 'name', 'phone_number'],
    });
  });

  it('maps the implicit grant to token and an empty username list to username sign-in', () => {
    const result = checkGenerated(awsExportsFromMeta(BACKENDS['implicit grant and username sign-in']!));
    expect(result.outputs.auth).toMatchObject({
      oauth: { response_type: 'token', identity_providers: [] },
      username_attributes: ['username'],
      mfa_configuration: 'REQUIRED',
    });
  });

  it('leaves out what was never pushed and writes REST APIs to custom.API', () => {
    const result = checkGenerated(awsExportsFromMeta(BACKENDS['GraphQL API, REST APIs, storage, DynamoDB, hosting']!));
    expect(Object.keys((result.outputs.custom as { API: object }).API)).toEqual(['orders', 'AdminQueries']);
    expect(result.outputs.data).toMatchObject({ default_authorization_type: 'AMAZON_COGNITO_USER_POOLS', authorization_types: [] });
  });
});

describe.skipIf(!HAS_CORPUS)('aws-exports generated from the corpus amplify-meta files', () => {
  for (const file of corpusFiles('amplify-meta')) {
    it(path.basename(file), () => {
      checkGenerated(awsExportsFromMeta(JSON.parse(readFileSync(file, 'utf8')) as AmplifyMeta));
    });
  }
});
