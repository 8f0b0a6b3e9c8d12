import { joinPointer } from '../source/json-pointer.js';
import { DROP_REASONS } from './drop-reasons.js';
import type { Transform, TransformContext } from './transform-context.js';
import { describeValue, invalid } from './value-transforms.js';

/** Transforms for Cognito settings (field-map.md section 3). */

export const STANDARD_ATTRIBUTES = [
  'address', 'birthdate', 'email', 'family_name', 'gender', 'given_name', 'locale', 'middle_name', 'name',
  'nickname', 'phone_number', 'picture', 'preferred_username', 'profile', 'sub', 'updated_at', 'website', 'zoneinfo',
] as const;

const VERIFICATION_ATTRIBUTES = ['email', 'phone_number'];
const USERNAME_ATTRIBUTES = ['email', 'phone_number', 'username'];

/** Attribute lists are UPPER_SNAKE in Gen1 and lower_snake in Gen2; each must be one the schema allows. */
function attributeList(value: unknown, ctx: TransformContext, allowed: readonly string[], what: string): string[] | undefined {
  if (!Array.isArray(value)) return invalid(ctx, `a list of ${what}`, value);
  const result: string[] = [];
  value.forEach((item, index) => {
    if (item === undefined) return;
    const pointer = joinPointer(ctx.pointer, index);
    const name = typeof item === 'string' ? item.trim().toLowerCase() : undefined;
    if (name === undefined || !allowed.includes(name)) {
      ctx.report('INVALID_VALUE', {
        pointer,
        message: `${describeValue(item)} is not one of the ${what} amplify_outputs.json can list (${allowed.join(', ')}).`,
        resolution: name?.startsWith('custom:')
          ? 'Custom attributes cannot be listed as required; keep asking for them in your sign-up form.'
          : 'Remove the entry or correct its spelling.',
        target: ctx.target,
      });
      return;
    }
    if (!result.includes(name)) result.push(name);
  });
  return result.length > 0 ? result : undefined;
}

export const standardAttributes: Transform = (value, ctx) => attributeList(value, ctx, STANDARD_ATTRIBUTES, 'standard attributes');

export const verificationTypes: Transform = (value, ctx) => attributeList(value, ctx, VERIFICATION_ATTRIBUTES, 'verification types');

/**
 * Gen1 libraries treated verification attributes as required sign-up attributes; the list is merged into
 * standard_required_attributes so that sign-up forms keep asking for them.
 */
export const verificationAsRequired: Transform = (value, ctx) => {
  if (!Array.isArray(value)) return undefined;
  // An absolute pointer, or the name of a sibling field.
  const option = String(ctx.options['signupAttributes']);
  const signup = option.startsWith('/') ? ctx.lookup(option) : ctx.lookupAbsolute(`${ctx.pointer.slice(0, ctx.pointer.lastIndexOf('/'))}/${option}`);
  const required = Array.isArray(signup) ? signup.filter((item): item is string => typeof item === 'string').map((item) => item.toLowerCase()) : [];
  const names = value
    .filter((item): item is string => typeof item === 'string')
    .map((item) => item.trim().toLowerCase())
    .filter((item) => (STANDARD_ATTRIBUTES as readonly string[]).includes(item));
  const added = names.filter((item) => !required.includes(item));
  if (added.length > 0) {
    ctx.note('VERIFICATION_ATTRIBUTE_REQUIRED', {
      message: `${added.join(', ')} ${added.length === 1 ? 'is a verification attribute' : 'are verification attributes'} but not listed as sign-up attributes; Gen1 libraries treated ${added.length === 1 ? 'it' : 'them'} as required, and so does the converted file.`,
      resolution: 'No action is needed unless your sign-up form must not ask for it.',
      target: ctx.target,
    });
  }
  return names.length > 0 ? names : undefined;
};

/**
 * `aws_cognito_username_attributes`: lower-cased. An empty list means the pool signs in with a username;
 * it is written as ["username"] (the only encoding amplify-js reads as username sign-in; see USERNAME_SIGN_IN).
 */
export const usernameAttributes: Transform = (value, ctx) => {
  if (Array.isArray(value) && value.length === 0) {
    ctx.note('USERNAME_SIGN_IN', {
      message: 'The user pool signs in with a username (the username attribute list is empty); written as ["username"].',
      resolution:
        'No action is needed for JavaScript apps. If this file is also used by a Swift app, whose decoder rejects "username", remove auth.username_attributes there.',
      target: ctx.target,
    });
    return ['username'];
  }
  return attributeList(value, ctx, USERNAME_ATTRIBUTES, 'username attributes');
};

