import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type ConversionError, type InternalFault, isConversionError, isInternalFault } from '../src/errors.js';
import { compileTable } from '../src/mapping/compiled-table.js';
import { setAt } from '../src/mapping/output-tree.js';
import type { MappingTable } from '../src/mapping/table-types.js';
import { readProject } from '../src/project/read-project.js';

const ROOT = path.resolve(import.meta.dirname, '..');

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('nothing was thrown');
}

function tableWith(transform: string): MappingTable {
  return { id: 'test-table', description: 'x', categories: { auth: { title: 'Auth', rows: [{ source: '/a', target: '/auth/a', transform }] } } };
}

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const full = path.join(folder, name);
    return statSync(full).isDirectory() ? sourceFiles(full) : name.endsWith('.ts') ? [full] : [];
  });
}

describe('errors of the engine, the transforms and the project reader', () => {
  it('a table naming a transform the registry lacks is an InternalFault when it is compiled, naming the table and row', () => {
    for (const name of ['noSuchTransform', 'toString', 'constructor']) {
      const error = thrown(() => compileTable(tableWith(name)));
      expect(isInternalFault(error), String(error)).toBe(true);
      expect((error as InternalFault).message).toContain(`"${name}" in table test-table (row /a)`);
    }
    expect(compileTable(tableWith('string')).rows).toHaveLength(1);
  });

  it('a value written at the root of the output is an InternalFault', () => {
    expect(isInternalFault(thrown(() => setAt({}, '', 1)))).toBe(true);
  });

  it('a folder without amplify-meta.json is a ConversionError that names the folder', () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'amplify-outputs-migrate-no-project-'));
    try {
      const error = thrown(() => readProject(folder));
      expect(isConversionError(error), String(error)).toBe(true);
      const { diagnostic } = error as ConversionError;
      expect(diagnostic.code).toBe('NO_CONFIG_OBJECT');
      expect(diagnostic.source.file).toBe(folder);
      expect(diagnostic.message).toContain('amplify/backend/amplify-meta.json');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('no bare Error is thrown in src/mapping, src/transforms, src/project or src/formats', () => {
    const files = ['src/mapping', 'src/transforms', 'src/project', 'src/formats'].flatMap((folder) => sourceFiles(path.join(ROOT, folder)));
    expect(files.length).toBeGreaterThan(20);
    const bare = files.filter((file) => /\bthrow new (Error|TypeError|RangeError)\(/.test(readFileSync(file, 'utf8')));
    expect(bare.map((file) => path.relative(ROOT, file))).toEqual([]);
  });
});
