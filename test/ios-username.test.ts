import { describe, expect, it } from 'vitest';
import { convert, type ConvertOptions } from '../src/index.js';

/**
 * amplify-swift decodes auth.username_attributes as a list of "email" and "phone_number" only, so a "username"
 * there makes Amplify.configure(with: .amplifyOutputs) throw. For --platform ios, username sign-in is written as the
 * absence of the value; amplify-android and amplify-flutter read "username", and amplify-js needs it.
 */
const base = { aws_project_region: 'eu-west-1', aws_user_pools_id: 'eu-west-1_Pool', aws_user_pools_web_client_id: 'client' };
const run = (fields: Record<string, unknown>, options: ConvertOptions = {}) =>
  convert(JSON.stringify({ ...base, ...fields }), { fileName: 'amplifyconfiguration.json', ...options });
const codes = (result: ReturnType<typeof run>) => result.diagnostics.map((d) => d.code);

describe('username sign-in for iOS', () => {
  it('leaves the value out for iOS, with one notice and nothing unaccounted for', () => {
    const result = run({ aws_cognito_username_attributes: [] }, { platform: 'ios' });
    expect(result.outputs.auth).toBeDefined();
    expect(result.outputs.auth?.['username_attributes']).toBeUndefined();
    expect(codes(result)).toEqual(['USERNAME_SIGN_IN']);
    expect(result.diagnostics[0]?.message).toBe(
      'The user pool signs in with a username (the username attribute list is empty). amplify-swift cannot decode "username" in auth.username_attributes, so for an iOS app it is left out: username sign-in is the absence of the value.',
    );
    expect(result.fields.find((f) => f.pointer === '/aws_cognito_username_attributes')?.outcome).toBe('dropped');
  });

  it('keeps email and phone for iOS and drops only "username"', () => {
    const result = run({ aws_cognito_login_mechanisms: ['PREFERRED_USERNAME', 'EMAIL', 'PHONE_NUMBER'] }, { platform: 'ios' });
    expect(result.outputs.auth?.['username_attributes']).toEqual(['email', 'phone_number']);
    expect(result.diagnostics.find((d) => d.code === 'USERNAME_SIGN_IN')?.message).toContain('left out and email, phone_number kept');
  });

  it('changes nothing for email sign-in on iOS', () => {
    const result = run({ aws_cognito_username_attributes: ['EMAIL'] }, { platform: 'ios' });
    expect(result.outputs.auth?.['username_attributes']).toEqual(['email']);
    expect(codes(result)).not.toContain('USERNAME_SIGN_IN');
  });

  it('writes "username" for every other platform, whose decoders read it', () => {
    for (const platform of [undefined, 'web', 'android', 'flutter'] as const) {
      const result = run({ aws_cognito_username_attributes: [] }, { platform });
      expect(result.outputs.auth?.['username_attributes'], String(platform)).toEqual(['username']);
    }
  });
});
