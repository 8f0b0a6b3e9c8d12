import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse as parseJsonc } from 'jsonc-parser';
import type { AmplifyOutputs } from '../convert.js';
import { FORMATS } from '../formats/index.js';
import { rewriteSource } from './index.js';

/** jscodeshift parses with this when the transform asks it to; the transform parses each file itself. */
export const parser = 'tsx';

/** What jscodeshift gives a transform for each file. */
export interface TransformFile {
  path: string;
  source: string;
}

/** The part of jscodeshift's API the transform uses: `report` prints a message for the file. */
export interface TransformApi {
  report?: (message: string) => void;
}

/**
 * Options, from jscodeshift's command line (`--gen1=src/aws-exports.js`). Paths are relative to the app's root.
 * - `root`: the app's root; default: the nearest folder above the file with a package.json (not above the folder
 *   holding .git);
 * - `gen1`: the Gen1 file the app loads; default: the first that exists of the usual places of aws-exports.js and
 *   amplifyconfiguration.json (`src/aws-exports.js`, `aws-exports.js`, `src/amplifyconfiguration.json`, ...);
 * - `outputs`: where amplify_outputs.json is; default: `amplify_outputs.json` at the root;
 * - `quiet`: report nothing; otherwise each warning (and with `verbose`, each finding) is reported.
 */
export interface TransformOptions {
  root?: string;
  gen1?: string;
  outputs?: string;
  quiet?: boolean;
  verbose?: boolean | number;
}

/** What the transform works out once per app: where things are, and the aliases of its tsconfig or jsconfig. */
interface AppLayout {
  root: string;
  gen1Path: string | undefined;
  outputsPath: string;
  aliases: Record<string, string>;
  outputs: AmplifyOutputs | undefined;
}

const layouts = new Map<string, AppLayout>();

/**
 * A jscodeshift transform: `npx jscodeshift -t node_modules/amplify-outputs-migrate/dist/codemod/transform.cjs
 * --extensions=js,jsx,ts,tsx,vue,svelte src`. Each file that loads the Gen1 configuration is made to load
 * amplify_outputs.json (see rewriteSource); it returns the new source, or undefined when nothing changed. It reads
 * the file system only to find the app (its root, Gen1 file and path aliases); the rewriting is rewriteSource's.
 */
export default function transformer(file: TransformFile, api: TransformApi = {}, options: TransformOptions = {}): string | undefined {
  const absolute = path.resolve(file.path);
  const app = layoutOf(path.dirname(absolute), options);
  const result = rewriteSource(file.source, {
    path: toPosix(path.relative(app.root, absolute)),
    ...(app.gen1Path === undefined ? {} : { gen1Path: app.gen1Path }),
    outputsPath: app.outputsPath,
    aliases: app.aliases,
    ...(app.outputs === undefined ? {} : { outputs: app.outputs }),
  });
  if (!options.quiet) {
    for (const diagnostic of result.diagnostics) {
      if (diagnostic.severity === 'info' && !options.verbose) continue;
      const { line, column } = diagnostic.source;
      const resolution = diagnostic.severity === 'info' ? '' : ` ${diagnostic.resolution}`;
      api.report?.(`${line}:${column} ${diagnostic.severity} ${diagnostic.code}: ${diagnostic.message}${resolution}`);
    }
  }
  return result.text === file.source ? undefined : result.text;
}

function toPosix(file: string): string {
  return file.split(path.sep).join('/');
}

function layoutOf(folder: string, options: TransformOptions): AppLayout {
  const root = options.root === undefined ? appRoot(folder) : path.resolve(options.root);
  const key = `${root}\0${options.gen1 ?? ''}\0${options.outputs ?? ''}`;
  let layout = layouts.get(key);
  if (!layout) {
    const outputsPath = toPosix(options.outputs ?? 'amplify_outputs.json');
    layout = {
      root,
      gen1Path: options.gen1 === undefined ? findGen1(root) : toPosix(options.gen1),
      outputsPath,
      aliases: aliasesOf(root),
      outputs: readOutputs(path.join(root, outputsPath)),
    };
    layouts.set(key, layout);
  }
  return layout;
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The nearest folder with a package.json, searching up to the repository's root (the folder holding .git). */
function appRoot(folder: string): string {
  for (let current = folder; ; ) {
    if (isFile(path.join(current, 'package.json'))) return current;
    const parent = path.dirname(current);
    if (existsSync(path.join(current, '.git')) || parent === current) return folder;
    current = parent;
  }
}

/** The first usual place of the JavaScript Gen1 files (aws-exports.js, amplifyconfiguration.json) that exists. */
function findGen1(root: string): string | undefined {
  const places = [...FORMATS['aws-exports'].usualPlaces, ...FORMATS['amplifyconfiguration-json'].usualPlaces];
  return places.find((place) => isFile(path.join(root, place)));
}

/**
 * The path aliases of the root's tsconfig.json (or jsconfig.json): each `"prefix/*": ["folder/*"]` of
 * compilerOptions.paths, from baseUrl. A configuration it `extends` is not followed.
 */
function aliasesOf(root: string): Record<string, string> {
  for (const name of ['tsconfig.json', 'jsconfig.json']) {
    const file = path.join(root, name);
    if (!isFile(file)) continue;
    const config = parseJsonc(readFileSync(file, 'utf8')) as { compilerOptions?: { baseUrl?: string; paths?: Record<string, string[]> } } | undefined;
    const options = config?.compilerOptions;
    const aliases: Record<string, string> = {};
    for (const [pattern, targets] of Object.entries(options?.paths ?? {})) {
      const target = targets[0];
      if (!pattern.endsWith('*') || !target?.endsWith('*')) continue;
      const folder = path.posix.normalize(path.posix.join(toPosix(options?.baseUrl ?? '.'), target.slice(0, -1)));
      aliases[pattern.slice(0, -1)] = folder === '.' || folder === './' ? '' : folder.endsWith('/') ? folder : `${folder}/`;
    }
    return aliases;
  }
  return {};
}

function readOutputs(file: string): AmplifyOutputs | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as AmplifyOutputs;
  } catch {
    return undefined;
  }
}
