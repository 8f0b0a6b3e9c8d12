import { joinPointer } from '../../source/json-pointer.js';
import { DROP_REASONS } from '../drop-reasons.js';
import { describeValue, invalid } from '../support/report-value.js';
import { socialProviderOf } from './oauth.js';
import type { Transform, TransformContext } from '../transform-context.js';

/** Transforms for auth: the user attributes (standard, required at sign-up, verified, signed in with). */

export const STANDARD_ATTRIBUTES = [
  'address',
  'birthdate',
  'email',
  'family_name',
  'gender',
  'given_name',
  'locale',
  'middle_name',
  'name',
  'nickname',
  'phone_number',
  'picture',
  'preferred_username',
  'profile',
  'sub',
  'updated_at',
  'website',
  'zoneinfo',
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
 * it is written as ["username"] (the only encoding amplify-js reads as username sign-in; see USERNAME_SIGN_IN),
 * except for iOS (see withoutUsernameForIos).
 */
export const usernameAttributes: Transform = (value, ctx) => {
  if (Array.isArray(value) && value.length === 0) {
    if (ctx.settings.platform === 'ios') return withoutUsernameForIos(['username'], ctx, 'the username attribute list is empty');
    ctx.note('USERNAME_SIGN_IN', {
      message: 'The user pool signs in with a username (the username attribute list is empty); written as ["username"].',
      target: ctx.target,
    });
    return ['username'];
  }
  const attributes = attributeList(value, ctx, USERNAME_ATTRIBUTES, 'username attributes');
  return ctx.settings.platform === 'ios' && attributes ? withoutUsernameForIos(attributes, ctx, 'the list names "username"') : attributes;
};

/**
 * amplify-swift decodes only "email" and "phone_number" in auth.username_attributes: a "username" there makes
 * Amplify.configure throw. For an iOS app, username sign-in is the absence of the value; email and phone stay.
 */
function withoutUsernameForIos(attributes: string[], ctx: TransformContext, why: string): string[] | undefined {
  if (!attributes.includes('username')) return attributes;
  const rest = attributes.filter((attribute) => attribute !== 'username');
  ctx.note('USERNAME_SIGN_IN', {
    message: `The user pool signs in with a username (${why}). amplify-swift cannot decode "username" in auth.username_attributes, so for an iOS app it is left out${rest.length > 0 ? ` and ${rest.join(', ')} kept` : ''}: username sign-in is the absence of the value.`,
    resolution:
      'No action is needed for the iOS app. If this file also serves a JavaScript app, convert it for that app without --platform ios, where username sign-in is written as "username".',
    target: ctx.target,
  });
  if (rest.length > 0) return rest;
  ctx.drop(ctx.pointer, DROP_REASONS.iosUsernameSignIn);
  return undefined;
}

/** What each sign-in mechanism of older CLIs (v5 to v7: `aws_cognito_login_mechanisms`) means as a username attribute. */
const LOGIN_MECHANISM_ATTRIBUTES: Record<string, string> = {
  EMAIL: 'email',
  PHONE_NUMBER: 'phone_number',
  PREFERRED_USERNAME: 'username',
  USERNAME: 'username',
};

/**
 * `aws_cognito_login_mechanisms` (`loginMechanisms` in mobile files and amplify-meta.json), which older CLIs wrote in
 * place of the username attributes and social providers: EMAIL, PHONE_NUMBER, and PREFERRED_USERNAME or USERNAME for
 * a username. The social providers it may also list go to auth.oauth by another row (loginMechanismProviders).
 */
export const loginMechanisms: Transform = (value, ctx) => {
  if (!Array.isArray(value)) return invalid(ctx, 'a list of sign-in mechanisms', value);
  if (value.length > 0) ctx.note('OLDER_CLI_SIGN_IN_MECHANISMS', { target: ctx.target });
  const result: string[] = [];
  value.forEach((item, index) => {
    // Social providers are loginMechanismProviders' part of the list.
    if (socialProviderOf(item) !== undefined) return;
    const attribute = typeof item === 'string' ? LOGIN_MECHANISM_ATTRIBUTES[item.trim().toUpperCase()] : undefined;
    if (attribute === undefined) {
      invalid(ctx, 'EMAIL, PHONE_NUMBER, PREFERRED_USERNAME or a social provider', item, joinPointer(ctx.pointer, index));
      return;
    }
    if (!result.includes(attribute)) result.push(attribute);
  });
  if (result.includes('username') && ctx.settings.platform === 'ios') return withoutUsernameForIos(result, ctx, 'the sign-in mechanisms of an older CLI');
  if (result.includes('username')) {
    ctx.note('USERNAME_SIGN_IN', {
      message: 'The user pool signs in with a username (the sign-in mechanisms of an older CLI); written as "username".',
      target: ctx.target,
    });
  }
  return result.length > 0 ? result : undefined;
};
