import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { getOutputsRules, getTable, getTables, TABLE_FILES, type TableId } from '../src/mapping/tables.js';
import { OUTPUTS_VERSIONS } from '../src/outputs/versions.js';

const rules = getOutputsRules();
const readJson = (file: string): Record<string, unknown> => JSON.parse(readFileSync(new URL(file, import.meta.url), 'utf8')) as Record<string, unknown>;

type SchemaNode = { required?: string[]; properties?: Record<string, SchemaNode>; anyOf?: SchemaNode[] };

/** The schema's object at an output pointer, following properties (notifications: its Pinpoint alternative). */
function schemaAt(schema: SchemaNode, pointer: string): SchemaNode | undefined {
  let node: SchemaNode | undefined = schema;
  for (const token of pointer.split('/').slice(1)) node = node?.properties?.[token];
  return node?.required ? node : node?.anyOf?.find((option) => option.required?.includes('aws_region'));
}

/** Every object of the schema that has required fields, down to the sections' own objects. */
function requiredObjects(schema: SchemaNode, pointer = '', depth = 0): string[] {
  const found = pointer !== '' && schemaAt(schema, pointer) ? [pointer] : [];
  if (depth === 2) return found;
  return [...found, ...Object.entries(schema.properties ?? {}).flatMap(([key, child]) => requiredObjects(child, `${pointer}/${key}`, depth + 1))];
}

/** Objects that a transform writes whole, with what they require, so no section rule is needed for them. */
const WRITTEN_WHOLE = {
  '/auth/passwordless': 'written whole from the user pool settings',
  '/geo/maps': 'written whole with its default by the geo transforms',
  '/geo/search_indices': 'written whole with its default by the geo transforms',
  '/geo/geofence_collections': 'written whole with its default by the geo transforms',
  '/notifications/amazon_connect': 'not written: Gen1 has no Amazon Connect notifications',
};

describe('the rules of amplify_outputs.json (mappings/outputs.json)', () => {
  it('validate against their schema', () => {
    const ajv = new Ajv2020({ allErrors: true });
    const validate = ajv.compile(readJson('../mappings/outputs.schema.json'));
    expect(validate(rules), JSON.stringify(validate.errors)).toBe(true);
  });

  for (const version of OUTPUTS_VERSIONS) {
    it(`say exactly what the ${version} schema requires of each section: its required fields or their defaults`, () => {
      const schema = readJson(`../schemas/schema_v${version}.json`) as SchemaNode;
      const requirements = Object.values(rules.sections).flatMap((section) => section.requires ?? []);
      const defaults = Object.values(rules.sections).flatMap((section) => section.defaults ?? []);
      const stated = new Map<string, string[]>();
      const state = (target: string): void => {
        const parent = target.slice(0, target.lastIndexOf('/'));
        stated.set(parent, [...(stated.get(parent) ?? []), target.slice(parent.length + 1)]);
      };
      for (const requirement of requirements) {
        for (const field of requirement.fields) {
          expect(field.startsWith(`${requirement.section}/`), field).toBe(true);
          state(field);
        }
      }
      for (const row of defaults) state(row.target);
      for (const [pointer, fields] of stated) expect(fields.sort(), pointer).toEqual([...(schemaAt(schema, pointer)?.required ?? [])].sort());
      const uncovered = requiredObjects(schema).filter((pointer) => !stated.has(pointer) && !(pointer in WRITTEN_WHOLE));
      expect(uncovered).toEqual([]);
    });
  }

  it('are what every source table applies; a source table adds only its resolution, alternatives and own defaults', () => {
    const gen2Sections = Object.values(rules.sections).flatMap((section) => (section.requires ?? []).map((requirement) => requirement.section));
    const gen2Defaults = new Set(Object.values(rules.sections).flatMap((section) => (section.defaults ?? []).map((row) => row.target)));
    for (const table of getTables()) {
      for (const category of Object.values(table.categories)) {
        for (const requirement of category.requires ?? []) {
          expect(gen2Sections, `${table.id}: ${requirement.section}`).toContain(requirement.section);
          expect(requirement, `${table.id}: ${requirement.section}`).not.toHaveProperty('fields');
        }
        for (const row of category.defaults ?? []) expect(gen2Defaults.has(row.target), `${table.id}: ${row.target}`).toBe(false);
      }
    }
    for (const id of Object.keys(TABLE_FILES) as TableId[]) {
      const applied = Object.values(getTable(id).categories).flatMap((category) => (category.requires ?? []).map((requirement) => requirement.section));
      expect(applied.sort(), id).toEqual([...gen2Sections].sort());
    }
  });
});
