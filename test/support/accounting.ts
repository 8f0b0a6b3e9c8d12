import { expect } from 'vitest';
import type { ConvertResult } from '../../src/index.js';
import { collectLeaves } from '../../src/mapping/ledger.js';
import { getAt } from '../../src/mapping/output-tree.js';
import { getTables } from '../../src/mapping/tables.js';
import { isDropRow } from '../../src/mapping/table-types.js';
import { isWithinPointer, joinPointer } from '../../src/source/json-pointer.js';
import type { SourceDocument, SourceNode } from '../../src/source/source-node.js';
import { DROP_REASONS, ENGINE_DROP_REASONS } from '../../src/transforms/drop-reasons.js';

/** Codes that report a whole section or a relation between fields, not only the field they point at. */
const SECTION_CODES = new Set(['SECTION_INCOMPLETE', 'AUTH_WITHOUT_USER_POOL', 'NO_ENABLED_CHANNEL', 'VERSION_TOO_LOW', 'CONFLICTING_VALUES']);

/** Every documented reason for a drop: the tables' drop rows, the transforms' and the engine's. */
const DOCUMENTED_DROPS = new Set<string>([
  ...Object.values(ENGINE_DROP_REASONS),
  ...Object.values(DROP_REASONS),
  ...getTables().flatMap((table) => Object.values(table.categories).flatMap((category) => category.rows.filter(isDropRow).map((row) => row.drop))),
]);

/**
 * The no-silent-drop check: every leaf of the input ends in exactly one place. Mapped leaves point at a value
 * present in the output; reported leaves at a diagnostic about them (or about the section they fed); dropped
 * leaves at a documented reason.
 */
export function expectEveryFieldAccountedFor(document: SourceDocument, result: ConvertResult): void {
  const leaves = [...new Set(collectLeaves(document.root, ''))].filter((leaf) => leaf !== '');
  const byPointer = new Map<string, ConvertResult['fields'][number][]>();
  for (const field of result.fields) byPointer.set(field.pointer, [...(byPointer.get(field.pointer) ?? []), field]);
  const problems: string[] = [];
  for (const leaf of leaves) {
    const dispositions = byPointer.get(leaf) ?? [];
    if (dispositions.length !== 1) {
      problems.push(`${leaf}: ${dispositions.length} dispositions`);
      continue;
    }
    const field = dispositions[0]!;
    if (field.outcome === 'mapped') {
      if (getAt(result.outputs as unknown as Record<string, unknown>, field.target) === undefined)
        problems.push(`${leaf}: mapped to ${field.target}, which is not in the output`);
    } else if (field.outcome === 'reported') {
      const diagnostic = result.diagnostics[field.diagnostic];
      if (!diagnostic) problems.push(`${leaf}: reported by a diagnostic that does not exist`);
      else if (!SECTION_CODES.has(diagnostic.code) && !isWithinPointer(leaf, diagnostic.source.pointer)) {
        problems.push(`${leaf}: reported by ${diagnostic.code} at ${diagnostic.source.pointer}, which is about another field`);
      }
    } else if (!DOCUMENTED_DROPS.has(field.reason)) {
      problems.push(`${leaf}: dropped for an undocumented reason: ${field.reason}`);
    }
  }
  for (const field of result.fields) if (!leaves.includes(field.pointer)) problems.push(`${field.pointer}: disposition for a field that is not in the input`);
  expect(problems).toEqual([]);
}

/** The pointer of every node of a document (objects and arrays too), the root as ''. */
function nodePointers(node: SourceNode, pointer = '', into = new Set<string>()): Set<string> {
  into.add(pointer);
  if (node.kind === 'object') for (const entry of node.entries) nodePointers(entry.node, joinPointer(pointer, entry.key), into);
  else if (node.kind === 'array') for (const [index, item] of node.items.entries()) nodePointers(item, joinPointer(pointer, index), into);
  return into;
}

/**
 * Every finding about the input says where: its pointer names a field the input has (or the whole file, ''), and,
 * for input read from text, it has a line. Its text shows values as text (no "undefined" or "[object Object]").
 */
export function expectFindingsPointIntoInput(document: SourceDocument, result: ConvertResult, file: string | undefined, fromText: boolean): void {
  expect(findingsOutsideInput(document, result, file, fromText)).toEqual([]);
}

/** The findings that break expectFindingsPointIntoInput, each described. */
export function findingsOutsideInput(document: SourceDocument, result: ConvertResult, file: string | undefined, fromText: boolean): string[] {
  const pointers = nodePointers(document.root);
  return result.diagnostics
    .filter((diagnostic) => diagnostic.source.file === file)
    .flatMap((diagnostic) => {
      const { pointer, line } = diagnostic.source;
      if (!pointers.has(pointer)) return [`${diagnostic.code} at ${pointer}: no such field in the input`];
      if (fromText && line === undefined) return [`${diagnostic.code} at ${pointer}: no line`];
      // A value shown in a message reads as text, not as JavaScript's placeholders for it.
      if (/\bundefined\b|\[object |\bNaN\b/.test(`${diagnostic.message} ${diagnostic.resolution}`))
        return [`${diagnostic.code} at ${pointer}: ${diagnostic.message}`];
      return [];
    });
}
