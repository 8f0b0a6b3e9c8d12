/** The app platforms amplify_outputs.json is written for. */
export const PLATFORMS = ['web', 'ios', 'android', 'flutter'] as const;

export type Platform = (typeof PLATFORMS)[number];

export function isPlatform(value: unknown): value is Platform {
  return typeof value === 'string' && (PLATFORMS as readonly string[]).includes(value);
}
