import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceDocument } from '../source/source-node.js';
import type { OutputsVersion } from '../outputs/versions.js';
import { applyDefaults } from './apply-defaults.js';
import { applyRows } from './apply-rows.js';
import { checkRequirements } from './check-requirements.js';
import { compileTable } from './compiled-table.js';
import { enforceVersion } from './enforce-version.js';
import type { FieldDisposition } from './ledger.js';
import { MappingRun, type MappingOptions } from './mapping-run.js';
import type { JsonObject } from './output-tree.js';
import { reportLeftovers } from './report-leftovers.js';
import { reportNothingCarried } from './report-nothing-carried.js';
import { reportReaderIssues } from './report-reader-issues.js';
import { reportShadowed } from './report-shadowed.js';
import { reportUnresolved } from './report-unresolved.js';
import type { MappingTable } from './table-types.js';

export type { MappingOptions } from './mapping-run.js';

export interface MappingResult {
  /** The outputs without `version`. */
  outputs: JsonObject;
  diagnostics: Diagnostic[];
  fields: FieldDisposition[];
  /** The lowest version that carries everything written. */
  requiredVersion: OutputsVersion;
}

/**
 * The generic mapping engine: applies a table to a source document. Format-specific knowledge lives in the
 * readers, the table rows and the named transforms; the engine knows none of it. It runs in phases, in this order,
 * each in its own file; they share the conversion's state (MappingRun).
 */
export function applyTable(document: SourceDocument, table: MappingTable, options: MappingOptions): MappingResult {
  const run = new MappingRun(document, compileTable(table), options);
  // What the reader could not read is reported before any row runs.
  reportReaderIssues(run);
  reportUnresolved(run);
  // The rows carry, report or drop the fields they match.
  applyRows(run);
  // Sections as the rows left them: defaults fill absent fields, then incomplete sections are removed.
  applyDefaults(run);
  checkRequirements(run);
  const requiredVersion = enforceVersion(run);
  // Every field nothing accounted for is reported.
  reportLeftovers(run);
  reportShadowed(run);
  // A result that carries nothing is an error, whatever the findings about its fields say.
  reportNothingCarried(run);
  return { outputs: run.written.outputs, ...run.findings.result(run.ledger), requiredVersion };
}
