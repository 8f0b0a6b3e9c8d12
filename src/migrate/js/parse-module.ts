import { createRequire } from 'node:module';
import type { ParserPlugin } from '@babel/parser';
import type { types } from 'recast';
import { jsParser } from '../../readers/js-parser.js';

type Recast = typeof import('recast');

/** The languages a module can be written in: the script of a Vue or Svelte component is JavaScript or TypeScript. */
export type JsLanguage = 'js' | 'jsx' | 'ts' | 'tsx' | 'vue' | 'svelte';

/** recast, loaded on first use only: a run whose files never mention a Gen1 configuration does not load it. */
let recastModule: Recast | undefined;

export function recast(): Recast {
  recastModule ??= createRequire(import.meta.url)('recast') as Recast;
  return recastModule;
}

/** A module's exports, loaded when first used: importing a module that names them loads nothing. */
function loadedOnUse<T extends object>(load: () => T): T {
  return new Proxy({} as T, { get: (_target, key) => Reflect.get(load(), key) });
}

/** recast's node builders and named types (`b.identifier(...)`, `n.Identifier.check(...)`), loaded on first use. */
export const builders: typeof types.builders = loadedOnUse(() => recast().types.builders);
export const namedTypes: typeof types.namedTypes = loadedOnUse(() => recast().types.namedTypes);

/** The language of a file, from its name: `.ts`, `.mts` and `.cts` are TypeScript without JSX; JavaScript allows JSX. */
export function languageOf(path: string): JsLanguage {
  const extension = /\.([^./]+)$/.exec(path)?.[1]?.toLowerCase() ?? '';
  if (extension === 'ts' || extension === 'mts' || extension === 'cts') return 'ts';
  if (extension === 'tsx') return 'tsx';
  if (extension === 'vue') return 'vue';
  if (extension === 'svelte') return 'svelte';
  if (extension === 'jsx') return 'jsx';
  return 'js';
}

/** A module that did not parse: the parser's message and where (1-based line and column). */
export class ModuleSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number | undefined,
    readonly column: number | undefined,
  ) {
    super(message);
  }
}

/**
 * The plugin sets tried, in order. JavaScript is tried with JSX first (React), then with Flow (React Native);
 * TypeScript files with JSX only when the file is .tsx, where `<T>x` is not a cast.
 */
function pluginSets(language: 'js' | 'jsx' | 'ts' | 'tsx'): ParserPlugin[][] {
  switch (language) {
    case 'ts':
      return [['typescript', 'decorators-legacy']];
    case 'tsx':
      return [['typescript', 'jsx', 'decorators-legacy']];
    default:
      return [
        ['jsx', 'decorators-legacy'],
        ['jsx', 'flow', 'decorators-legacy'],
      ];
  }
}

type BabelOptions = import('@babel/parser').ParserOptions;

/**
 * Runs `parse` with each plugin set for the language, as an ES module, then as a script (CommonJS that is not valid
 * in strict mode), until one parses. Throws a ModuleSyntaxError, at the first attempt's position, when none does.
 */
function firstParse<T>(language: 'js' | 'jsx' | 'ts' | 'tsx', parse: (options: BabelOptions) => T): T {
  let first: unknown;
  for (const plugins of pluginSets(language)) {
    for (const sourceType of ['module', 'script'] as const) {
      try {
        return parse({
          sourceType,
          plugins,
          allowImportExportEverywhere: true,
          allowReturnOutsideFunction: true,
          allowAwaitOutsideFunction: true,
          allowUndeclaredExports: true,
        });
      } catch (error) {
        first ??= error;
      }
    }
  }
  const loc = (first as { loc?: { line: number; column: number } }).loc;
  const message = first instanceof Error ? first.message.replace(/ \(\d+:\d+\)$/, '') : String(first);
  throw new ModuleSyntaxError(message, loc?.line, loc === undefined ? undefined : loc.column + 1);
}

/**
 * Parses a module with @babel/parser alone: its nodes' offsets (`start`, `end`) are offsets into `text` itself, and
 * its `comments` are all the comments. For finding; nothing is printed from it.
 */
export function parseSyntax(text: string, language: 'js' | 'jsx' | 'ts' | 'tsx'): types.namedTypes.File {
  const babel = jsParser();
  return firstParse(language, (options) => babel.parse(text, options) as unknown as types.namedTypes.File);
}

/**
 * Parses a module with recast over @babel/parser (with its tokens), so that `recast.print` gives back the exact text
 * of everything not changed (print with the same `layout`: recast reindents what it reprints by the difference).
 */
export function parseModule(text: string, language: 'js' | 'jsx' | 'ts' | 'tsx', layout: { tabWidth?: number; useTabs?: boolean } = {}): types.namedTypes.File {
  const babel = jsParser();
  return firstParse(
    language,
    (options) =>
      recast().parse(text, { ...layout, parser: { parse: (source: string) => babel.parse(source, { ...options, tokens: true }) } }) as types.namedTypes.File,
  );
}
