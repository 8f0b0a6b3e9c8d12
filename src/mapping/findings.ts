import type { DiagnosticCode } from '../diagnostics/codes.js';
import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Platform } from '../platforms.js';
import type { SourceLocation } from '../source/source-node.js';
import type { ReportInit } from '../transforms/transform-context.js';
import { renumberDiagnostics, type FieldDisposition, type Ledger } from './ledger.js';

/** What a diagnostic says beyond its code and place. */
export type FindingInit = ReportInit & { target?: string };

/**
 * What a conversion found: the diagnostics in the order they were made (fields that are reported name theirs by
 * that position), and the notices withdrawn because a later step removed the value they were about.
 */
export class Findings {
  private readonly diagnostics: Diagnostic[] = [];
  /** Positions of notices about values that a later step removed again; left out of the result. */
  private readonly withdrawn = new Set<number>();
  /** The DUPLICATE_KEY diagnostic of each key written twice, by the key's pointer. */
  readonly duplicateKeys = new Map<string, number>();
  /**
   * Reports about a field the input lacks (such as an API entry without its endpoint), by the enclosing field they
   * are shown at, when that is within the value the transform was given: the fields left over there are that
   * report's, not unknown ones.
   */
  readonly missingFields = new Map<string, number>();

  /** `platform`: the app platform the conversion is for, which words the resolutions. */
  constructor(
    private readonly file: string | undefined,
    private readonly platform?: Platform,
  ) {}

  /** Adds a diagnostic about a source field and returns its position. */
  add(code: DiagnosticCode, category: string, pointer: string, loc: SourceLocation | undefined, init: FindingInit): number {
    return this.push(
      createDiagnostic(code, {
        category,
        message: init.message,
        resolution: init.resolution,
        platform: this.platform,
        severity: init.severity,
        target: init.target,
        source: this.source(pointer, loc),
      }),
    );
  }

  push(diagnostic: Diagnostic): number {
    this.diagnostics.push(diagnostic);
    return this.diagnostics.length - 1;
  }

  /** Where a diagnostic points: the file, the pointer, and the line and column when the reader knows them. */
  source(pointer: string, loc: SourceLocation | undefined): Diagnostic['source'] {
    const located = loc !== undefined && loc.line > 0;
    return { file: this.file, pointer, line: located ? loc.line : undefined, column: located ? loc.column : undefined };
  }

  /** The diagnostics so far, with their positions. */
  entries(): IterableIterator<[number, Diagnostic]> {
    return this.diagnostics.entries();
  }

  withdraw(index: number): void {
    this.withdrawn.add(index);
  }

  /** The diagnostics without the withdrawn ones, and the dispositions with their diagnostic positions moved to match. */
  result(ledger: Ledger): { diagnostics: Diagnostic[]; fields: FieldDisposition[] } {
    if (this.withdrawn.size === 0) return { diagnostics: this.diagnostics, fields: ledger.all() };
    const newIndex = new Map<number, number>();
    const diagnostics: Diagnostic[] = [];
    this.diagnostics.forEach((diagnostic, index) => {
      if (this.withdrawn.has(index)) return;
      newIndex.set(index, diagnostics.length);
      diagnostics.push(diagnostic);
    });
    return { diagnostics, fields: renumberDiagnostics(ledger.all(), newIndex) };
  }
}
