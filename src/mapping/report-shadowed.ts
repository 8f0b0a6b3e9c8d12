import { leafNodes } from './ledger.js';
import type { MappingRun } from './mapping-run.js';

/**
 * Values shadowed by a later copy of their key are not converted; their fields count as reported by the
 * DUPLICATE_KEY diagnostic, except where the copy that counts has a field of the same pointer.
 */
export function reportShadowed(run: MappingRun): void {
  const { shadowed } = run.index;
  if (shadowed.length === 0) return;
  const accounted = new Set(run.ledger.all().map((field) => field.pointer));
  for (const { pointer, node } of shadowed) {
    const diagnostic = run.findings.duplicateKeys.get(pointer);
    if (diagnostic === undefined) continue;
    for (const leaf of leafNodes(node, pointer)) {
      if (accounted.has(leaf.pointer)) continue;
      accounted.add(leaf.pointer);
      run.ledger.replace(leaf.node, { pointer: leaf.pointer, outcome: 'reported', diagnostic });
    }
  }
}
