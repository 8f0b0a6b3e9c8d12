import { describe, expect, it } from 'vitest';
import { convert } from '../src/index.js';

/** Sign-in mechanisms as older CLIs (v5 to v7) wrote them: aws_cognito_login_mechanisms and its spellings. */
const base = { aws_cognito_region: 'eu-west-1', aws_user_pools_id: 'eu-west-1_Pool', aws_user_pools_web_client_id: 'client' };
const run = (fields: Record<string, unknown>) => convert(JSON.stringify({ ...base, ...fields }), { fileName: 'amplifyconfiguration.json' });

describe('aws_cognito_login_mechanisms', () => {
  it('carries email and phone sign-in, which were lost before', () => {
    const { outputs, diagnostics } = run({ aws_cognito_login_mechanisms: ['EMAIL', 'PHONE_NUMBER'] });
    expect(outputs.auth?.['username_attributes']).toEqual(['email', 'phone_number']);
    expect(diagnostics.map((d) => d.code)).not.toContain('UNKNOWN_FIELD');
  });

  it('reports an entry it does not know, at the entry, and carries the rest', () => {
    const { outputs, diagnostics } = run({ aws_cognito_login_mechanisms: ['EMAIL', 'NICKNAME'] });
    expect(outputs.auth?.['username_attributes']).toEqual(['email']);
    expect(diagnostics.map((d) => [d.code, d.source.pointer])).toContainEqual(['INVALID_VALUE', '/aws_cognito_login_mechanisms/1']);
  });

  it('agrees with aws_cognito_username_attributes where a file has both, and says so where they differ', () => {
    expect(run({ aws_cognito_username_attributes: ['EMAIL'], aws_cognito_login_mechanisms: ['EMAIL'] }).diagnostics.map((d) => d.code)).not.toContain(
      'CONFLICTING_VALUES',
    );
    const differing = run({ aws_cognito_username_attributes: ['EMAIL'], aws_cognito_login_mechanisms: ['PHONE_NUMBER'] });
    expect(differing.outputs.auth?.['username_attributes']).toEqual(['email']);
    expect(differing.diagnostics.map((d) => [d.code, d.source.pointer])).toContainEqual(['CONFLICTING_VALUES', '/aws_cognito_login_mechanisms']);
  });
});
