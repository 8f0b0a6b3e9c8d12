import type { Platform } from '../platforms.js';

/**
 * A text said in each platform's own terms: `web` (amplify-js, the default) and, where a platform's library does it
 * otherwise, `ios` (amplify-swift), `android` (amplify-android) and `flutter` (amplify_flutter). A platform without an
 * entry of its own gets the `web` text.
 */
export interface PlatformTexts {
  /** amplify-js; also the text of any platform that has none of its own. */
  readonly web: string;
  /** amplify-swift. */
  readonly ios?: string;
  /** amplify-android. */
  readonly android?: string;
  /** amplify_flutter. */
  readonly flutter?: string;
}

/** A resolution: one text for every platform, or a text by platform. */
export type PlatformText = string | PlatformTexts;

/** The text for a platform (`web` when the platform is not known or has no text of its own). */
export function textFor(text: PlatformText, platform: Platform | undefined): string {
  if (typeof text === 'string') return text;
  return (platform !== undefined ? text[platform] : undefined) ?? text.web;
}

/** The same text with every platform's variant changed by `change` (to fill in a value, say). */
export function mapPlatformText(text: PlatformText, change: (text: string) => string): PlatformText {
  if (typeof text === 'string') return change(text);
  const changed: { -readonly [P in keyof PlatformTexts]: string } = { web: change(text.web) };
  for (const platform of ['ios', 'android', 'flutter'] as const) {
    const variant = text[platform];
    if (variant !== undefined) changed[platform] = change(variant);
  }
  return changed;
}
