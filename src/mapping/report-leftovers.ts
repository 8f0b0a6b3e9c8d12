import { isWithinPointer, joinPointer, parsePointer } from '../source/json-pointer.js';
import type { SourceNode } from '../source/source-node.js';
import type { MappingRun } from './mapping-run.js';

const CARRY_IT_YOURSELF = 'If your app reads this field, carry it yourself (for example under custom in amplify_outputs.json); otherwise remove it.';

/** Every leaf no row accounted for is reported: nothing is dropped silently. */
export function reportLeftovers(run: MappingRun): void {
  visit(run, run.root, '');
}

function visit(run: MappingRun, node: SourceNode, pointer: string): void {
  const { ledger, findings, matched } = run;
  if (ledger.isSettled(node)) return;
  const missingField = findings.missingFields.size > 0 ? missingFieldReportOver(run, pointer) : undefined;
  if (missingField !== undefined) {
    ledger.settle(node, pointer, { outcome: 'reported', diagnostic: missingField });
    return;
  }
  // A value no row touched is reported whole, unless a row matched something inside it.
  if (ledger.isUntouched(node) && (node.kind !== 'object' || pointer !== '') && !matched.hasBelow(pointer)) {
    const isMatched = matched.has(pointer);
    const index = findings.add(isMatched ? 'VALUE_NOT_CARRIED' : 'UNKNOWN_FIELD', run.categoryOf(pointer), pointer, run.locOf(pointer), {
      message: isMatched
        ? 'A mapping row matched this value but could not carry it.'
        : `"${parsePointer(pointer).join('.')}" is not a field the Gen1 tools write, and no mapping row covers it, so it is not carried.`,
      resolution: isMatched ? 'Please report this with the file; meanwhile set the value in amplify_outputs.json by hand.' : CARRY_IT_YOURSELF,
    });
    ledger.settle(node, pointer, { outcome: 'reported', diagnostic: index });
    return;
  }
  if (node.kind === 'object') {
    for (const entry of run.index.entriesOf(node)) visit(run, entry.node, joinPointer(pointer, entry.key));
  } else if (node.kind === 'array') {
    node.items.forEach((item, index) => {
      visit(run, item, joinPointer(pointer, index));
    });
  } else {
    const index = findings.add(matched.has(pointer) ? 'VALUE_NOT_CARRIED' : 'UNKNOWN_FIELD', run.categoryOf(pointer), pointer, run.locOf(pointer), {
      resolution: CARRY_IT_YOURSELF,
    });
    ledger.settle(node, pointer, { outcome: 'reported', diagnostic: index });
  }
}

/** The report about a missing field shown at this pointer or at one enclosing it, if any. */
function missingFieldReportOver(run: MappingRun, pointer: string): number | undefined {
  for (const [at, index] of run.findings.missingFields) if (isWithinPointer(pointer, at)) return index;
  return undefined;
}
