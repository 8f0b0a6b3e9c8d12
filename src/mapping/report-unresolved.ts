import { joinPointer, pointerTokens } from '../source/json-pointer.js';
import type { SourceNode } from '../source/source-node.js';
import { patternCovers } from './match-source.js';
import type { MappingRun } from './mapping-run.js';

/** Values the reader could not evaluate are reported where they are, before any row runs. */
export function reportUnresolved(run: MappingRun): void {
  if (run.index.hasUnresolved) visit(run, run.root, '');
}

function visit(run: MappingRun, node: SourceNode, pointer: string): void {
  if (node.kind === 'unresolved') {
    if (coveredByReportOrDrop(run, pointer)) return;
    const index = run.findings.add('NON_LITERAL_VALUE', run.categoryOf(pointer), pointer, node.loc, {
      message: `The value \`${node.expression}\` (${node.what}) ${node.why ?? 'is known only when the file runs'}, so it is not converted.`,
      resolution:
        'Replace it with the literal value your deployed environment uses (for example from `amplify pull`), or set this field in amplify_outputs.json by hand.',
    });
    run.ledger.settle(node, pointer, { outcome: 'reported', diagnostic: index });
  } else if (node.kind === 'object') {
    for (const entry of run.index.entriesOf(node)) visit(run, entry.node, joinPointer(pointer, entry.key));
  } else if (node.kind === 'array') {
    node.items.forEach((item, index) => {
      visit(run, item, joinPointer(pointer, index));
    });
  }
}

/** A field that a report or drop row names is handled by that row, whatever its value. */
function coveredByReportOrDrop(run: MappingRun, pointer: string): boolean {
  const tokens = pointerTokens(pointer);
  return run.table.reportAndDrop.some((pattern) => patternCovers(pattern, tokens));
}
