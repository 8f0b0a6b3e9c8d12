import type { ObjectNode, SourceDocument, SourceLocation } from '../source/source-node.js';
import type { ConvertSettings } from '../transforms/transform-context.js';
import type { OutputsVersion } from '../outputs/versions.js';
import type { CompiledTable } from './compiled-table.js';
import { Findings } from './findings.js';
import { Ledger } from './ledger.js';
import { matchSource, type SourceMatch, type SourcePattern } from './match-source.js';
import { MatchedFields } from './matched-fields.js';
import { Conditions } from './row-conditions.js';
import { SourceIndex } from './source-index.js';
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
  readonly conditions = new Conditions();
  readonly memo = new TransformMemo();
  private readonly matches = new Map<SourcePattern, readonly SourceMatch[]>();

  constructor(
    readonly document: SourceDocument,
    readonly table: CompiledTable,
    readonly options: MappingOptions,
  ) {
    this.root = document.root;
    this.index = new SourceIndex(document.root);
    this.ledger = new Ledger(this.index.entriesOf);
    this.findings = new Findings(options.file, options.settings.platform);
  }

  /** The matches of a pattern in this document, found once: rows share the patterns their sources begin with. */
  matchesOf(pattern: SourcePattern): readonly SourceMatch[] {
    let matches = this.matches.get(pattern);
    if (!matches) {
      matches = matchSource(this.root, pattern, this.index.entriesOf);
      this.matches.set(pattern, matches);
    }
    return matches;
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
