import { joinPointer, parsePointer } from '../source/json-pointer.js';
import { defineKey, isPlainObject } from '../mapping/output-tree.js';
import { mobileAuthMode } from './data-transforms.js';
import { DROP_REASONS } from './drop-reasons.js';
import type { Transform, TransformContext } from './transform-context.js';
import { describeValue, invalid, reportUnknownKeys } from './value-transforms.js';

/** Transforms for the entries of the mobile `awsAPIPlugin` (GraphQL and REST APIs by name). */

const ENTRY_KEYS = ['endpointType', 'endpoint', 'region', 'authorizationType', 'apiKey'];

function entryName(ctx: TransformContext): string {
  return parsePointer(ctx.pointer).pop() ?? '';
}

function isType(value: unknown, type: string): value is Record<string, unknown> {
  return isPlainObject(value) && typeof value['endpointType'] === 'string' && value['endpointType'].toUpperCase() === type;
}

/**
 * The GraphQL API names of the plugin, in order, and the one to carry (named by --api, or the first): worked out once
 * per conversion, not once per API.
 */
function graphqlApis(ctx: TransformContext): { names: string[]; chosen: string | undefined } {
  const pointer = String(ctx.options['plugin']);
  return ctx.once(`GraphQL APIs: ${pointer}`, () => {
    const plugin = ctx.lookup(pointer);
    const names = isPlainObject(plugin) ? Object.keys(plugin).filter((name) => isType(plugin[name], 'GRAPHQL')) : [];
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
  if (!isType(value, 'GRAPHQL')) return undefined;
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
  if (typeof value['endpoint'] !== 'string' || value['endpoint'] === '') return invalid(ctx, 'an endpoint URL', value['endpoint'], joinPointer(ctx.pointer, 'endpoint'));
  const data: Record<string, unknown> = { url: value['endpoint'] };
  if (typeof value['region'] === 'string' && value['region'] !== '') data['aws_region'] = value['region'];
  data['default_authorization_type'] = mobileAuthMode(value['authorizationType'], ctx, joinPointer(ctx.pointer, 'authorizationType'), 'authorizationType');
  if (typeof value['apiKey'] === 'string' && value['apiKey'] !== '' && value['apiKey'] !== 'null') data['api_key'] = value['apiKey'];
  else if ('apiKey' in value) invalid(ctx, 'an API key', '(not a key)', joinPointer(ctx.pointer, 'apiKey'));
  return data;
};

/** A REST entry becomes `custom.API.<name>` by the documented Gen2 convention. */
export const restApi: Transform = (value, ctx) => {
  if (!isType(value, 'REST')) return undefined;
  const name = entryName(ctx);
  reportUnknownKeys(ctx, value, ENTRY_KEYS);
  ctx.drop(joinPointer(ctx.pointer, 'endpointType'), DROP_REASONS.endpointType);
  if (typeof value['endpoint'] !== 'string' || value['endpoint'] === '') return invalid(ctx, 'an endpoint URL', value['endpoint'], joinPointer(ctx.pointer, 'endpoint'));
  const entry: Record<string, string> = { endpoint: value['endpoint'] };
  if (typeof value['region'] === 'string' && value['region'] !== '') entry['region'] = value['region'];
  entry['apiName'] = name;
  if ('authorizationType' in value) {
    ctx.report('REST_AUTHORIZATION', {
      pointer: joinPointer(ctx.pointer, 'authorizationType'),
      message: `The REST API "${name}" is authorized with ${describeValue(value['authorizationType'])}; custom.API has no field for it.`,
      resolution:
        value['authorizationType'] === 'AMAZON_COGNITO_USER_POOLS'
          ? 'Pass the user pool token yourself: headers: { Authorization: (await fetchAuthSession()).tokens?.idToken?.toString() }.'
          : 'No action is needed for IAM: amplify-js signs REST requests with the identity pool credentials.',
    });
  }
  if ('apiKey' in value) ctx.report('REST_AUTHORIZATION', { pointer: joinPointer(ctx.pointer, 'apiKey'), message: `The REST API "${name}" has an API key; custom.API has no field for it.`, resolution: 'Send the key as an x-api-key header in code.' });
  const api: Record<string, Record<string, string>> = {};
  defineKey(api, name, entry);
  return api;
};
