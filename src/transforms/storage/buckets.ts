import { isPlainObject } from '../../mapping/output-tree.js';
import { projectRegion, resourceName } from '../support/meta-resources.js';
import { invalid } from '../support/report-value.js';
import type { Transform } from '../transform-context.js';

/** Transforms for storage. */

/** Every pushed S3 bucket, as `storage.buckets` (version 1.1), when there is more than one. */
export const metaBuckets: Transform = (value, ctx) => {
  const deployedBuckets = ctx.once('deployed S3 buckets', () => {
    const storage = ctx.lookup('/storage');
    return isPlainObject(storage)
      ? Object.values(storage).filter(
          (resource) =>
            isPlainObject(resource) && resource['service'] === 'S3' && isPlainObject(resource['output']) && resource['lastPushTimeStamp'] !== undefined,
        ).length
      : 0;
  });
  if (deployedBuckets < 2) return undefined;
  const output = isPlainObject(value) ? value['output'] : undefined;
  if (!isPlainObject(output) || typeof output['BucketName'] !== 'string') return invalid(ctx, 'a bucket with a BucketName output', value);
  const region = typeof output['Region'] === 'string' ? output['Region'] : projectRegion(ctx);
  if (!region) return invalid(ctx, 'a bucket region', output['Region']);
  return [{ name: resourceName(ctx.pointer), bucket_name: output['BucketName'], aws_region: region }];
};
