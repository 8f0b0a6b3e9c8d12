import { joinPointer } from '../source/json-pointer.js';
import { cloneJson, defineKey, isPlainObject } from '../mapping/output-tree.js';
import { DROP_REASONS } from './drop-reasons.js';
import type { Transform } from './transform-context.js';
import { invalid, reportUnknownKeys } from './value-transforms.js';

/** Transforms for categories that go to `custom` by the documented Gen2 conventions. */

/**
 * `aws_cloud_logic_custom: [{ name, endpoint, region, service? }]` becomes
 * `custom.API: { <name>: { endpoint, region, apiName, service? } }`, the shape Gen2 backends write with
 * `backend.addOutput` and that `Amplify.configure({ ...outputs, API: { REST: outputs.custom.API } })` reads.
 */
export const restApis: Transform = (value, ctx) => {
  if (!Array.isArray(value)) return invalid(ctx, 'a list of REST APIs', value);
  const apis: Record<string, Record<string, string>> = {};
  const projectRegion = ctx.lookup(String(ctx.options['regionFallback'] ?? ''));
  value.forEach((api, index) => {
    const pointer = joinPointer(ctx.pointer, index);
    if (api === undefined) return;
    if (!isPlainObject(api) || typeof api['name'] !== 'string' || typeof api['endpoint'] !== 'string' || api['name'] === '' || api['endpoint'] === '') {
      invalid(ctx, 'an API entry with a "name" and an "endpoint"', api, pointer);
      return;
    }
    reportUnknownKeys(ctx, api, ['name', 'endpoint', 'region', 'service', 'id', 'description', 'paths'], pointer);
    for (const key of ['id', 'description', 'paths']) {
      if (key in api) ctx.drop(joinPointer(pointer, key), DROP_REASONS.mobileHubApiDetails);
    }
    const entry: Record<string, string> = { endpoint: api['endpoint'] };
    const region = typeof api['region'] === 'string' && api['region'] !== '' ? api['region'] : typeof projectRegion === 'string' ? projectRegion : undefined;
    if (region) entry['region'] = region;
    entry['apiName'] = api['name'];
    if (typeof api['service'] === 'string') entry['service'] = api['service'];
    if (Object.prototype.hasOwnProperty.call(apis, api['name'])) {
      ctx.report('CONFLICTING_VALUES', { pointer, message: `A second REST API is named "${api['name']}"; the first one is kept.`, resolution: 'Give each REST API its own name.' });
      return;
    }
    defineKey(apis, api['name'], entry);
  });
  return Object.keys(apis).length > 0 ? apis : undefined;
};

/**
 * `predictions` becomes `custom.Predictions`, in the shape amplify-js v6 reads (the speech generator's `VoiceId`
 * renamed to `voiceId`, as the v6 Gen1 parser does).
 */
export const predictions: Transform = (value, ctx) => {
  if (!isPlainObject(value)) return invalid(ctx, 'an object', value);
  const result = cloneJson(value);
  const convert = result['convert'];
  const speech = isPlainObject(convert) ? convert['speechGenerator'] : undefined;
  const defaults = isPlainObject(speech) ? speech['defaults'] : undefined;
  if (isPlainObject(speech) && isPlainObject(defaults) && typeof defaults['VoiceId'] === 'string') {
    const defaultsPointer = `${ctx.pointer}/convert/speechGenerator/defaults`;
    for (const key of Object.keys(defaults)) {
      if (key !== 'VoiceId') ctx.drop(joinPointer(defaultsPointer, key), DROP_REASONS.speechDefaults);
    }
    speech['defaults'] = { voiceId: defaults['VoiceId'] };
  }
  return result;
};
