import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_CODES } from '../src/index.js';
import { getTables } from '../src/mapping/tables.js';
import { matchSource } from '../src/mapping/match-source.js';
import { isMapRow, isReportRow } from '../src/mapping/table-types.js';
import { DEFAULT_TRANSFORM, isTransformName, TRANSFORMS } from '../src/transforms/registry.js';
import { fixtureCases } from './support/fixture-cases.js';
import { readDocument } from './support/read-document.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const mappingSchema = JSON.parse(readFileSync(path.join(ROOT, 'mappings/mapping.schema.json'), 'utf8')) as object;

/** The source trees of the fixtures that can be read (those that cannot exercise no row). */
function fixtureDocuments() {
  return fixtureCases().flatMap((fixture) => {
    try {
      return [readDocument(fixture.text, fixture.fileName, fixture.options.from)];
    } catch {
      return [];
    }
  });
}

describe('mapping tables', () => {
  const tables = getTables();
  const validate = new Ajv2020({ allErrors: true }).compile(mappingSchema);

  it('give each category one title, whichever table names it (report headings do not depend on which tables are loaded)', () => {
    const titles = new Map<string, Set<string>>();
    for (const table of tables) {
      for (const [name, category] of Object.entries(table.categories)) titles.set(name, (titles.get(name) ?? new Set()).add(category.title));
    }
    const differing = [...titles].filter(([, names]) => names.size > 1).map(([name, names]) => `${name}: ${[...names].join(' / ')}`);
    expect(differing).toEqual([]);
  });

  for (const table of tables) {
    it(`${table.id} validates against mappings/mapping.schema.json`, () => {
      expect(validate(table), JSON.stringify(validate.errors, null, 2)).toBe(true);
    });

    it(`${table.id} names only known transforms and diagnostic codes`, () => {
      for (const category of Object.values(table.categories)) {
        for (const row of category.rows) {
          if (isMapRow(row)) {
            const name = typeof row.transform === 'string' ? row.transform : (row.transform?.name ?? DEFAULT_TRANSFORM);
            expect(isTransformName(name), `transform ${name} of ${row.source}`).toBe(true);
            if (row.notice) expect(DIAGNOSTIC_CODES, `notice of ${row.source}`).toHaveProperty(row.notice);
          }
          if (isReportRow(row)) expect(DIAGNOSTIC_CODES, `code of ${row.source}`).toHaveProperty(row.report);
        }
        for (const requirement of category.requires ?? []) {
          for (const option of requirement.when ?? []) expect(DIAGNOSTIC_CODES).toHaveProperty(option.code);
        }
        for (const fallback of category.defaults ?? []) if (fallback.notice) expect(DIAGNOSTIC_CODES).toHaveProperty(fallback.notice);
      }
    });

    it(`${table.id}: every row is exercised by at least one fixture`, () => {
      const documents = fixtureDocuments();
      const unexercised = Object.values(table.categories)
        .flatMap((category) => category.rows)
        .filter((row) => !documents.some((document) => matchSource(document.root, row.source).length > 0))
        .map((row) => row.source);
      expect(unexercised).toEqual([]);
    });
  }

  it('name only transforms of the registry, in every file of mappings/, and the registry has none that no table names', () => {
    // The tables are the files of mappings/ that have categories (not the schemas, nor the rules of outputs.json).
    const files = readdirSync(path.join(ROOT, 'mappings')).filter((name) => name.endsWith('.json'));
    const written = files
      .map(
        (file) => JSON.parse(readFileSync(path.join(ROOT, 'mappings', file), 'utf8')) as { categories?: Record<string, { rows: Record<string, unknown>[] }> },
      )
      .filter((json): json is Required<typeof json> => json.categories !== undefined);
    expect(written.length).toBeGreaterThanOrEqual(tables.length);
    const named = new Set<string>();
    for (const table of written) {
      for (const category of Object.values(table.categories)) {
        for (const row of category.rows) {
          if (!('target' in row)) continue;
          const transform = row['transform'] as string | { name: string } | undefined;
          named.add(typeof transform === 'string' ? transform : (transform?.name ?? DEFAULT_TRANSFORM));
        }
      }
    }
    expect(
      [...named].filter((name) => !isTransformName(name)),
      'transforms the registry lacks',
    ).toEqual([]);
    // The default transform is the engine's, named by no row.
    expect(
      Object.keys(TRANSFORMS).filter((name) => name !== DEFAULT_TRANSFORM && !named.has(name)),
      'transforms no table names',
    ).toEqual([]);
    expect(isTransformName('toString'), 'an inherited property is no transform').toBe(false);
  });

  it('rejects a malformed row', () => {
    const broken = { id: 'x', description: 'x', formats: ['x'], categories: { a: { title: 'a', rows: [{ source: '/a', target: '/nowhere/b' }] } } };
    expect(validate(broken)).toBe(false);
  });
});
