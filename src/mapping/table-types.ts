/**
 * The shape of a mapping table in `mappings/` (validated at test time by `mappings/mapping.schema.json`).
 * A table is data: one per source format, rows grouped by category, read by the generic engine.
 */
import type { DiagnosticCode, Severity } from '../diagnostics/codes.js';
import type { PlatformText } from '../diagnostics/platform-text.js';

/** A table as written in `mappings/`: one per source format. */
export interface WrittenTable {
  $schema?: string;
  /** Table id, for example "aws-exports". */
  id: string;
  description: string;
  /** Other tables whose rows apply below a pointer of this format (their sources and lookups are prefixed). */
  includes?: { table: string; at: string }[];
  categories: Record<string, WrittenCategory>;
}

export interface WrittenCategory extends Omit<CategoryTable, 'requires'> {
  /** What this source adds to the requirements of `mappings/outputs.json` (which say the fields). */
  requires?: SourceRequirement[];
}

/** A table as the engine runs it: its includes resolved, and the rules of amplify_outputs.json in its categories. */
export interface MappingTable extends Omit<WrittenTable, 'categories'> {
  categories: Record<string, CategoryTable>;
}

export interface CategoryTable {
  title: string;
  /** Sections of amplify_outputs.json that must be complete to be kept, checked after mapping. */
  requires?: SectionRequirement[];
  /** Values written when a section exists but a field is absent: the source's own, then amplify_outputs.json's. */
  defaults?: DefaultRow[];
  rows: Row[];
}

/** A source table's part of a requirement: how to say, for its input, what is missing. */
export interface SourceRequirement {
  /** Pointer of the output section, for example "/auth" or "/auth/oauth" (a section of mappings/outputs.json). */
  section: string;
  /** The diagnostic emitted when the section has to be removed (SECTION_INCOMPLETE if absent). */
  code?: DiagnosticCode;
  /** What the user should do about it (by platform where the platforms' libraries differ). */
  resolution: PlatformText;
  /**
   * Alternative codes chosen by which source field is present, checked in order (a pattern such as
   * /auth/{resource}/output/IdentityPoolId: its first match not already reported), and, with `missing`, only when
   * those fields are among the missing ones (with `only`, when they are all the missing ones).
   */
  when?: { source: string; missing?: string[]; only?: true; code: DiagnosticCode; message?: string; resolution: PlatformText }[];
}

/** A requirement as applied: the fields from mappings/outputs.json, the rest from the source table if it says it. */
export interface SectionRequirement extends SourceRequirement {
  /** Pointers (below the section) that must be present. */
  fields: string[];
}

/** The rules amplify_outputs.json itself sets, whatever the source (`mappings/outputs.json`). */
export interface OutputsRules {
  $schema?: string;
  description: string;
  /** By Gen2 section name, which is also the name of the category that applies them. */
  sections: Record<string, { requires?: SectionRequirement[]; defaults?: DefaultRow[] }>;
}

export interface DefaultRow {
  target: string;
  /** The value to write; absent for a notice-only row, which writes nothing and only says so. */
  value?: unknown;
  /** The diagnostic to emit when the default is written (none if absent). */
  notice?: DiagnosticCode;
  note?: string;
}

export type TransformRef = string | { name: string; options?: Record<string, unknown> };

interface RowBase {
  /** JSON pointer pattern into the source object; a `*` token matches any key or index. */
  source: string;
  /** Set when a table is included in another: the pointer its sources and lookups are relative to. */
  base?: string;
  /** Why the row exists; shown in the README and kept next to the decision. */
  note?: string;
  /** Only match when the source value is empty ({} or [] or ""). */
  whenEmpty?: boolean;
  /**
   * Conditions on the thing the last `{name}` token of the source matched: keys are pointers below it (or
   * `{name}` for the matched key itself), values what they must be (a value, a list of allowed values,
   * { "not": [...] }, "$present" or "$absent").
   */
  where?: Record<string, Condition>;
  /**
   * Only the selected one of the things the last `{name}` token matches (those meeting `where`, in file order):
   * the one named for this group by the `select` option, or the first.
   */
  select?: string;
  /** Only the things of this group that were not selected. */
  unselected?: string;
}

export type Condition = string | number | boolean | (string | number | boolean)[] | { not: (string | number | boolean)[] };

export interface MapRow extends RowBase {
  target: string;
  transform?: TransformRef;
  /**
   * primary (default): writes the value, reports a conflict if the target already holds another one.
   * fallback: runs after every primary row, only fills a target still absent in a section that exists.
   * presence: writes without accounting for the source (another row accounts for its fields).
   */
  role?: 'primary' | 'fallback' | 'presence';
  /** How to combine with a value already at the target: union of arrays, merge of objects, or both, deeply. */
  merge?: 'union' | 'object' | 'deep';
  /** The lowest amplify_outputs.json version that can carry the target. */
  minVersion?: string;
  /** A diagnostic emitted whenever the row carries a value. */
  notice?: DiagnosticCode;
  noticeResolution?: PlatformText;
  /** Give empty values ([] or {}) to the transform instead of dropping them (they mean something here). */
  keepEmpty?: boolean;
}

export interface ReportRow extends RowBase {
  /** The field has no Gen2 home: report it with this code. */
  report: DiagnosticCode;
  severity?: Severity;
  message?: string;
  /** What to do, where the code's own resolution does not say it for this field (by platform where they differ). */
  resolution?: PlatformText;
}

export interface DropRow extends RowBase {
  /** The field is dropped on purpose, for this documented reason. */
  drop: string;
}

export type Row = MapRow | ReportRow | DropRow;

export function isMapRow(row: Row): row is MapRow {
  return 'target' in row;
}

export function isReportRow(row: Row): row is ReportRow {
  return 'report' in row;
}

export function isDropRow(row: Row): row is DropRow {
  return 'drop' in row;
}
