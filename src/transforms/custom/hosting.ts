import { parsePointer } from '../../source/json-pointer.js';
import { DROP_REASONS } from '../drop-reasons.js';
import type { Transform } from '../transform-context.js';

/** Transforms of hosting fields, which are not client configuration and never write. */

/**
 * The hosting fields of aws-exports.js (`aws_content_delivery_bucket`, `_bucket_region`, `_url`, ...) describe one
 * thing, the S3 and CloudFront hosting of the app: one finding, at the first of them present (in the order of
 * `fields`), names the others, which are dropped as named there. Never writes.
 */
export const hostingFields: Transform = (_value, ctx) => {
  const fields = Array.isArray(ctx.options['fields']) ? ctx.options['fields'].filter((field): field is string => typeof field === 'string') : [];
  const present = fields.filter((field) => ctx.lookup(field) !== undefined);
  // Every field of the group is reported by the finding the first one makes.
  if (present[0] !== ctx.pointer) return undefined;
  const names = present.map((field) => parsePointer(field).join('.'));
  const others = names.slice(1);
  ctx.report('HOSTING_NOT_CLIENT_CONFIG', {
    message: `${names[0]}${others.length > 0 ? ` (with ${others.join(', ')})` : ''} describes where the app is hosted (S3, CloudFront). Client libraries never read it, and amplify_outputs.json does not carry it.`,
    target: undefined,
  });
  for (const field of present.slice(1)) ctx.drop(field, DROP_REASONS.hostingNamedWithFirst);
  return undefined;
};
