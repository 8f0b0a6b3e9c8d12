import { parsePointer } from '../../source/json-pointer.js';
import type { TransformContext } from '../transform-context.js';

/** What transforms of amplify-meta.json resources read about a resource and its project. */

/** The name of the resource a pointer is in (its second token: /<category>/<resource>/...). */
export function resourceName(pointer: string): string {
  return parsePointer(pointer)[1] ?? '';
}

/** The region of the project's deployment, which resources that name none are in. */
export function projectRegion(ctx: TransformContext): string | undefined {
  const region = ctx.lookup('/providers/awscloudformation/Region');
  return typeof region === 'string' ? region : undefined;
}
