import { joinPointer } from '../source/json-pointer.js';
import { DROP_REASONS } from './drop-reasons.js';
import type { Transform, TransformContext } from './transform-context.js';
import { describeValue, invalid, region, reportUnknownKeys } from './value-transforms.js';

/** Transforms for the GraphQL API (AppSync) settings. */

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
    resolution: 'Set data.default_authorization_type to the mode your API really uses (API_KEY, AWS_IAM, AMAZON_COGNITO_USER_POOLS, OPENID_CONNECT or AWS_LAMBDA).',
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

function reportMode(ctx: TransformContext, part: unknown, pointer: string): void {
  ctx.report('INVALID_VALUE', {
    pointer,
    message: part === undefined ? 'No GraphQL authorization type is given.' : `${describeValue(part)} is not a GraphQL authorization type amplify_outputs.json allows.`,
    resolution: 'Use API_KEY, AWS_IAM, AMAZON_COGNITO_USER_POOLS, OPENID_CONNECT or AWS_LAMBDA.',
    target: ctx.target,
  });
}

/**
 * An `AppSync.<api>_<MODE>` block of the mobile SDK configuration: one more authorization mode of the API when
 * its endpoint and region are the carried API's; the default mode is left out.
 */
export const appsyncModeBlock: Transform = (value, ctx) => {
  if (ctx.pointer.endsWith('/Default') || !isRecord(value)) return undefined;
  const url = ctx.output('/data/url');
  const region = ctx.output('/data/aws_region');
  if (value['ApiUrl'] !== url || (value['Region'] !== undefined && value['Region'] !== region)) {
    ctx.report('MULTIPLE_GRAPHQL_APIS', {
      message: `The AppSync block "${ctx.pointer.split('/').pop() ?? ''}" is for another GraphQL API (${describeValue(value['ApiUrl'])}) than the one carried; amplify_outputs.json holds one.`,
      resolution: 'Convert with --api <name> to carry another API, and reach the others in code.',
      target: ctx.target,
    });
    return undefined;
  }
  reportUnknownKeys(ctx, value, ['ApiUrl', 'Region', 'AuthMode', 'ApiKey', 'ClientDatabasePrefix', 'DangerouslyConnectToHTTPEndpointForTesting']);
  for (const key of ['ApiKey', 'ClientDatabasePrefix', 'DangerouslyConnectToHTTPEndpointForTesting']) {
    if (key in value) ctx.drop(`${ctx.pointer}/${key}`, DROP_REASONS.modeBlockRepeats);
  }
  const mode = toAuthType(value['AuthMode']);
  if (!mode) {
    reportMode(ctx, value['AuthMode'], `${ctx.pointer}/AuthMode`);
    return undefined;
  }
  return mode === ctx.output('/data/default_authorization_type') ? [] : [mode];
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const DEFAULT_BLOCK_FIELDS: Record<string, string> = { ApiUrl: 'url', Region: 'aws_region', AuthMode: 'default_authorization_type', ApiKey: 'api_key' };

/**
 * `AppSync.Default` of the mobile SDK configuration: the GraphQL API, when no other source named one, or the
 * same API as the one carried (its fields must then agree). A block for another endpoint is reported.
 */
export const appsyncDefaultBlock: Transform = (value, ctx) => {
  if (!isRecord(value)) return invalid(ctx, 'an object', value);
  reportUnknownKeys(ctx, value, ['ApiUrl', 'Region', 'AuthMode', 'ApiKey', 'ClientDatabasePrefix', 'DangerouslyConnectToHTTPEndpointForTesting']);
  const carried = ctx.output('/data');
  const existing = isRecord(carried) ? carried : undefined;
  if (existing && existing['url'] !== value['ApiUrl']) {
    ctx.report('MULTIPLE_GRAPHQL_APIS', {
      message: `AppSync.Default is another GraphQL API (${describeValue(value['ApiUrl'])}) than the one carried; amplify_outputs.json holds one.`,
      resolution: 'Convert with --api <name> to carry another API, and reach the others in code.',
      target: ctx.target,
    });
    return undefined;
  }
  const data: Record<string, unknown> = {};
  for (const [field, key] of Object.entries(DEFAULT_BLOCK_FIELDS)) {
    if (!(field in value)) continue;
    const pointer = `${ctx.pointer}/${field}`;
    const converted = convertDefaultField(field, value[field], ctx, pointer);
    if (converted === undefined) continue;
    if (existing && existing[key] !== undefined && existing[key] !== converted) {
      ctx.report('CONFLICTING_VALUES', {
        pointer,
        message: `AppSync.Default.${field} sets data.${key} to ${field === 'ApiKey' ? '(a secret value)' : describeValue(converted)}, but the API entry already set ${field === 'ApiKey' ? 'another' : describeValue(existing[key])}; the API entry is kept.`,
        resolution: 'Check which value is right for the deployed API and make the Gen1 file consistent.',
        target: `/data/${key}`,
      });
      continue;
    }
    data[key] = converted;
  }
  return data;
};

function convertDefaultField(field: string, value: unknown, ctx: TransformContext, pointer: string): unknown {
  if (field === 'AuthMode') return mobileAuthMode(value, ctx, pointer, 'AuthMode');
  if (typeof value !== 'string' || value.trim() === '' || (field === 'ApiKey' && (value === 'null' || value === 'undefined'))) {
    ctx.report('INVALID_VALUE', { pointer, message: `AppSync.Default.${field} is not usable (${field === 'ApiKey' ? 'not a key' : describeValue(value)}).`, resolution: 'Correct the value from the AppSync console.', target: ctx.target });
    return undefined;
  }
  if (field === 'Region') {
    return region(value, ctx.about(pointer));
  }
  return value.trim();
}
