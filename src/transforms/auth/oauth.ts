import type { PlatformText } from '../../diagnostics/platform-text.js';
import { joinPointer } from '../../source/json-pointer.js';
import { isPlainObject } from '../../mapping/output-tree.js';
import { DROP_REASONS } from '../drop-reasons.js';
import { projectRegion } from '../support/meta-resources.js';
import { describeValue, invalid } from '../support/report-value.js';
import type { Transform } from '../transform-context.js';

/** Transforms for auth.oauth: the Hosted UI's domain, app client, providers, scopes, URLs and response type. */

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

/** The amplify_outputs.json name of a Gen1 social provider name, if it is one amplify_outputs.json can list. */
export function socialProviderOf(item: unknown): string | undefined {
  if (typeof item !== 'string') return undefined;
  const name = item.trim().toUpperCase();
  return Object.hasOwn(SOCIAL_PROVIDERS, name) ? SOCIAL_PROVIDERS[name] : undefined;
}

/**
 * The social providers among the sign-in mechanisms of older CLIs (`aws_cognito_login_mechanisms`), which listed
 * them with the username attributes; the other entries are the loginMechanisms transform's.
 */
export const loginMechanismProviders: Transform = (value) => {
  if (!Array.isArray(value)) return undefined;
  const providers = value.map(socialProviderOf).filter((provider) => provider !== undefined);
  return providers.length > 0 ? [...new Set(providers)] : undefined;
};

/** `AMAZON` / `APPLE` become `LOGIN_WITH_AMAZON` / `SIGN_IN_WITH_APPLE`; other providers are reported. */
export const socialProviders: Transform = (value, ctx) => {
  if (!Array.isArray(value)) return invalid(ctx, 'a list of provider names', value);
  const result: string[] = [];
  value.forEach((item, index) => {
    if (item === undefined) return;
    const provider = socialProviderOf(item);
    if (!provider) {
      ctx.report('UNSUPPORTED_PROVIDER', {
        pointer: joinPointer(ctx.pointer, index),
        message: `The provider ${describeValue(item)} cannot be listed in auth.oauth.identity_providers, which allows only GOOGLE, FACEBOOK, LOGIN_WITH_AMAZON and SIGN_IN_WITH_APPLE.`,
        resolution: customProviderSignIn(typeof item === 'string' ? item : 'ProviderName'),
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

/** The Hosted UI domain, without the https:// that hand-written files sometimes add. */
export const oauthDomain: Transform = (value, ctx) => {
  if (typeof value !== 'string') return invalid(ctx, 'a domain name', value);
  const domain = value
    .trim()
    .replace(/^https?:\/\//i, '')
    .replace(/\/+$/, '');
  if (domain !== value)
    ctx.note('VALUE_NORMALIZED', { message: `The domain "${value}" is written as "${domain}" (without scheme or trailing slash).`, target: ctx.target });
  return domain === '' ? undefined : domain;
};

/** `HostedUIDomain` is only the prefix: the domain is `<prefix>.auth.<region>.amazoncognito.com`. */
export const hostedUIDomain: Transform = (value, ctx) => {
  if (typeof value !== 'string' || value.trim() === '') return invalid(ctx, 'a domain prefix', value);
  if (value.includes('.')) return value.trim();
  const region = projectRegion(ctx);
  if (!region) return invalid(ctx, 'a project region to build the Hosted UI domain with', value);
  return `${value.trim()}.auth.${region}.amazoncognito.com`;
};

/** `OAuthMetadata` is a JSON string: scopes, callback and logout URL lists, and the OAuth flows. */
export const oauthMetadata: Transform = (value, ctx) => {
  let metadata: unknown;
  try {
    metadata = typeof value === 'string' ? JSON.parse(value) : value;
  } catch {
    return invalid(ctx, 'a JSON string', value);
  }
  if (!isPlainObject(metadata)) return invalid(ctx, 'a JSON object', value);
  const result: Record<string, unknown> = {};
  const list = (key: string): string[] | undefined => {
    const items = metadata[key];
    return Array.isArray(items) ? [...new Set(items.filter((item): item is string => typeof item === 'string' && item.trim() !== ''))] : undefined;
  };
  const scopes = list('AllowedOAuthScopes');
  if (scopes) result['scopes'] = scopes;
  const signIn = list('CallbackURLs');
  if (signIn?.length) result['redirect_sign_in_uri'] = signIn;
  const signOut = list('LogoutURLs');
  if (signOut?.length) result['redirect_sign_out_uri'] = signOut;
  const flows = list('AllowedOAuthFlows') ?? [];
  // The CLI takes the first flow, and writes the implicit grant as "token".
  if (flows[0] === 'implicit') result['response_type'] = 'token';
  else if (flows[0] === 'code') result['response_type'] = 'code';
  return result;
};

/** How to sign in with a provider the Hosted UI knows by name, in each platform's library. */
function customProviderSignIn(name: string): PlatformText {
  const step = 'Sign-in with this provider still works through the Hosted UI; in code, call';
  const quoted = JSON.stringify(name);
  return {
    web: `${step} signInWithRedirect({ provider: { custom: ${quoted} } }).`,
    ios: `${step} Amplify.Auth.signInWithWebUI(for: .custom(${quoted}), presentationAnchor: window).`,
    android: `${step} Amplify.Auth.signInWithSocialWebUI(AuthProvider.custom(${quoted}), activity, onSuccess, onError).`,
    flutter: `${step} Amplify.Auth.signInWithWebUI(provider: AuthProvider.custom(${quoted})).`,
  };
}
