import type { DiagnosticCode } from '../diagnostics/codes.js';
import { formatPointer, isWithinPointer, parsePointer } from '../source/json-pointer.js';
import { toPlainValue, type SourceLocation, type SourceNode } from '../source/source-node.js';
import type { ReportInit } from '../transforms/transform-context.js';
import type { MappingRun } from './mapping-run.js';
import type { SourceMatch } from './match-source.js';
import { cloneJson } from './output-tree.js';

/** What the engine does for transforms (through their RowContext): look-ups, findings and drops. */

/** Values transforms look up or work out, kept for one conversion. */
export class TransformMemo {
  /** The plain values transforms looked up, by node. */
  private readonly lookedUp = new Map<SourceNode, unknown>();
  /** Values transforms work out once per conversion (TransformContext.once), by key. */
  private readonly shared = new Map<string, unknown>();

  plainValue(node: SourceNode): unknown {
    return remembered(this.lookedUp, node, () => toPlainValue(node));
  }

  sharedValue<T>(key: string, compute: () => T): T {
    return remembered(this.shared, key, compute) as T;
  }
}

/** The value kept in `map` for `key`, worked out (and kept) the first time it is asked for. */
function remembered<K, V>(map: Map<K, V>, key: K, compute: () => V): V {
  if (!map.has(key)) map.set(key, compute());
  return map.get(key) as V;
}

/** The plain value of a source field, for transforms. */
export function plainValueAt(run: MappingRun, pointer: string): unknown {
  const found = run.index.at(pointer);
  if (!found) return undefined;
  const { node } = found;
  if (node.kind === 'scalar') return node.value;
  // Transforms of many resources look up the same section for each (geo, storage): it is made plain once, and
  // every one of them gets the same value (which they only read; see TransformContext.lookup).
  return run.memo.plainValue(node);
}

/** A copy of what the output holds at a pointer, for transforms. */
export function outputAt(run: MappingRun, pointer: string): unknown {
  return cloneJson(run.written.at(pointer));
}

/** A transform's report: the field (the match's by default) is reported and counts as such. */
export function reportFor(run: MappingRun, category: string, target: string, match: SourceMatch, code: DiagnosticCode, init: ReportInit | undefined): void {
  const place = placeFinding(run, init?.pointer ?? match.pointer, match);
  const index = run.findings.add(code, category, place.pointer, place.loc, { target, ...init, message: place.message(init?.message) });
  if (place.node) run.ledger.settle(place.node, place.pointer, { outcome: 'reported', diagnostic: index });
  // Only inside the value the row gave the transform: what is left over there is the transform's to explain.
  else if (isWithinPointer(place.pointer, match.pointer) && !run.findings.missingFields.has(place.pointer))
    run.findings.missingFields.set(place.pointer, index);
}

/** A transform's notice about a value it carries. */
export function noteFor(run: MappingRun, category: string, target: string, match: SourceMatch, code: DiagnosticCode, init: ReportInit | undefined): void {
  const place = placeFinding(run, init?.pointer ?? match.pointer, match);
  run.findings.add(code, category, place.pointer, place.loc, { target, ...init, message: place.message(init?.message) });
}

interface Place {
  pointer: string;
  loc: SourceLocation;
  node: SourceNode | undefined;
  message: (text: string | undefined) => string | undefined;
}

/**
 * Where a transform's finding about a field is shown: at the field; or, for a field the input does not have, at
 * the nearest enclosing field it has, with the message saying what is missing there. (The field itself, when it
 * is there, counts as reported by a report; a missing one has nothing to count.)
 */
function placeFinding(run: MappingRun, pointer: string, match: SourceMatch): Place {
  const found = run.index.at(pointer);
  if (found) return { pointer, loc: found.loc, node: found.node, message: (text) => text };
  const tokens = parsePointer(pointer);
  const missing: string[] = [];
  let enclosing: SourceMatch | undefined;
  while (tokens.length > 0 && !enclosing) {
    missing.unshift(tokens.pop()!);
    enclosing = run.index.at(formatPointer(tokens));
  }
  const at = enclosing ? formatPointer(tokens) : match.pointer;
  const what = missing.join('/');
  return {
    pointer: at,
    loc: enclosing?.loc ?? match.loc,
    node: undefined,
    message: (text) => (text === undefined ? undefined : `${text.replace(/\.$/, '')}: the input has no ${what} here.`),
  };
}

/** A field a transform drops on purpose. */
export function dropAt(run: MappingRun, pointer: string, reason: string): void {
  const found = run.index.at(pointer);
  if (found) run.ledger.settle(found.node, pointer, { outcome: 'dropped', reason });
}

/** The match of another source field, for a context about it (where it is not in the input: the row's own place). */
export function matchAt(run: MappingRun, pointer: string, fallback: SourceMatch): SourceMatch {
  const found = run.index.at(pointer);
  return { pointer, node: found?.node ?? fallback.node, loc: found?.loc ?? fallback.loc };
}
