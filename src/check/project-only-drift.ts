import { ASSUMPTIONS, PROJECT_FIELDS, SECTIONS_ADDED_WHOLE } from '../app/add-from-project.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';

/** A field by field difference, as compareOutputs gives it (values as JSON text). */
export interface Change {
  pointer: string;
  committed?: string;
  converted?: string;
}

/**
 * The targets a client file's conversion could only assume (guest access, the push channels, an app client with a
 * secret), by its findings.
 */
export function assumedTargets(diagnostics: readonly Diagnostic[]): Set<string> {
  const assumed = new Set<string>();
  for (const diagnostic of diagnostics) {
    const target = (ASSUMPTIONS as Record<string, string>)[diagnostic.code];
    if (target !== undefined) assumed.add(target);
  }
  return assumed;
}

/**
 * Whether a difference is one only the app's Gen1 project folder could settle, when it is not at hand (its
 * amplify-meta.json is in the Gen1 CLI's .gitignore, so a checkout seldom has it): a field the project adds where
 * the client file says nothing, a list the project lengthens (the committed one holding every converted entry), or
 * a value the conversion could only assume.
 */
export function onlyTheProjectKnows(change: Change, assumed: ReadonlySet<string>): boolean {
  const within = (field: string): boolean => change.pointer === field || change.pointer.startsWith(`${field}/`);
  if ([...assumed].some(within)) return true;
  if (change.converted === undefined && [...PROJECT_FIELDS.added, ...SECTIONS_ADDED_WHOLE].some(within)) return true;
  if (PROJECT_FIELDS.lengthened.some(within) && change.committed !== undefined) {
    const committed = parseList(change.committed);
    const converted = change.converted === undefined ? [] : parseList(change.converted);
    if (committed === undefined || converted === undefined) return false;
    const held = new Set(committed.map((value) => JSON.stringify(value)));
    return converted.every((value) => held.has(JSON.stringify(value)));
  }
  return false;
}

function parseList(text: string): unknown[] | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value : undefined;
  } catch {
    return undefined;
  }
}
