import { holdsSecret, isSecretField } from '../secrets.js';
import { toPlainValue } from '../source/source-node.js';
import type { OutputsVersion } from '../outputs/versions.js';
import type { SourceMatch } from './match-source.js';
import type { MappingRun } from './mapping-run.js';
import { cloneJson, deepEqual, isPlainObject, setAt, type JsonObject } from './output-tree.js';
import type { MapRow } from './table-types.js';

/** What writing a value did: a new value, the same one again, one merged with an earlier value, or nothing. */
export type WriteOutcome = 'new' | 'repeated' | 'merged' | 'conflict';

/**
 * Writes a row's value at its target, merged with a value already there as the row says; a different plain value
 * already there stays, and the conflict is reported (the field counts as reported by it).
 */
export function writeOutput(run: MappingRun, category: string, row: MapRow, match: SourceMatch, value: unknown, minVersion: OutputsVersion): WriteOutcome {
  const { written } = run;
  const existing = written.at(row.target);
  let next = cloneJson(value);
  let outcome: WriteOutcome = 'new';
  if (existing !== undefined) {
    outcome = deepEqual(existing, next) ? 'repeated' : 'merged';
    if (row.merge === 'union' && Array.isArray(existing) && Array.isArray(next)) {
      next = union(existing, next);
    } else if (row.merge === 'object' && isPlainObject(existing) && isPlainObject(next)) {
      next = { ...existing, ...next };
    } else if (row.merge === 'deep' && isPlainObject(existing) && isPlainObject(next)) {
      next = deepMerge(existing, next);
    } else if (!deepEqual(existing, next)) {
      reportConflict(run, category, row, match, existing, next);
      return 'conflict';
    }
  }
  setAt(written.outputs, row.target, next);
  written.recordSource(row.target, match.pointer, minVersion);
  return outcome;
}

function reportConflict(run: MappingRun, category: string, row: MapRow, match: SourceMatch, existing: unknown, next: unknown): void {
  const earlier = run.written.writeAt(row.target);
  // A value is masked when the target is a secret field, or any source field that went into it is or holds one.
  const sources = [match.pointer, ...(earlier?.sources ?? [])];
  const secret = isSecretField(row.target) || sources.some((source) => isSecretField(source) || holdsSecret(plainAt(run, source)));
  const index = run.findings.add('CONFLICTING_VALUES', category, match.pointer, match.loc, {
    message: `This field sets ${row.target.slice(1).replace(/\//g, '.')} to ${show(next, secret)}, but ${earlier?.sources[0] ?? 'an earlier field'} already set it to ${show(existing, secret)}; the earlier value is kept.`,
    resolution: 'Check which value is right for the deployed backend and make the Gen1 file consistent.',
    target: row.target,
  });
  run.ledger.settle(match.node, match.pointer, { outcome: 'reported', diagnostic: index });
}

/** Objects merged key by key, lists joined without repeats; on a conflict of plain values the earlier one stays. */
function deepMerge(earlier: JsonObject, later: JsonObject): JsonObject {
  const result: JsonObject = { ...earlier };
  for (const [key, value] of Object.entries(later)) {
    const old = result[key];
    if (old === undefined) result[key] = value;
    else if (isPlainObject(old) && isPlainObject(value)) result[key] = deepMerge(old, value);
    else if (Array.isArray(old) && Array.isArray(value)) result[key] = union(old, value);
  }
  return result;
}

/** The earlier list, then the later one's items it does not hold yet. */
function union(earlier: readonly unknown[], later: readonly unknown[]): unknown[] {
  return [...earlier, ...later.filter((item) => !earlier.some((old) => deepEqual(old, item)))];
}

function plainAt(run: MappingRun, pointer: string): unknown {
  const found = run.index.at(pointer);
  return found ? toPlainValue(found.node) : undefined;
}

function show(value: unknown, secret: boolean): string {
  if (secret) return '(a secret value)';
  return JSON.stringify(value);
}
