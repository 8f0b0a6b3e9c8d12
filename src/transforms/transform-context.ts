import type { DiagnosticCode, Severity } from '../diagnostics/codes.js';
import type { PlatformText } from '../diagnostics/platform-text.js';

/** Options that change how values are converted (the CLI flags of the same names). */
export interface ConvertSettings {
  /** Which app platform the file serves; decides the push channel. */
  platform?: 'web' | 'ios' | 'android' | 'flutter';
  /** The amplify_outputs.json version requested, when it is not chosen automatically. */
  outputsVersion?: string;
  /** The GraphQL API to carry when the input has several (by name). */
  api?: string;
  /** Which resource to carry, by selection group (amplify-meta: category), where Gen2 holds one. */
  select?: Record<string, string>;
  /** Other files of the Gen1 project, by path relative to the project folder, for what the input lacks. */
  projectFiles?: Record<string, string>;
}

export interface ReportInit {
  /** Source pointer the finding is about (default: the value the transform was given). */
  pointer?: string;
  message?: string;
  /** What to do; by platform where the platforms' libraries differ. */
  resolution?: PlatformText;
  severity?: Severity;
  target?: string;
}

/** What a transform may do besides returning a value. */
export interface TransformContext {
  /** Source pointer of the value being transformed. */
  readonly pointer: string;
  /** The row's options (from the table). */
  readonly options: Readonly<Record<string, unknown>>;
  readonly settings: Readonly<ConvertSettings>;
  /** The target pointer in amplify_outputs.json. */
  readonly target: string;
  /** The same context about another source field: its reports and notes are about that field unless they say otherwise. */
  about(pointer: string): TransformContext;
  /**
   * Plain value of another source field, by pointer (relative to the table's base in an included table). The value is
   * made once per conversion and shared by every transform that looks the field up: read it, never change it.
   */
  lookup(pointer: string): unknown;
  /** Plain value of a source field by its absolute pointer (as in `pointer`); shared, as `lookup`'s. */
  lookupAbsolute(pointer: string): unknown;
  /**
   * A value worked out once per conversion and shared by every match of every row (what a transform of each of many
   * resources would otherwise work out again from all of them). The key names the value.
   */
  once<T>(key: string, compute: () => T): T;
  /** The value already written at a pointer of the output. */
  output(pointer: string): unknown;
  /** Reports a part of the value that is not carried; its fields count as reported. */
  report(code: DiagnosticCode, init?: ReportInit): void;
  /** Drops a part of the value on purpose, for a documented reason. */
  drop(pointer: string, reason: string): void;
  /** Adds a diagnostic about a value that is carried (a notice, not a loss). */
  note(code: DiagnosticCode, init?: ReportInit): void;
  /** The value needs at least this amplify_outputs.json version. */
  requireVersion(version: string): void;
}

/** A named value transform. Returns the value to write, or undefined to write nothing. */
export type Transform = (value: unknown, context: TransformContext) => unknown;
