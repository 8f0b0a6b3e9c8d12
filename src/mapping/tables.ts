import { createRequire } from 'node:module';
import { InternalFault } from '../errors.js';
import type { CategoryTable, MappingTable, OutputsRules, Row, SectionRequirement, SourceRequirement, WrittenCategory, WrittenTable } from './table-types.js';

/** The mapping tables shipped in `mappings/`, and the rules of amplify_outputs.json, loaded once, on first use. */

const load = createRequire(import.meta.url);
const raw = new Map<string, WrittenTable>();
const composed = new Map<string, MappingTable>();
let outputsRules: OutputsRules | undefined;

export const TABLE_FILES = {
  'aws-exports': '../../mappings/aws-exports.json',
  awsconfiguration: '../../mappings/awsconfiguration.json',
  'amplifyconfiguration-mobile': '../../mappings/amplifyconfiguration-mobile.json',
  'amplify-meta': '../../mappings/amplify-meta.json',
  'amplify-js-v5': '../../mappings/amplify-js-v5.json',
  'amplify-js-v5-auth': '../../mappings/amplify-js-v5-auth.json',
  'amplify-js-v6': '../../mappings/amplify-js-v6.json',
} as const;

const OUTPUTS_RULES_FILE = '../../mappings/outputs.json';

export type TableId = keyof typeof TABLE_FILES;

function isTableId(id: string): id is TableId {
  return Object.hasOwn(TABLE_FILES, id);
}

/** A table as written in `mappings/`. */
export function getRawTable(id: TableId): WrittenTable {
  let table = raw.get(id);
  if (!table) {
    table = load(TABLE_FILES[id]) as WrittenTable;
    raw.set(id, table);
  }
  return table;
}

/** The rules amplify_outputs.json sets for every source (`mappings/outputs.json`). */
export function getOutputsRules(): OutputsRules {
  outputsRules ??= load(OUTPUTS_RULES_FILE) as OutputsRules;
  return outputsRules;
}

/**
 * A table as the engine runs it: the included rows follow its own, with their sources prefixed, and each category
 * named for a section of amplify_outputs.json gets that section's requirements and defaults.
 */
export function getTable(id: TableId): MappingTable {
  let table = composed.get(id);
  if (!table) {
    table = withOutputsRules(compose(getRawTable(id), '', new Set([id])));
    composed.set(id, table);
  }
  return table;
}

/** A table with its includes resolved; requirements are still the source's part of them. */
type IncludedTable = Omit<WrittenTable, 'includes'>;

function compose(table: WrittenTable, prefix: string, seen: Set<string>): IncludedTable {
  const categories: Record<string, WrittenCategory> = {};
  const add = (name: string, category: WrittenCategory, base: string): void => {
    const target = categories[name] ?? { title: category.title, rows: [] };
    categories[name] = target;
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
    if (!isTableId(include.table) || seen.has(include.table)) throw new InternalFault(`Table ${table.id} cannot include ${include.table}.`);
    const included = compose(getRawTable(include.table), prefix + include.at, new Set([...seen, include.table]));
    for (const [name, category] of Object.entries(included.categories)) add(name, category, '');
  }
  const { includes: _includes, ...rest } = table;
  return { ...rest, categories };
}

/**
 * Adds the rules of amplify_outputs.json: each requirement takes its fields from them and, where the source table
 * says it, the resolution and alternatives for its input; the defaults follow the source's own.
 */
function withOutputsRules(table: IncludedTable): MappingTable {
  const sourceParts = new Map<string, SourceRequirement>();
  for (const [name, category] of Object.entries(table.categories)) {
    for (const requirement of category.requires ?? []) {
      if (sectionName(requirement.section) !== name || sourceParts.has(requirement.section)) {
        throw new InternalFault(`Table ${table.id} states the requirement of ${requirement.section} in category ${name}, or twice.`);
      }
      sourceParts.set(requirement.section, requirement);
    }
  }
  const categories: Record<string, CategoryTable> = {};
  for (const [name, category] of Object.entries(table.categories)) categories[name] = { ...category, requires: undefined };
  for (const [name, rules] of Object.entries(getOutputsRules().sections)) {
    const category = categories[name] ?? { title: categoryTitle(name) ?? name, rows: [] };
    categories[name] = category;
    const requires: SectionRequirement[] = (rules.requires ?? []).map((rule) => {
      const part = sourceParts.get(rule.section);
      sourceParts.delete(rule.section);
      return { ...rule, ...part, fields: rule.fields };
    });
    if (requires.length > 0) category.requires = requires;
    if (rules.defaults) category.defaults = [...(category.defaults ?? []), ...rules.defaults];
  }
  for (const section of sourceParts.keys())
    throw new InternalFault(`Table ${table.id} states a requirement of ${section}, which amplify_outputs.json does not have.`);
  return { ...table, categories };
}

/** The name of an output section: the first token of its pointer. */
function sectionName(pointer: string): string {
  return pointer.split('/')[1] ?? '';
}

function prefixRow(row: Row, base: string): Row {
  if (base === '') return row;
  return { ...row, source: base + row.source, base: base + (row.base ?? '') };
}

/** All tables as written, for documentation and tests. */
export function getTables(): WrittenTable[] {
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
