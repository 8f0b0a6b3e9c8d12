import { describe, expect, it } from 'vitest';
import { convert, DIAGNOSTIC_CODES, isConversionError, type Diagnostic } from '../src/index.js';
import { getTables } from '../src/mapping/tables.js';
import { isReportRow } from '../src/mapping/table-types.js';
import { corpusFiles } from './support/corpus.js';
import { fixtureCases } from './support/fixture-cases.js';
import { readFileSync } from 'node:fs';

const NO_ACTION = 'No action is needed.';
const CORPUS_FOLDERS = ['aws-exports', 'amplifyconfiguration', 'awsconfiguration', 'amplify-meta', 'amplifyconfiguration-dart'];

/** The findings of a conversion, or the one finding of a refusal. */
function findings(text: string, options: Parameters<typeof convert>[1]): Diagnostic[] {
  try {
    return convert(text, options).diagnostics;
  } catch (error) {
    if (isConversionError(error)) return [error.diagnostic];
    throw error;
  }
}

function expectActionable(diagnostic: Diagnostic, where: string): void {
  if (diagnostic.severity === 'info') return;
  expect(diagnostic.resolution, `${where}: ${diagnostic.code} at ${diagnostic.source.pointer}`).not.toBe(NO_ACTION);
  expect(diagnostic.resolution.length, `${where}: ${diagnostic.code}`).toBeGreaterThan(10);
}

/** Every finding a person must act on says what to do. */
describe('resolutions', () => {
  it('every code of error or warning severity has its own resolution, an action', () => {
    for (const [code, info] of Object.entries(DIAGNOSTIC_CODES)) {
      if (info.severity === 'info') continue;
      expect('resolution' in info ? info.resolution : undefined, code).toMatch(/^(?!No action is needed\.$).{10,}[.)]$/s);
    }
  });

  it('a report row that raises a finding to an error or warning gives a resolution, or its code has one', () => {
    for (const table of getTables()) {
      for (const category of Object.values(table.categories)) {
        for (const row of category.rows.filter(isReportRow)) {
          const info = DIAGNOSTIC_CODES[row.report];
          const severity = row.severity ?? info.severity;
          if (severity !== 'info') expect(row.resolution ?? ('resolution' in info ? info.resolution : undefined), `${table.id} ${row.source}`).toBeDefined();
        }
      }
    }
  });

  it('every error and warning of the fixtures and the corpus says what to do', () => {
    for (const fixture of fixtureCases())
      for (const diagnostic of findings(fixture.text, { ...fixture.options, fileName: fixture.fileName })) expectActionable(diagnostic, fixture.name);
    for (const file of CORPUS_FOLDERS.flatMap((folder) => corpusFiles(folder)))
      for (const diagnostic of findings(readFileSync(file, 'utf8'), { fileName: file })) expectActionable(diagnostic, file);
  });

  it('a JSON file that is not an object, read as awsconfiguration, says what to do', () => {
    const [diagnostic] = findings('[1]', { from: 'awsconfiguration', fileName: 'x.json' });
    expect(diagnostic?.severity).toBe('error');
    expectActionable(diagnostic!, 'x.json');
  });
});
