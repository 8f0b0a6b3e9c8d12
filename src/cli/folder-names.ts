import { readdirSync } from 'node:fs';

/** Listings kept for a run; a run over thousands of apps asks about the same parent folders for each. */
const listings = new Map<string, ReadonlySet<string>>();
const MAX_LISTINGS = 2_000;

/**
 * The names in a folder (none when it cannot be listed), listed once per run: a run writes only
 * amplify_outputs.json files, and never asks this about them. One listing answers, for a dozen usual places, which
 * are worth asking about: cheaper than asking about each.
 */
export function namesIn(directory: string): ReadonlySet<string> {
  let names = listings.get(directory);
  if (!names) {
    try {
      names = new Set(readdirSync(directory));
    } catch {
      names = new Set();
    }
    if (listings.size >= MAX_LISTINGS) listings.clear();
    listings.set(directory, names);
  }
  return names;
}
