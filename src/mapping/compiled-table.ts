import { InternalFault } from '../errors.js';
import { pointerTokens } from '../source/json-pointer.js';
import { DEFAULT_TRANSFORM, isTransformName, TRANSFORMS } from '../transforms/registry.js';
import type { Transform } from '../transforms/transform-context.js';
import { compilePattern, patternCovers, type SourcePattern } from './match-source.js';
import { isMapRow, type DropRow, type MappingTable, type MapRow, type ReportRow } from './table-types.js';

/** A row with what the engine needs of it worked out once per table, not once per conversion. */
interface CompiledRowBase {
  category: string;
  pattern: SourcePattern;
  /** The source pattern up to its last `{name}` token: what a selection group chooses among. */
  selectionPattern: SourcePattern | undefined;
}

/** A map row, with its transform. */
export type CompiledMapRow = CompiledRowBase & { row: MapRow; transform: Transform };

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
  for (const [category, section] of Object.entries(table.categories)) {
    for (const row of section.rows) {
      const pattern = compilePattern(row.source);
      const last = pattern.names.map((name) => name !== undefined).lastIndexOf(true);
      const selectionPattern = last < 0 ? undefined : compilePattern(row.source.split('/').slice(0, last + 2).join('/'));
      all.push(isMapRow(row) ? { category, row, pattern, selectionPattern, transform: transformOf(row, table) } : { category, row, pattern, selectionPattern });
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

/** The transform a map row names (copy when it names none); a name the registry lacks is a bug in the table. */
function transformOf(row: MapRow, table: MappingTable): Transform {
  const name = typeof row.transform === 'string' ? row.transform : (row.transform?.name ?? DEFAULT_TRANSFORM);
  if (!isTransformName(name)) throw new InternalFault(`Unknown transform "${name}" in table ${table.id} (row ${row.source}).`);
  return TRANSFORMS[name];
}
