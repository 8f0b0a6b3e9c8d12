import path from 'node:path';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CLIENT_FILE_PLACES, FORMATS, GEN1_FILE_NAMES, PROJECT_FILE_PLACES, SOURCE_FORMATS } from '../src/formats/index.js';
import { TABLE_FILES } from '../src/mapping/tables.js';

/** The format descriptors are the one statement of each format; these are the rules they must keep. */
describe('format descriptors', () => {
  it('have one descriptor per format, each with its own id', () => {
    expect(Object.keys(FORMATS).sort()).toEqual([...SOURCE_FORMATS].sort());
    for (const id of SOURCE_FORMATS) expect(FORMATS[id].id).toBe(id);
  });

  it('name a mapping table that exists, and every table is read by a format', () => {
    const tables = new Set(SOURCE_FORMATS.map((id) => FORMATS[id].table));
    expect([...tables].sort()).toEqual(Object.keys(TABLE_FILES).sort());
  });

  it('keep their usual places under one of their file names, and default to one of them', () => {
    for (const id of SOURCE_FORMATS) {
      const { usualPlaces, fileNames, defaultFileName } = FORMATS[id];
      expect(fileNames).toContain(defaultFileName);
      for (const place of usualPlaces) expect(fileNames, `${id}: ${place}`).toContain(path.posix.basename(place));
    }
  });

  it('give the lists the command line searches', () => {
    expect(CLIENT_FILE_PLACES).toContain('src/aws-exports.js');
    expect(CLIENT_FILE_PLACES).toContain('lib/amplifyconfiguration.dart');
    expect(CLIENT_FILE_PLACES).not.toContain('amplify/backend/amplify-meta.json');
    expect(PROJECT_FILE_PLACES).toEqual(['amplify/#current-cloud-backend/amplify-meta.json', 'amplify/backend/amplify-meta.json']);
    expect([...GEN1_FILE_NAMES].sort()).toEqual([
      'amplify-meta.json',
      'amplifyconfiguration.dart',
      'amplifyconfiguration.json',
      'aws-exports.js',
      'aws-exports.ts',
      'awsconfiguration.json',
    ]);
  });

  it('are each listed in the README', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    for (const id of SOURCE_FORMATS) expect(readme, id).toContain(`| \`${id}\` |`);
  });
});
