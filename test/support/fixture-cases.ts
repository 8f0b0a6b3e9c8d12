import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ConvertOptions } from '../../src/index.js';

/**
 * The fixture cases, grouped by input format: fixtures/convert/<format>/<case>/, where <format> is the format the
 * input is read as (the `format` of the result; for input that is refused, the one `detectFormat` names, such as
 * `amplify-outputs` for a file that already is Gen2). A case folder holds one input file (any name but expected.*,
 * options.json and README.md, at any depth), optional options.json (library options), and the expected results.
 */
export const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures');
/** The folder of the conversion cases, one folder per format. */
export const CONVERT_CASES = path.join(FIXTURES, 'convert');

export interface FixtureCase {
  /** `<format>/<case>`, the case folder's path below fixtures/convert. */
  name: string;
  /** The format folder the case is in. */
  format: string;
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

/** The folders directly below a folder, sorted; anything else there is a misplaced file. */
function subfolders(directory: string): string[] {
  const names = readdirSync(directory).sort();
  const files = names.filter((name) => !statSync(path.join(directory, name)).isDirectory());
  if (files.length > 0) throw new Error(`${directory} must hold only folders, found ${files.join(', ')}`);
  return names;
}

function readCase(format: string, name: string): FixtureCase {
  const dir = path.join(CONVERT_CASES, format, name);
  const inputs = listFiles(dir).filter((file) => {
    const base = path.basename(file);
    return !base.startsWith('expected.') && base !== 'options.json' && base !== 'README.md';
  });
  if (inputs.length !== 1) throw new Error(`${dir} must hold exactly one input file, found ${inputs.length}`);
  const input = inputs[0]!;
  const optionsFile = path.join(dir, 'options.json');
  const options = (existsSync(optionsFile) ? JSON.parse(readFileSync(optionsFile, 'utf8')) : {}) as ConvertOptions;
  return { name: `${format}/${name}`, format, dir, input, fileName: path.relative(dir, input), text: readFileSync(input, 'utf8'), options };
}

export function fixtureCases(): FixtureCase[] {
  return subfolders(CONVERT_CASES).flatMap((format) => subfolders(path.join(CONVERT_CASES, format)).map((name) => readCase(format, name)));
}
