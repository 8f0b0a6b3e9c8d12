import { createRequire } from 'node:module';
import type { CategoryTable, MappingTable, Row } from './table-types.js';

/** The mapping tables shipped in `mappings/`, loaded once, on first use. */

const load = createRequire(import.meta.url);
const raw = new Map<string, MappingTable>();
const composed = new Map<string, MappingTable>();

export const TABLE_FILES = {
  'aws-exports': '../../mappings/aws-exports.json',
  awsconfiguration: '../../mappings/awsconfiguration.json',
  'amplifyconfiguration-mobile': '../../mappings/amplifyconfiguration-mobile.json',
  'amplify-meta': '../../mappings/amplify-meta.json',
} as const;

export type TableId = keyof typeof TABLE_FILES;

function isTableId(id: string): id is TableId {
  return Object.prototype.hasOwnProperty.call(TABLE_FILES, id);
}

/** A table as written in `mappings/`. */
export function getRawTable(id: TableId): MappingTable {
  let table = raw.get(id);
  if (!table) {
    table = load(TABLE_FILES[id]) as MappingTable;
    raw.set(id, table);
  }
  return table;
}

/** A table with its includes resolved: the included rows follow its own, with their sources prefixed. */
export function getTable(id: TableId): MappingTable {
  let table = composed.get(id);
  if (!table) {
    table = compose(getRawTable(id), '', new Set([id]));
    composed.set(id, table);
  }
  return table;
}

function compose(table: MappingTable, prefix: string, seen: Set<string>): MappingTable {
  const categories: Record<string, CategoryTable> = {};
  const add = (name: string, category: CategoryTable, base: string): void => {
    const target = (categories[name] ??= { title: category.title, rows: [] });
    target.rows.push(...category.rows.map((row) => prefixRow(row, base)));
    if (category.requires) {
      target.requires = [
        ...(target.requires ?? []),
        ...category.requires.map((requirement) => ({
          ...requirement,
          when: requirement.when?.map((option) => ({ ...option, source: base + option.source })),
        })),
      ];
    }
    if (category.defaults) target.defaults = [...(target.defaults ?? []), ...category.defaults];
  };
  for (const [name, category] of Object.entries(table.categories)) add(name, category, prefix);
  for (const include of table.includes ?? []) {
    if (!isTableId(include.table) || seen.has(include.table)) throw new Error(`Table ${table.id} cannot include ${include.table}`);
    const included = compose(getRawTable(include.table), prefix + include.at, new Set([...seen, include.table]));
    for (const [name, category] of Object.entries(included.categories)) add(name, category, '');
  }
  return { ...table, categories };
}

function prefixRow(row: Row, base: string): Row {
  if (base === '') return row;
  return { ...row, source: base + row.source, base: base + (row.base ?? '') };
}

/** All tables as written, for documentation and tests. */
export function getTables(): MappingTable[] {
  return (Object.keys(TABLE_FILES) as TableId[]).map(getRawTable);
}

/** The title of a category, from the tables already loaded if one of them has it, else from the others. */
export function categoryTitle(category: string): string | undefined {
  const ids = Object.keys(TABLE_FILES) as TableId[];
  const loadedFirst = [...ids.filter((id) => raw.has(id)), ...ids.filter((id) => !raw.has(id))];
  for (const id of loadedFirst) {
    const title = getRawTable(id).categories[category]?.title;
    if (title) return title;
  }
  return undefined;
}
