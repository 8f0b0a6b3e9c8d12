import { createRequire } from 'node:module';
import type { MappingTable } from './table-types.js';

/** The mapping tables shipped in `mappings/`, loaded once, on first use. */

const load = createRequire(import.meta.url);
const cache = new Map<string, MappingTable>();

export const TABLE_FILES = {
  'aws-exports': '../../mappings/aws-exports.json',
} as const;

export type TableId = keyof typeof TABLE_FILES;

export function getTable(id: TableId): MappingTable {
  let table = cache.get(id);
  if (!table) {
    table = load(TABLE_FILES[id]) as MappingTable;
    cache.set(id, table);
  }
  return table;
}

/** All tables, for documentation and tests. */
export function getTables(): MappingTable[] {
  return (Object.keys(TABLE_FILES) as TableId[]).map(getTable);
}
