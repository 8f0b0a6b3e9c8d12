import { formatPointer, isWithinPointer, parsePointer } from '../source/json-pointer.js';
import type { MappingRun } from './mapping-run.js';
import { deleteAt, getAt, isPlainObject } from './output-tree.js';

/**
 * Removes a part of the output (a section that lacks a required field, a value the requested version cannot hold):
 * the fields mapped into it count as reported by `diagnostic`, the notices about it are withdrawn (except those a
 * field counts as reported by), and parents left empty go too.
 */
export function removeSection(run: MappingRun, target: string, diagnostic: number): void {
  const { written, findings, ledger } = run;
  deleteAt(written.outputs, target);
  const referenced = new Set(ledger.all().flatMap((field) => (field.outcome === 'reported' ? [field.diagnostic] : [])));
  for (const [index, notice] of findings.entries()) {
    if (index !== diagnostic && notice.target !== undefined && isWithinPointer(notice.target, target) && !referenced.has(index)) findings.withdraw(index);
  }
  written.forgetWithin(target);
  // Fields mapped into the removed part are reported instead.
  for (const [leaf, field] of ledger.settled()) {
    if (field.outcome === 'mapped' && isWithinPointer(field.target, target)) {
      ledger.replace(leaf, { pointer: field.pointer, outcome: 'reported', diagnostic });
    }
  }
  const tokens = parsePointer(target);
  while (tokens.length > 1) {
    tokens.pop();
    const parent = formatPointer(tokens);
    const value = getAt(written.outputs, parent);
    if (isPlainObject(value) && Object.keys(value).length === 0) deleteAt(written.outputs, parent);
    else break;
  }
}
