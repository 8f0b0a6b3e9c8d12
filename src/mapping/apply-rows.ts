import { isEmptyNode } from '../source/source-node.js';
import type { CompiledRow } from './compiled-table.js';
import { applyMapRow } from './apply-map-row.js';
import { matchSource, type SourceMatch } from './match-source.js';
import type { MappingRun } from './mapping-run.js';
import { meetsConditions } from './row-conditions.js';
import { isDropRow } from './table-types.js';

/** Runs every row of the table, in the compiled order, on every field its source pattern matches. */
export function applyRows(run: MappingRun): void {
  for (const row of run.table.rows) applyRow(run, row);
}

function applyRow(run: MappingRun, compiled: CompiledRow): void {
  const { pattern } = compiled;
  if (pattern.exact) {
    // Most rows name one field, which most documents do not have.
    const match = run.index.atTokens(pattern.tokens, pattern.source);
    if (match) applyMatch(run, compiled, match);
  } else {
    for (const match of matchSource(run.root, pattern, run.index.entriesOf)) applyMatch(run, compiled, match);
  }
}

/** A drop row drops the field, a report row reports it, a map row carries it. */
function applyMatch(run: MappingRun, compiled: CompiledRow, match: SourceMatch): void {
  if (compiled.row.whenEmpty && !isEmptyNode(match.node)) return;
  if (!meetsConditions(run, compiled, match)) return;
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
  if (row.secret) run.written.secretPointers.add(match.pointer);
  const index = run.findings.add(row.report, category, match.pointer, match.loc, {
    message: row.message ?? undefined,
    resolution: row.resolution,
    severity: row.severity,
  });
  run.ledger.settle(match.node, match.pointer, { outcome: 'reported', diagnostic: index });
}
