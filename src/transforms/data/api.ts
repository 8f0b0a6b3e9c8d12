import { isSecretField } from '../../secrets.js';
import { joinPointer } from '../../source/json-pointer.js';
import { isPlainObject } from '../../mapping/output-tree.js';
import { DROP_REASONS } from '../drop-reasons.js';
import { region } from '../general.js';
import { ENTRY_KEYS, entryName, isEntryOfType } from '../support/api-plugin-entries.js';
import { describeValue, invalid, reportUnknownKeys } from '../support/report-value.js';
import type { Transform, TransformContext } from '../transform-context.js';
import { mobileAuthMode, reportMode, toAuthType } from './auth-modes.js';
import { noteLocalEndpoint } from './local-endpoint.js';

/** Transforms for data: the GraphQL API of the mobile files (an awsAPIPlugin entry, the AppSync blocks). */

/**
 * The GraphQL API names of the plugin, in order, and the one to carry (named by --api, or the first): worked out once
 * per conversion, not once per API.
 */
function graphqlApis(ctx: TransformContext): { names: string[]; chosen: string | undefined } {
  const pointer = String(ctx.options['plugin']);
  return ctx.once(`GraphQL APIs: ${pointer}`, () => {
    const plugin = ctx.lookup(pointer);
    const names = isPlainObject(plugin) ? Object.keys(plugin).filter((name) => isEntryOfType(plugin[name], 'GRAPHQL')) : [];
    const wanted = ctx.settings.api;
    return { names, chosen: wanted !== undefined && names.includes(wanted) ? wanted : names[0] };
  });
}

/** Names for a message: all of a few, else the first ones and how many more (a message per API must not list thousands). */
function someNames(names: readonly string[], shown = 10): string {
  return names.length <= shown ? names.join(', ') : `${names.slice(0, shown).join(', ')} and ${names.length - shown} more`;
}

/**
 * A GraphQL entry becomes `data` when it is the API to carry (named by --api, or the first); every other GraphQL
 * entry is reported, since amplify_outputs.json holds one.
 */
export const graphqlApi: Transform = (value, ctx) => {
  if (!isEntryOfType(value, 'GRAPHQL')) return undefined;
  const name = entryName(ctx);
  const { names, chosen } = graphqlApis(ctx);
  if (name !== chosen) {
    ctx.report('MULTIPLE_GRAPHQL_APIS', {
      message: `The input has ${names.length} GraphQL APIs (${someNames(names)}); amplify_outputs.json holds one, so "${chosen}" was carried and "${name}" is left out.`,
      resolution: `Convert with --api "${name}" to carry this one instead, and reach the others in code (generateClient with their endpoint).`,
      target: ctx.target,
    });
    return undefined;
  }
  reportUnknownKeys(ctx, value, ENTRY_KEYS);
  ctx.drop(joinPointer(ctx.pointer, 'endpointType'), DROP_REASONS.endpointType);
  if (typeof value['endpoint'] !== 'string' || value['endpoint'] === '')
    return invalid(ctx, 'an endpoint URL', value['endpoint'], joinPointer(ctx.pointer, 'endpoint'));
  noteLocalEndpoint(ctx, value['endpoint'], joinPointer(ctx.pointer, 'endpoint'));
  const data: Record<string, unknown> = { url: value['endpoint'] };
  if (typeof value['region'] === 'string' && value['region'] !== '') data['aws_region'] = value['region'];
  data['default_authorization_type'] = mobileAuthMode(value['authorizationType'], ctx, joinPointer(ctx.pointer, 'authorizationType'), 'authorizationType');
  if (typeof value['apiKey'] === 'string' && value['apiKey'] !== '' && value['apiKey'] !== 'null') data['api_key'] = value['apiKey'];
  else if ('apiKey' in value) invalid(ctx, 'an API key', '(not a key)', joinPointer(ctx.pointer, 'apiKey'));
  return data;
};

/**
 * An `AppSync.<api>_<MODE>` block of the mobile SDK configuration: one more authorization mode of the API when
 * its endpoint and region are the carried API's; the default mode is left out.
 */
export const appsyncModeBlock: Transform = (value, ctx) => {
  if (ctx.pointer.endsWith('/Default') || !isPlainObject(value)) return undefined;
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

/**
 * The API key of an `AppSync.<api>_API_KEY` block: the key of an API whose default mode is another one, which the
 * CLI writes only there (AppSync.Default has a key only when API_KEY is the default mode). It becomes data.api_key
 * when the block is for the carried API; the block itself adds API_KEY to data.authorization_types.
 */
export const appsyncModeApiKey: Transform = (value, ctx) => {
  const blockPointer = ctx.pointer.slice(0, ctx.pointer.lastIndexOf('/'));
  if (blockPointer.endsWith('/Default')) return undefined;
  const block = ctx.lookupAbsolute(blockPointer);
  if (!isPlainObject(block) || toAuthType(block['AuthMode']) !== 'API_KEY' || block['ApiUrl'] !== ctx.output('/data/url')) return undefined;
  if (typeof value !== 'string' || value.trim() === '' || value === 'null' || value === 'undefined') return invalid(ctx, 'an API key', '(not a key)');
  return value.trim();
};

const DEFAULT_BLOCK_FIELDS: Record<string, string> = { ApiUrl: 'url', Region: 'aws_region', AuthMode: 'default_authorization_type', ApiKey: 'api_key' };

/**
 * `AppSync.Default` of the mobile SDK configuration: the GraphQL API, when no other source named one, or the
 * same API as the one carried (its fields must then agree). A block for another endpoint is reported.
 */
export const appsyncDefaultBlock: Transform = (value, ctx) => {
  if (!isPlainObject(value)) return invalid(ctx, 'an object', value);
  reportUnknownKeys(ctx, value, ['ApiUrl', 'Region', 'AuthMode', 'ApiKey', 'ClientDatabasePrefix', 'DangerouslyConnectToHTTPEndpointForTesting']);
  const carried = ctx.output('/data');
  const existing = isPlainObject(carried) ? carried : undefined;
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
        message: `AppSync.Default.${field} sets data.${key} to ${isSecretField(field) ? '(a secret value)' : describeValue(converted)}, but the API entry already set ${isSecretField(field) ? 'another' : describeValue(existing[key])}; the API entry is kept.`,
        resolution: 'Check which value is right for the deployed API and make the Gen1 file consistent.',
        target: `/data/${key}`,
      });
      continue;
    }
    if (field === 'ApiUrl' && !existing) noteLocalEndpoint(ctx, converted, pointer);
    data[key] = converted;
  }
  return data;
};

function convertDefaultField(field: string, value: unknown, ctx: TransformContext, pointer: string): unknown {
  if (field === 'AuthMode') return mobileAuthMode(value, ctx, pointer, 'AuthMode');
  if (typeof value !== 'string' || value.trim() === '' || (isSecretField(field) && (value === 'null' || value === 'undefined'))) {
    ctx.report('INVALID_VALUE', {
      pointer,
      message: `AppSync.Default.${field} is not usable (${isSecretField(field) ? 'not a key' : describeValue(value)}).`,
      resolution: 'Correct the value from the AppSync console.',
      target: ctx.target,
    });
    return undefined;
  }
  if (field === 'Region') {
    return region(value, ctx.about(pointer));
  }
  return value.trim();
}