const MFA_CONFIGURATION: Record<string, string> = { OFF: 'NONE', NONE: 'NONE', ON: 'REQUIRED', REQUIRED: 'REQUIRED', OPTIONAL: 'OPTIONAL' };

/** `OFF` / `ON` / `OPTIONAL` become `NONE` / `REQUIRED` / `OPTIONAL` (a rename, not a re-casing). */
export const mfaConfiguration: Transform = (value, ctx) => {
  const mapped = typeof value === 'string' ? MFA_CONFIGURATION[value.trim().toUpperCase()] : undefined;
  return mapped ?? invalid(ctx, 'OFF, ON or OPTIONAL', value);
};

const MFA_METHODS: Record<string, string> = { SMS: 'SMS', 'SMS TEXT MESSAGE': 'SMS', SMS_MFA: 'SMS', TOTP: 'TOTP', SOFTWARE_TOKEN_MFA: 'TOTP', EMAIL: 'EMAIL', EMAIL_OTP: 'EMAIL', EMAIL_MFA: 'EMAIL' };

/** MFA methods; EMAIL exists only from outputs version 1.4. */
export const mfaMethods: Transform = (value, ctx) => {
  if (!Array.isArray(value)) return invalid(ctx, 'a list of MFA methods', value);
  const result: string[] = [];
  value.forEach((item, index) => {
    if (item === undefined) return;
    const method = typeof item === 'string' ? MFA_METHODS[item.trim().toUpperCase()] : undefined;
    if (!method) {
      invalid(ctx, 'SMS, TOTP or EMAIL', item, joinPointer(ctx.pointer, index));
      return;
    }
    if (method === 'EMAIL') {
      const requested = ctx.settings.outputsVersion;
      if (requested !== undefined && ['1', '1.1', '1.2', '1.3'].includes(requested)) {
        ctx.report('VERSION_TOO_LOW', {
          pointer: joinPointer(ctx.pointer, index),
          message: `EMAIL as an MFA method needs amplify_outputs.json version 1.4 or later, and version ${requested} was requested, so it is left out.`,
          resolution: 'Convert with --outputs-version 1.4 (or auto) if your Amplify libraries support email MFA.',
          target: ctx.target,
        });
        return;
      }
      ctx.requireVersion('1.4');
    }
    if (!result.includes(method)) result.push(method);
  });
  return result.length > 0 ? result : undefined;
};

/** The minimum password length: a number or a numeric string, 6 to 99 as Cognito allows. */
export const passwordMinLength: Transform = (value, ctx) => {
  const length = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(length) || length < 6 || length > 99) return invalid(ctx, 'a whole number from 6 to 99', value);
  if (typeof value === 'string') ctx.note('VALUE_NORMALIZED', { message: `The length "${value}" is written as the number ${length}.`, target: ctx.target });
  return length;
};

const PASSWORD_CHARACTERS: Record<string, string> = {
  REQUIRES_LOWERCASE: 'require_lowercase',
  REQUIRES_UPPERCASE: 'require_uppercase',
  REQUIRES_NUMBERS: 'require_numbers',
  REQUIRES_SYMBOLS: 'require_symbols',
};

/** `passwordPolicyCharacters` (a list of REQUIRES_*) becomes the four require_* booleans. */
export const passwordCharacters: Transform = (value, ctx) => {
  if (!Array.isArray(value)) return invalid(ctx, 'a list of REQUIRES_* values', value);
  const policy: Record<string, boolean> = {
    require_numbers: false,
    require_lowercase: false,
    require_uppercase: false,
    require_symbols: false,
  };
  value.forEach((item, index) => {
    if (item === undefined) return;
    const key = typeof item === 'string' ? PASSWORD_CHARACTERS[item.trim().toUpperCase()] : undefined;
    if (key) policy[key] = true;
    else invalid(ctx, 'REQUIRES_LOWERCASE, REQUIRES_UPPERCASE, REQUIRES_NUMBERS or REQUIRES_SYMBOLS', item, joinPointer(ctx.pointer, index));
  });
  return policy;
};

