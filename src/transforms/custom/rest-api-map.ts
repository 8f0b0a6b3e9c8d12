import { joinPointer } from '../../source/json-pointer.js';
import { defineKey, isPlainObject } from '../../mapping/output-tree.js';
import { invalid, reportUnknownKeys } from '../support/report-value.js';
import type { Transform } from '../transform-context.js';

/**
 * amplify-js v6 `API.REST: { <name>: { endpoint, region, service } }` becomes `custom.API` in the shape the other
 * formats give it (`{ <name>: { endpoint, region, apiName, service } }`), the documented Gen2 convention.
 */
export const restApiMap: Transform = (value, ctx) => {
  if (!isPlainObject(value)) return invalid(ctx, 'an object of REST APIs by name', value);
  const apis: Record<string, Record<string, string>> = {};
  for (const [name, api] of Object.entries(value)) {
    const pointer = joinPointer(ctx.pointer, name);
    if (!isPlainObject(api) || typeof api['endpoint'] !== 'string' || api['endpoint'] === '') {
      invalid(ctx, 'an API of the form { endpoint, region }', api, pointer);
      continue;
    }
    reportUnknownKeys(ctx, api, ['endpoint', 'region', 'service'], pointer);
    const entry: Record<string, string> = { endpoint: api['endpoint'] };
    if (typeof api['region'] === 'string' && api['region'] !== '') entry['region'] = api['region'];
    entry['apiName'] = name;
    if (typeof api['service'] === 'string') entry['service'] = api['service'];
    defineKey(apis, name, entry);
  }
  return Object.keys(apis).length > 0 ? apis : undefined;
};
