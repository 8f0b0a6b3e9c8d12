import { getAt } from '../mapping/output-tree.js';

/**
 * Fields that name the deployed backend: two Gen1 sources of one app must agree on them. (App client ids differ on
 * purpose between web and mobile files, and are left out.)
 */
export const BACKEND_IDENTITY_FIELDS = [
  '/auth/user_pool_id',
  '/auth/identity_pool_id',
  '/auth/aws_region',
  '/data/url',
  '/data/aws_region',
  '/storage/bucket_name',
  '/storage/aws_region',
  '/analytics/amazon_pinpoint/app_id',
  '/notifications/amazon_pinpoint_app_id',
  '/geo/aws_region',
] as const;

export interface SourceDisagreement {
  pointer: string;
  left: unknown;
  right: unknown;
}

/** The backend fields both conversions carry and give different values for. */
export function compareSources(left: Record<string, unknown>, right: Record<string, unknown>): SourceDisagreement[] {
  const disagreements: SourceDisagreement[] = [];
  for (const pointer of BACKEND_IDENTITY_FIELDS) {
    const a = getAt(left, pointer);
    const b = getAt(right, pointer);
    if (a !== undefined && b !== undefined && JSON.stringify(a) !== JSON.stringify(b)) disagreements.push({ pointer, left: a, right: b });
  }
  return disagreements;
}
