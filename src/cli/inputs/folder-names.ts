import { readdirSync, type Dirent } from 'node:fs';
import { statIfAny } from '../../project/path-kind.js';

/**
 * Listings kept for a run, in two generations: when the newer one is full, it becomes the older one and the oldest
 * are let go. A listing asked for again moves to the newer one, so the parent folder that every app of a run asks
 * about stays, while each app's own folder is asked about only while that app runs.
 */
let newer = new Map<string, ReadonlySet<string>>();
let older = new Map<string, ReadonlySet<string>>();
const GENERATION_SIZE = 1_000;

/** Forgets every listing: a run starts with none (the files may have changed since the last run in this process). */
export function forgetListings(): void {
  newer = new Map();
  older = new Map();
}

/**
 * The names in a folder (none when it cannot be listed), listed once per run: a run writes only
 * amplify_outputs.json files, and never asks this about them. One listing answers, for a dozen usual places, which
 * are worth asking about: cheaper than asking about each.
 */
export function namesIn(directory: string): ReadonlySet<string> {
  let names = newer.get(directory);
  if (names) return names;
  names = older.get(directory);
  if (!names) {
    try {
      names = new Set(readdirSync(directory));
    } catch {
      names = new Set();
    }
  }
  if (newer.size >= GENERATION_SIZE) {
    older = newer;
    newer = new Map();
  }
  newer.set(directory, names);
  return names;
}

/**
 * The usual places below a folder (relative paths) worth asking about: those whose first folder or file its listing
 * shows. One listing instead of a look-up for each place.
 */
export function listedPlaces(root: string, places: readonly string[]): string[] {
  const names = namesIn(root);
  return places.filter((place) => {
    const slash = place.indexOf('/');
    return names.has(slash < 0 ? place : place.slice(0, slash));
  });
}

/** A folder's entries sorted by name (as `Array.prototype.sort` orders strings), or undefined when it cannot be listed. */
export function sortedEntries(directory: string): Dirent[] | undefined {
  try {
    return readdirSync(directory, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch {
    return undefined;
  }
}

/**
 * What an entry of a listing names: the listing tells folders from files, and only a symbolic link costs a look-up
 * (to see what it names). Undefined for a broken link.
 */
export function entryKind(entry: Dirent, full: string): 'folder' | 'other' | undefined {
  if (!entry.isSymbolicLink()) return entry.isDirectory() ? 'folder' : 'other';
  const linked = statIfAny(full);
  return linked === undefined ? undefined : linked.isDirectory() ? 'folder' : 'other';
}
