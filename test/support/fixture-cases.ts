import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ConvertOptions } from '../../src/index.js';

/**
 * The fixture cases: every folder of fixtures/ holds one input file (any name but expected.*, options.json and
 * README.md, at any depth), optional options.json (library options), and the expected results.
 */
export const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures');

export interface FixtureCase {
  name: string;
  dir: string;
  input: string;
  /** The input's path inside the case folder, used as the file name in diagnostics. */
  fileName: string;
  text: string;
  options: ConvertOptions;
}

function listFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const full = path.join(directory, name);
    return statSync(full).isDirectory() ? listFiles(full) : [full];
  });
}

export function fixtureCases(): FixtureCase[] {
  return readdirSync(FIXTURES)
    .filter((name) => statSync(path.join(FIXTURES, name)).isDirectory())
    .sort()
    .map((name) => {
      const dir = path.join(FIXTURES, name);
      const inputs = listFiles(dir).filter((file) => {
        const base = path.basename(file);
        return !base.startsWith('expected.') && base !== 'options.json' && base !== 'README.md';
      });
      if (inputs.length !== 1) throw new Error(`${dir} must hold exactly one input file, found ${inputs.length}`);
      const input = inputs[0]!;
      const optionsFile = path.join(dir, 'options.json');
      const options = (existsSync(optionsFile) ? JSON.parse(readFileSync(optionsFile, 'utf8')) : {}) as ConvertOptions;
      return { name, dir, input, fileName: path.relative(dir, input), text: readFileSync(input, 'utf8'), options };
    });
}
