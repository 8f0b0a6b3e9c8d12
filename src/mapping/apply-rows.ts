import { isEmptyNode } from '../source/source-node.js';
import type { CompiledRow } from './compiled-table.js';
import { applyMapRow } from './apply-map-row.js';
import type { SourceMatch } from './match-source.js';
import type { MappingRun } from './mapping-run.js';
import { isDropRow } from './table-types.js';

/** Runs every row of the table, in the compiled order, on every field its source pattern matches. */
export function applyRows(run: MappingRun): void {
  for (const row of run.table.rows) applyRow(run, row);
}

function applyRow(run: MappingRun, compiled: CompiledRow): void {
  const { pattern, prefix } = compiled;
  if (!prefix) {
    // Most rows name one field, which most documents do not have.
    const match = run.index.atTokens(pattern.tokens, pattern.source);
    if (match) applyMatch(run, compiled, match);
    return;
  }
  const { conditions } = run;
  for (const found of run.matchesOf(prefix)) {
    // The row's `where` is about what the prefix matched: a thing that does not meet it is not looked into.
    if (!conditions.meetsWhere(run, compiled, found)) continue;
    const match = compiled.tail.length === 0 ? found : run.index.below(found, compiled.tail, compiled.tailPointer);
    if (match) applyMatch(run, compiled, match);
  }
}

/** A drop row drops the field, a report row reports it, a map row carries it. */
function applyMatch(run: MappingRun, compiled: CompiledRow, match: SourceMatch): void {
  if (compiled.row.whenEmpty && !isEmptyNode(match.node)) return;
  if (!run.conditions.meetsSelection(run, compiled, match)) return;
  if (compiled.transform !== undefined) {
    // A thing already reported as a whole (for instance a resource that was never deployed) is not mapped.
    if (compiled.row.where && run.ledger.isReported(match.node)) return;
    if (match.node.kind !== 'unresolved') applyMapRow(run, compiled, match);
    return;
  }
  const { row, category } = compiled;
  if (isDropRow(row)) {
    run.ledger.settle(match.node, match.pointer, { outcome: 'dropped', reason: row.drop });
    return;
  }
  if (run.ledger.isSettled(match.node)) return;
  const index = run.findings.add(row.report, category, match.pointer, match.loc, {
    message: row.message ?? undefined,
    resolution: row.resolution,
    severity: row.severity,
  });
  run.ledger.settle(match.node, match.pointer, { outcome: 'reported', diagnostic: index });
}
