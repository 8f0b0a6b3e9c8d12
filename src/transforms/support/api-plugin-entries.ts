import { parsePointer } from '../../source/json-pointer.js';
import { isPlainObject } from '../../mapping/output-tree.js';
import type { TransformContext } from '../transform-context.js';

/** The entries of the mobile `awsAPIPlugin`: GraphQL APIs (for data) and REST APIs (for custom), by name. */

/** The fields an entry may have. */
export const ENTRY_KEYS = ['endpointType', 'endpoint', 'region', 'authorizationType', 'apiKey'];

/** The API's name: the entry's key. */
export function entryName(ctx: TransformContext): string {
  return parsePointer(ctx.pointer).pop() ?? '';
}

/** Whether a value is an entry of the endpoint type given (GRAPHQL or REST; written in any case). */
export function isEntryOfType(value: unknown, type: string): value is Record<string, unknown> {
  return isPlainObject(value) && typeof value['endpointType'] === 'string' && value['endpointType'].toUpperCase() === type;
}
