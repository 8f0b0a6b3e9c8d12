import { expect } from 'vitest';
import type { ConvertResult } from '../../src/index.js';
import { collectLeaves } from '../../src/mapping/ledger.js';
import { getAt } from '../../src/mapping/output-tree.js';
import { isWithinPointer } from '../../src/source/json-pointer.js';
import type { SourceDocument } from '../../src/source/source-node.js';
import { getTable } from '../../src/mapping/tables.js';
import { isDropRow } from '../../src/mapping/table-types.js';

/** Reasons the engine itself may give for a drop, besides the table rows' own (documented in README.md). */
const ENGINE_DROP_REASONS = ['An empty list or object carries no setting.'];

/** Drops made by transforms; their reasons are written in the transforms. */
const TRANSFORM_DROP_REASONS = [
  'The Hosted UI uses the same app client as the user pool; Gen2 reads it from user_pool_client_id.',
  'Mobile Hub listed the API id, description and paths for its console; the endpoint carries what the client needs.',
  'amplify-js v6 reads only the voice of the speech generator defaults (as voiceId).',
];

/** Codes that report a whole section or a relation between fields, not only the field they point at. */
const SECTION_CODES = new Set(['SECTION_INCOMPLETE', 'AUTH_WITHOUT_USER_POOL', 'VERSION_TOO_LOW', 'CONFLICTING_VALUES']);

/**
 * The no-silent-drop check: every leaf of the input ends in exactly one place. Mapped leaves point at a value
 * present in the output; reported leaves at a diagnostic about them (or about the section they fed); dropped
 * leaves at a reason written in a table row, a transform, or the engine.
 */
export function expectEveryFieldAccountedFor(document: SourceDocument, result: ConvertResult): void {
  const leaves = [...new Set(collectLeaves(document.root, ''))].filter((leaf) => leaf !== '');
  const byPointer = new Map<string, ConvertResult['fields'][number][]>();
  for (const field of result.fields) byPointer.set(field.pointer, [...(byPointer.get(field.pointer) ?? []), field]);

  const dropReasons = new Set([
    ...ENGINE_DROP_REASONS,
    ...TRANSFORM_DROP_REASONS,
    ...Object.values(getTable('aws-exports').categories).flatMap((category) => category.rows.filter(isDropRow).map((row) => row.drop)),
  ]);
  const problems: string[] = [];
  for (const leaf of leaves) {
    const dispositions = byPointer.get(leaf) ?? [];
    if (dispositions.length !== 1) {
      problems.push(`${leaf}: ${dispositions.length} dispositions`);
      continue;
    }
    const field = dispositions[0]!;
    if (field.outcome === 'mapped') {
      if (getAt(result.outputs as unknown as Record<string, unknown>, field.target) === undefined) problems.push(`${leaf}: mapped to ${field.target}, which is not in the output`);
    } else if (field.outcome === 'reported') {
      const diagnostic = result.diagnostics[field.diagnostic];
      if (!diagnostic) problems.push(`${leaf}: reported by a diagnostic that does not exist`);
      else if (!SECTION_CODES.has(diagnostic.code) && !isWithinPointer(leaf, diagnostic.source.pointer)) {
        problems.push(`${leaf}: reported by ${diagnostic.code} at ${diagnostic.source.pointer}, which is about another field`);
      }
    } else if (!dropReasons.has(field.reason)) {
      problems.push(`${leaf}: dropped for an undocumented reason: ${field.reason}`);
    }
  }
  for (const field of result.fields) if (!leaves.includes(field.pointer)) problems.push(`${field.pointer}: disposition for a field that is not in the input`);
  expect(problems).toEqual([]);
}
