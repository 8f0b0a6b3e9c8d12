import type { ObjectNode, SourceDocument, SourceLocation } from '../source/source-node.js';
import type { ConvertSettings } from '../transforms/transform-context.js';
import type { OutputsVersion } from '../outputs/versions.js';
import type { CompiledTable } from './compiled-table.js';
import { Findings } from './findings.js';
import { Ledger } from './ledger.js';
import { MatchedFields } from './matched-fields.js';
import { SourceIndex } from './source-index.js';
import { Selections } from './row-conditions.js';
import { TransformMemo } from './transform-services.js';
import { WrittenOutput } from './written-output.js';

export interface MappingOptions {
  file?: string;
  settings: ConvertSettings;
  /** An explicit version: settings that need a later one are left out and reported. */
  outputsVersion?: OutputsVersion;
}

/**
 * The state of one conversion, shared by its phases: the source and its index, the table, and what the phases
 * record (what is written, what is found, what became of each source field).
 */
export class MappingRun {
  readonly root: ObjectNode;
  readonly index: SourceIndex;
  /** What became of each leaf of the source. */
  readonly ledger: Ledger;
  readonly findings: Findings;
  readonly written = new WrittenOutput();
  readonly matched = new MatchedFields();
  readonly selections = new Selections();
  readonly memo = new TransformMemo();

  constructor(
    readonly document: SourceDocument,
    readonly table: CompiledTable,
    readonly options: MappingOptions,
  ) {
    this.root = document.root;
    this.index = new SourceIndex(document.root);
    this.ledger = new Ledger(this.index.entriesOf);
    this.findings = new Findings(options.file);
  }

  get settings(): ConvertSettings {
    return this.options.settings;
  }

  /** The category of the first row whose source pattern covers the pointer ("general" when none does). */
  categoryOf(pointer: string): string {
    return this.table.categoryOf(pointer);
  }

  locOf(pointer: string): SourceLocation | undefined {
    return this.index.at(pointer)?.loc;
  }
}
