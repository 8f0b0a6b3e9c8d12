import { isPlainObject } from '../../mapping/output-tree.js';
import { parsePointer } from '../../source/json-pointer.js';
import { DROP_REASONS } from '../drop-reasons.js';
import { describeValue } from '../support/report-value.js';
import type { Transform, TransformContext } from '../transform-context.js';

/**
 * Transforms of fields that belong together and have no home in amplify_outputs.json: one finding for the group, at
 * its first field present, names the others, which are dropped as named there. They never write.
 */

/** The fields of the row's `fields` option that the input has, when this row's field is the first of them. */
function groupLedBy(ctx: TransformContext): string[] | undefined {
  const fields = Array.isArray(ctx.options['fields']) ? ctx.options['fields'].filter((field): field is string => typeof field === 'string') : [];
  const present = fields.filter((field) => ctx.lookup(field) !== undefined);
  return present[0] === ctx.pointer ? present : undefined;
}

const nameOf = (pointer: string): string => parsePointer(pointer).join('.');

/**
 * The hosting fields of aws-exports.js (`aws_content_delivery_bucket`, `_bucket_region`, `_url`, ...) describe one
 * thing, the S3 and CloudFront hosting of the app: one HOSTING_NOT_CLIENT_CONFIG.
 */
export const hostingFields: Transform = (_value, ctx) => {
  const present = groupLedBy(ctx);
  if (!present) return undefined;
  const others = present.slice(1).map(nameOf);
  ctx.report('HOSTING_NOT_CLIENT_CONFIG', {
    message: `${nameOf(present[0]!)}${others.length > 0 ? ` (with ${others.join(', ')})` : ''} describes where the app is hosted (S3, CloudFront). Client libraries never read it, and amplify_outputs.json does not carry it.`,
    target: undefined,
  });
  for (const field of present.slice(1)) ctx.drop(field, DROP_REASONS.namedWithFirstOfGroup);
  return undefined;
};

/** Field names for a message, the first ones of many. Values are not shown: a plugin's outputs may hold stream keys. */
function someNames(names: readonly string[], shown = 10): string {
  return names.length > shown ? `${names.slice(0, shown).join(', ')} and ${names.length - shown} more` : names.join(', ');
}

const KEEP_IN_CUSTOM =
  'If the app reads these values, keep them in amplify_outputs.json under custom (in a Gen2 backend: backend.addOutput({ custom: { ... } })) and read them from there; otherwise remove them.';

/**
 * The fields a third-party CLI plugin writes into a file of its own shaped like aws-exports.js (amplify-category-video's
 * aws-video-exports.js: awsInputVideo, awsOutputVideo): one UNKNOWN_FIELD for the plugin, naming the values.
 */
export const pluginFields: Transform = (_value, ctx) => {
  const present = groupLedBy(ctx);
  if (!present) return undefined;
  const plugin = String(ctx.options['plugin']);
  ctx.report('UNKNOWN_FIELD', {
    message: `${present.map(nameOf).join(' and ')} ${present.length === 1 ? 'is' : 'are'} written by the third-party CLI plugin ${plugin}, not by the Amplify CLI; amplify_outputs.json has no place for them.`,
    resolution: KEEP_IN_CUSTOM,
    target: undefined,
  });
  for (const field of present.slice(1)) ctx.drop(field, DROP_REASONS.namedWithFirstOfGroup);
  return undefined;
};

/**
 * A category of amplify-meta.json that no Amplify CLI category writes, added by a third-party CLI plugin (such as
 * `video` from amplify-category-video): one UNKNOWN_FIELD for the category, naming the outputs of its deployed
 * resources, which the app may need to keep in custom. Resources never pushed are reported on their own.
 */
export const pluginCategory: Transform = (value, ctx) => {
  if (!isPlainObject(value)) return undefined;
  const category = nameOf(ctx.pointer);
  const outputs: string[] = [];
  for (const [name, resource] of Object.entries(value)) {
    const output = isPlainObject(resource) ? resource['output'] : undefined;
    if (!isPlainObject(resource) || resource['lastPushTimeStamp'] === undefined || !isPlainObject(output)) continue;
    for (const key of Object.keys(output)) outputs.push(`${name}.${key}`);
  }
  const service = Object.values(value).find((resource) => isPlainObject(resource) && typeof resource['service'] === 'string');
  ctx.report('UNKNOWN_FIELD', {
    message: `"${category}" is not a category of the Amplify CLI but of a third-party CLI plugin${isPlainObject(service) ? ` (service ${describeValue(service['service'])})` : ''}; amplify_outputs.json has no place for it, and Gen1 client files never held it.${outputs.length > 0 ? ` The outputs the app may read: ${someNames(outputs)}.` : ''}`,
    resolution: KEEP_IN_CUSTOM,
    target: undefined,
  });
  return undefined;
};
