import { isEmptyNode, toPlainValue } from '../source/source-node.js';
import { ENGINE_DROP_REASONS } from '../transforms/drop-reasons.js';
import type { OutputsVersion } from '../outputs/versions.js';
import type { CompiledMapRow } from './compiled-table.js';
import type { SourceMatch } from './match-source.js';
import type { MappingRun } from './mapping-run.js';
import { RowContext } from './row-context.js';
import type { MapRow } from './table-types.js';
import { writeOutput } from './write-output.js';

const EMPTY_REASON = ENGINE_DROP_REASONS.empty;

/**
 * A map row on one match: the value goes through the row's transform and is written at the row's target, and
 * the field counts as mapped there. Empty values are not carried (unless the row keeps them).
 */
export function applyMapRow(run: MappingRun, { category, row, transform, options }: CompiledMapRow, match: SourceMatch): void {
  const role = row.role ?? 'primary';
  if (role === 'fallback' && (!run.written.hasSectionOf(row.target) || run.written.at(row.target) !== undefined)) return;
  if (role !== 'presence') run.matched.add(match.pointer);
  if (isEmptyNode(match.node) && !row.keepEmpty) {
    if (role !== 'presence' && role !== 'fallback') settleEmpty(run, category, row, match);
    return;
  }
  const version = { min: (row.minVersion as OutputsVersion | undefined) ?? '1' };
  const context = new RowContext(run, category, row, options, match, version);
  const value = transform(toPlainValue(match.node), context);
  if (value === undefined) return;
  const written = writeOutput(run, category, row, match, value, version.min);
  if (written === 'conflict') return;
  if (role !== 'presence') run.ledger.settle(match.node, match.pointer, { outcome: 'mapped', target: row.target });
  // A notice is about the value this row put there; a row that only repeats an earlier value says nothing.
  if (row.notice && written !== 'repeated') {
    run.findings.add(row.notice, category, match.pointer, match.loc, { target: row.target, resolution: row.noticeResolution });
  }
}

/** An empty value: an empty string is reported, an empty list or object dropped (it carries no setting). */
function settleEmpty(run: MappingRun, category: string, row: MapRow, match: SourceMatch): void {
  if (run.ledger.isSettled(match.node)) return;
  if (match.node.kind === 'scalar') {
    const index = run.findings.add('EMPTY_VALUE', category, match.pointer, match.loc, {
      message: 'The value is empty, so it is not carried.',
      resolution: 'If the app needs this setting, fill in the real value (placeholders and redacted values cannot be converted).',
      target: row.target,
    });
    run.ledger.settle(match.node, match.pointer, { outcome: 'reported', diagnostic: index });
  } else {
    run.ledger.settle(match.node, match.pointer, { outcome: 'dropped', reason: EMPTY_REASON });
  }
}
