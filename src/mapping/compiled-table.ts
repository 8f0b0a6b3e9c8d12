import { InternalFault } from '../errors.js';
import { formatPointer, pointerTokens } from '../source/json-pointer.js';
import { DEFAULT_TRANSFORM, isTransformName, TRANSFORMS } from '../transforms/registry.js';
import type { Transform } from '../transforms/transform-context.js';
import { compilePattern, patternCovers, type SourcePattern } from './match-source.js';
import { compileWhere, type CompiledWhere } from './row-conditions.js';
import { isMapRow, type DropRow, type MappingTable, type MapRow, type ReportRow, type Row } from './table-types.js';

/** A row with what the engine needs of it worked out once per table, not once per conversion. */
interface CompiledRowBase {
  category: string;
  pattern: SourcePattern;
  /**
   * For a pattern with `*` or `{name}` tokens, the pattern up to the last of them. Rows share its matches (for
   * instance every row below /{category}/{resource}), which a conversion finds once; a row's own matches are the
   * fields at its `tail` below them.
   */
  prefix: SourcePattern | undefined;
  /** The literal tokens after the prefix. */
  tail: readonly string[];
  /** The tail as a pointer, to append to a prefix match's pointer. */
  tailPointer: string;
  /** The name of the last `{name}` token: the binding the row's conditions are about. */
  boundName: string | undefined;
  /** The source pattern up to its last `{name}` token: what a selection group chooses among. */
  selectionPattern: SourcePattern | undefined;
  /** The row's `where` conditions, compiled (rows with the same ones share them). */
  where: CompiledWhere | undefined;
}

/** A map row, with its transform and the transform's options. */
export type CompiledMapRow = CompiledRowBase & { row: MapRow; transform: Transform; options: Readonly<Record<string, unknown>> };

export type CompiledRow = CompiledMapRow | (CompiledRowBase & { row: ReportRow | DropRow; transform?: undefined });

export interface CompiledTable {
  table: MappingTable;
  /** Rows in the order they run: every row but fallbacks, in table order, then the fallback rows. */
  rows: readonly CompiledRow[];
  /** Patterns of the report and drop rows (not whenEmpty), which account for a field whatever its value. */
  reportAndDrop: readonly SourcePattern[];
  /** The category of the first row whose pattern covers a pointer. */
  categoryOf(pointer: string): string;
}

const compiled = new WeakMap<MappingTable, CompiledTable>();

export function compileTable(table: MappingTable): CompiledTable {
  let result = compiled.get(table);
  if (!result) {
    result = build(table);
    compiled.set(table, result);
  }
  return result;
}

function build(table: MappingTable): CompiledTable {
  const all: CompiledRow[] = [];
  const wheres = new Map<string, CompiledWhere>();
  for (const [category, section] of Object.entries(table.categories)) {
    for (const row of section.rows) {
      const base = compileRow(category, row, wheres);
      all.push(isMapRow(row) ? { ...base, row, transform: transformOf(row, table), options: optionsOf(row) } : { ...base, row });
    }
  }
  const isFallback = (entry: CompiledRow): boolean => isMapRow(entry.row) && entry.row.role === 'fallback';
  const rows = [...all.filter((entry) => !isFallback(entry)), ...all.filter(isFallback)];
  const reportAndDrop = all.filter((entry) => !isMapRow(entry.row) && !entry.row.whenEmpty).map((entry) => entry.pattern);
  const categories = new Map<string, string>();
  return {
    table,
    rows,
    reportAndDrop,
    categoryOf(pointer) {
      let category = categories.get(pointer);
      if (category === undefined) {
        const tokens = pointerTokens(pointer);
        category = all.find((entry) => patternCovers(entry.pattern, tokens))?.category ?? 'general';
        if (categories.size < 5_000) categories.set(pointer, category);
      }
      return category;
    },
  };
}

function compileRow(category: string, row: Row, wheres: Map<string, CompiledWhere>): CompiledRowBase {
  const pattern = compilePattern(row.source);
  const tokens = row.source.split('/');
  const lastAny = pattern.any.lastIndexOf(true);
  const lastNamed = pattern.names.map((name) => name !== undefined).lastIndexOf(true);
  // The binding a match's conditions are about is the last one the match records: bindings are recorded in the
  // order their names first appear.
  const names = [...new Set(pattern.names.filter((name) => name !== undefined))];
  const boundName = names.at(-1);
  const tail = lastAny < 0 ? [] : pattern.tokens.slice(lastAny + 1);
  let where: CompiledWhere | undefined;
  if (row.where && boundName !== undefined) {
    // Rows with the same conditions on the same bindings share them, and what a conversion finds out about them.
    const key = `${JSON.stringify(row.where)} ${JSON.stringify(pattern.names.slice(0, lastNamed + 1))}`;
    where = wheres.get(key) ?? compileWhere(row.where);
    wheres.set(key, where);
  }
  return {
    category,
    pattern,
    prefix: lastAny < 0 ? undefined : compilePattern(tokens.slice(0, lastAny + 2).join('/')),
    tail,
    tailPointer: formatPointer(tail),
    boundName,
    selectionPattern: lastNamed < 0 ? undefined : compilePattern(tokens.slice(0, lastNamed + 2).join('/')),
    where,
  };
}

const NO_OPTIONS: Readonly<Record<string, unknown>> = Object.freeze({});

/** The options a map row gives its transform. */
function optionsOf(row: MapRow): Readonly<Record<string, unknown>> {
  return typeof row.transform === 'object' ? (row.transform.options ?? NO_OPTIONS) : NO_OPTIONS;
}

/** The transform a map row names (copy when it names none); a name the registry lacks is a bug in the table. */
function transformOf(row: MapRow, table: MappingTable): Transform {
  const name = typeof row.transform === 'string' ? row.transform : (row.transform?.name ?? DEFAULT_TRANSFORM);
  if (!isTransformName(name)) throw new InternalFault(`Unknown transform "${name}" in table ${table.id} (row ${row.source}).`);
  return TRANSFORMS[name];
}
