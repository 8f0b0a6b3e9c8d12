import type { DiagnosticCode } from '../diagnostics/codes.js';
import { maxVersion, type OutputsVersion } from '../outputs/versions.js';
import type { ConvertSettings, ReportInit, TransformContext } from '../transforms/transform-context.js';
import type { MappingRun } from './mapping-run.js';
import type { SourceMatch } from './match-source.js';
import type { MapRow } from './table-types.js';
import { dropAt, matchAt, noteFor, outputAt, plainValueAt, reportFor } from './transform-services.js';

/**
 * What a transform may do, for one match of one map row. One object per match, with its methods on the prototype:
 * cheaper than a set of closures for each of the dozens of fields a conversion maps.
 */
export class RowContext implements TransformContext {
  readonly settings: Readonly<ConvertSettings>;

  constructor(
    private readonly run: MappingRun,
    private readonly category: string,
    private readonly row: MapRow,
    /** The row's options for its transform (from the table). */
    readonly options: Readonly<Record<string, unknown>>,
    private readonly match: SourceMatch,
    /** The version the row's value needs, shared with the contexts made from this one. */
    readonly version: { min: OutputsVersion },
  ) {
    this.settings = run.settings;
  }

  get pointer(): string {
    return this.match.pointer;
  }

  get target(): string {
    return this.row.target;
  }

  about(pointer: string): TransformContext {
    return new RowContext(this.run, this.category, this.row, this.options, matchAt(this.run, pointer, this.match), this.version);
  }

  lookup(pointer: string): unknown {
    return plainValueAt(this.run, (this.row.base ?? '') + pointer);
  }

  lookupAbsolute(pointer: string): unknown {
    return plainValueAt(this.run, pointer);
  }

  once<T>(key: string, compute: () => T): T {
    return this.run.memo.sharedValue(key, compute);
  }

  output(pointer: string): unknown {
    return outputAt(this.run, pointer);
  }

  report(code: DiagnosticCode, init?: ReportInit): void {
    reportFor(this.run, this.category, this.row.target, this.match, code, init);
  }

  drop(pointer: string, reason: string): void {
    dropAt(this.run, pointer, reason);
  }

  note(code: DiagnosticCode, init?: ReportInit): void {
    noteFor(this.run, this.category, this.row.target, this.match, code, init);
  }

  requireVersion(version: string): void {
    this.version.min = maxVersion(this.version.min, version as OutputsVersion);
  }
}
