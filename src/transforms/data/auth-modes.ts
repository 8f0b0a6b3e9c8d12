import { formatPointer, joinPointer, parsePointer } from '../../source/json-pointer.js';
import { isPlainObject } from '../../mapping/output-tree.js';
import { DROP_REASONS } from '../drop-reasons.js';
import { describeValue, invalid } from '../support/report-value.js';
import type { Transform, TransformContext } from '../transform-context.js';

/** Transforms for data: the GraphQL API's default authorization mode and its additional ones. */

const AUTH_TYPES: Record<string, string> = {
  API_KEY: 'API_KEY',
  AWS_IAM: 'AWS_IAM',
  AMAZON_COGNITO_USER_POOLS: 'AMAZON_COGNITO_USER_POOLS',
  OPENID_CONNECT: 'OPENID_CONNECT',
  AWS_LAMBDA: 'AWS_LAMBDA',
  // An erroneous spelling that amplify-js v6 accepts.
  LAMBDA: 'AWS_LAMBDA',
};

export function toAuthType(value: unknown): string | undefined {
  return typeof value === 'string' ? AUTH_TYPES[value.trim().toUpperCase()] : undefined;
}

/** The default authorization mode; an unknown mode falls back to AWS_IAM, as the Gen1 libraries did. */
export const appsyncAuthType: Transform = (value, ctx) => {
  const mode = toAuthType(value);
  if (mode) return mode;
  ctx.note('AUTH_MODE_FALLBACK', {
    message: `The GraphQL authorization type ${describeValue(value)} is not one amplify_outputs.json allows; AWS_IAM was written, as the Gen1 libraries fell back to it.`,
    resolution:
      'Set data.default_authorization_type to the mode your API really uses (API_KEY, AWS_IAM, AMAZON_COGNITO_USER_POOLS, OPENID_CONNECT or AWS_LAMBDA).',
    target: ctx.target,
  });
  return 'AWS_IAM';
};

/**
 * The default mode of a mobile file's API entry or AppSync block (`field` at `pointer`). One that names no mode
 * (absent or empty: what the Gen1 generators write for an API of the oldest CLIs, which recorded none) gets AWS_IAM
 * with the notice the other formats give; an unknown one falls back to AWS_IAM with a warning.
 */
export function mobileAuthMode(value: unknown, ctx: TransformContext, pointer: string, field: string): string {
  const mode = toAuthType(value);
  if (mode) return mode;
  if (value === undefined || value === '') {
    ctx.note('DEFAULT_APPLIED', {
      pointer: value === undefined ? ctx.pointer : pointer,
      message: `The GraphQL API names no authorization type (${field} is ${value === undefined ? 'absent' : 'empty'}); AWS_IAM was written, as the Gen1 libraries fell back to it.`,
      resolution: 'Check that AWS_IAM is the mode your API uses, and set data.default_authorization_type if not.',
      target: '/data/default_authorization_type',
    });
  } else {
    ctx.note('AUTH_MODE_FALLBACK', {
      pointer,
      message: `The GraphQL authorization type ${describeValue(value)} is not one amplify_outputs.json allows; AWS_IAM was written.`,
      resolution: 'Set data.default_authorization_type to the mode your API really uses.',
      target: '/data/default_authorization_type',
    });
  }
  return 'AWS_IAM';
}

/** Additional modes (a comma-joined string or a list), without the default mode. */
export const additionalAuthTypes: Transform = (value, ctx) => {
  const parts = typeof value === 'string' ? value.split(',') : Array.isArray(value) ? value : undefined;
  if (!parts) return invalid(ctx, 'a comma-separated list of authorization types', value);
  const defaultMode = toAuthType(ctx.lookup(String(ctx.options['defaultSource'])));
  const result: string[] = [];
  parts.forEach((part, index) => {
    if (part === undefined || (typeof part === 'string' && part.trim() === '')) return;
    const mode = toAuthType(part);
    if (!mode) {
      reportMode(ctx, part, typeof value === 'string' ? ctx.pointer : joinPointer(ctx.pointer, index));
      return;
    }
    if (mode !== defaultMode && !result.includes(mode)) result.push(mode);
  });
  return result;
};

export function reportMode(ctx: TransformContext, part: unknown, pointer: string): void {
  ctx.report('INVALID_VALUE', {
    pointer,
    message:
      part === undefined
        ? 'No GraphQL authorization type is given.'
        : `${describeValue(part)} is not a GraphQL authorization type amplify_outputs.json allows.`,
    resolution: 'Use API_KEY, AWS_IAM, AMAZON_COGNITO_USER_POOLS, OPENID_CONNECT or AWS_LAMBDA.',
    target: ctx.target,
  });
}

/**
 * `authConfig.additionalAuthenticationProviders[].authenticationType`, without the default mode. Older CLIs recorded
 * the additional modes as `output.additionalAuthenticationProviders`, a list of mode names beside `securityType`.
 */
export const metaAdditionalModes: Transform = (value, ctx) => {
  // Older CLIs record null for "no additional modes".
  if (value === null) return [];
  if (!Array.isArray(value)) return invalid(ctx, 'a list of authentication providers', value);
  const output = formatPointer(parsePointer(ctx.pointer).slice(0, 3));
  const main = toAuthType(ctx.lookup(`${output}/authConfig/defaultAuthentication/authenticationType`) ?? ctx.lookup(`${output}/securityType`));
  const modes: string[] = [];
  value.forEach((provider, index) => {
    if (typeof provider === 'string') {
      const mode = toAuthType(provider);
      if (!mode) reportMode(ctx, provider, joinPointer(ctx.pointer, index));
      else if (mode !== main && !modes.includes(mode)) modes.push(mode);
      return;
    }
    const type = isPlainObject(provider) ? provider['authenticationType'] : undefined;
    const mode = type === 'LAMBDA' ? 'AWS_LAMBDA' : type;
    if (typeof mode !== 'string' || !['API_KEY', 'AWS_IAM', 'AMAZON_COGNITO_USER_POOLS', 'OPENID_CONNECT', 'AWS_LAMBDA'].includes(mode)) {
      invalid(ctx, 'a GraphQL authorization type', type, joinPointer(joinPointer(ctx.pointer, index), 'authenticationType'));
      return;
    }
    for (const key of Object.keys(provider as object)) {
      if (key !== 'authenticationType') ctx.drop(joinPointer(joinPointer(ctx.pointer, index), key), DROP_REASONS.serverAuthSettings);
    }
    if (mode !== main && !modes.includes(mode)) modes.push(mode);
  });
  return modes;
};
