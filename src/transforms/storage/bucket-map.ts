import { joinPointer } from '../../source/json-pointer.js';
import { isPlainObject } from '../../mapping/output-tree.js';
import { REGION_PATTERN } from '../general.js';
import { invalid } from '../support/report-value.js';
import type { Transform } from '../transform-context.js';

/**
 * amplify-js v6 `buckets: { <name>: { bucketName, region, paths } }` becomes `storage.buckets` (version 1.1):
 * `[{ name, bucket_name, aws_region }]`. The access rules (`paths`) are reported: amplify-js holds them in another
 * form than amplify_outputs.json, which the backend writes.
 */
export const bucketMap: Transform = (value, ctx) => {
  if (!isPlainObject(value)) return invalid(ctx, 'an object of buckets by name', value);
  const buckets: Record<string, string>[] = [];
  for (const [name, bucket] of Object.entries(value)) {
    const pointer = joinPointer(ctx.pointer, name);
    if (!isPlainObject(bucket) || typeof bucket['bucketName'] !== 'string' || bucket['bucketName'] === '' || typeof bucket['region'] !== 'string') {
      invalid(ctx, 'a bucket of the form { bucketName, region }', bucket, pointer);
      continue;
    }
    if (!REGION_PATTERN.test(bucket['region'])) {
      invalid(ctx, 'an AWS region such as us-east-1', bucket['region'], joinPointer(pointer, 'region'));
      continue;
    }
    for (const key of Object.keys(bucket)) {
      if (key === 'bucketName' || key === 'region') continue;
      ctx.report('UNKNOWN_FIELD', {
        pointer: joinPointer(pointer, key),
        message:
          key === 'paths'
            ? `The access rules of the bucket "${name}" are not carried: amplify_outputs.json holds them in the form the Gen2 backend writes.`
            : `"${key}" is not a field of a bucket that amplify_outputs.json can carry.`,
        resolution:
          key === 'paths'
            ? 'Define the access rules in the Gen2 backend (defineStorage access); the generated amplify_outputs.json then holds them.'
            : 'Remove it, or carry it yourself (for example in custom) if your code reads it.',
        target: ctx.target,
      });
    }
    buckets.push({ name, bucket_name: bucket['bucketName'], aws_region: bucket['region'] });
  }
  return buckets.length > 0 ? buckets : undefined;
};