const SOCIAL_PROVIDERS: Record<string, string> = {
  GOOGLE: 'GOOGLE',
  FACEBOOK: 'FACEBOOK',
  AMAZON: 'LOGIN_WITH_AMAZON',
  LOGINWITHAMAZON: 'LOGIN_WITH_AMAZON',
  LOGIN_WITH_AMAZON: 'LOGIN_WITH_AMAZON',
  APPLE: 'SIGN_IN_WITH_APPLE',
  SIGNINWITHAPPLE: 'SIGN_IN_WITH_APPLE',
  SIGN_IN_WITH_APPLE: 'SIGN_IN_WITH_APPLE',
};

/** `AMAZON` / `APPLE` become `LOGIN_WITH_AMAZON` / `SIGN_IN_WITH_APPLE`; other providers are reported. */
export const socialProviders: Transform = (value, ctx) => {
  if (!Array.isArray(value)) return invalid(ctx, 'a list of provider names', value);
  const result: string[] = [];
  value.forEach((item, index) => {
    if (item === undefined) return;
    const provider = typeof item === 'string' ? SOCIAL_PROVIDERS[item.trim().toUpperCase()] : undefined;
    if (!provider) {
      ctx.report('UNSUPPORTED_PROVIDER', {
        pointer: joinPointer(ctx.pointer, index),
        message: `The provider ${describeValue(item)} cannot be listed in auth.oauth.identity_providers, which allows only GOOGLE, FACEBOOK, LOGIN_WITH_AMAZON and SIGN_IN_WITH_APPLE.`,
        resolution: `Sign-in with this provider still works through the Hosted UI; in code, call signInWithRedirect({ provider: { custom: ${JSON.stringify(typeof item === 'string' ? item : 'ProviderName')} } }).`,
        target: ctx.target,
      });
      return;
    }
    if (!result.includes(provider)) result.push(provider);
  });
  return result;
};

/** OAuth response type: `code` or `token` (the CLI writes `token` for the implicit grant). */
export const responseType: Transform = (value, ctx) => {
  const type = typeof value === 'string' ? value.trim().toLowerCase() : undefined;
  if (type === 'code' || type === 'token') return type;
  if (type === 'implicit') return 'token';
  return invalid(ctx, 'code or token', value);
};

/**
 * `oauth.clientId`: Gen2 uses user_pool_client_id for the Hosted UI too. The same id is dropped as redundant;
 * another id is reported.
 */
export const oauthClientId: Transform = (value, ctx) => {
  const clientId = ctx.lookup(String(ctx.options['clientIdSource']));
  if (typeof value === 'string' && value === clientId) {
    ctx.drop(ctx.pointer, DROP_REASONS.sameClient);
  } else {
    ctx.report('OAUTH_CLIENT_ID_DIFFERS', {
      message: 'The Hosted UI settings name an app client other than the user pool client; Gen2 uses auth.user_pool_client_id for both.',
      resolution:
        'Check which app client your app should use and set auth.user_pool_client_id to it (it must have no client secret and allow the OAuth flows).',
    });
  }
  return undefined;
};

/**
 * The mobile authentication flow: USER_SRP_AUTH is what Gen2 libraries use anyway and is dropped as redundant;
 * other flows are chosen in code with Gen2, and reported.
 */
export const authenticationFlow: Transform = (value, ctx) => {
  if (value === 'USER_SRP_AUTH') {
    ctx.drop(ctx.pointer, DROP_REASONS.srpFlow);
  } else {
    ctx.report('LIBRARY_OPTION', {
      message: `The authentication flow ${describeValue(value)} has no field in amplify_outputs.json; Gen2 libraries use USER_SRP_AUTH unless the code asks for another.`,
      resolution:
        value === 'CUSTOM_AUTH'
          ? 'Pass options: { authFlowType: "CUSTOM_WITH_SRP" } (or "CUSTOM_WITHOUT_SRP") to signIn.'
          : 'Pass options: { authFlowType: "USER_PASSWORD_AUTH" } to signIn if the app needs that flow.',
    });
  }
  return undefined;
};

/** The Hosted UI domain, without the https:// that hand-written files sometimes add. */
export const oauthDomain: Transform = (value, ctx) => {
  if (typeof value !== 'string') return invalid(ctx, 'a domain name', value);
  const domain = value.trim().replace(/^https?:\/\//i, '').replace(/\/+$/, '');
  if (domain !== value) ctx.note('VALUE_NORMALIZED', { message: `The domain "${value}" is written as "${domain}" (without scheme or trailing slash).`, target: ctx.target });
  return domain === '' ? undefined : domain;
};
