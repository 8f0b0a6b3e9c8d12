import { createRequire } from 'node:module';
import type { Language as TreeSitterLanguage, Node, Parser as TreeSitterParser, Tree } from 'web-tree-sitter';

/** The native languages whose sources are rewritten. */
export type NativeLanguage = 'dart' | 'swift' | 'kotlin' | 'java';

export const NATIVE_LANGUAGES: readonly NativeLanguage[] = ['dart', 'swift', 'kotlin', 'java'];

/** Loaded tree-sitter grammars, one per native language: parsing with them is synchronous. */
export interface NativeParsers {
  parse(language: NativeLanguage, text: string): Tree;
}

export type { Node, Tree };

let loading: Promise<NativeParsers> | undefined;

/**
 * Loads web-tree-sitter and the four grammars (prebuilt WebAssembly from tree-sitter-wasms), once per process. Only
 * a run that has a native file to rewrite calls it, so that starting the command line loads none of it.
 */
export function loadNativeParsers(): Promise<NativeParsers> {
  loading ??= load().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

async function load(): Promise<NativeParsers> {
  const require = createRequire(import.meta.url);
  const { Parser, Language } = require('web-tree-sitter') as typeof import('web-tree-sitter');
  await Parser.init();
  const languages = new Map<NativeLanguage, TreeSitterLanguage>();
  for (const name of NATIVE_LANGUAGES) {
    languages.set(name, await Language.load(require.resolve(`tree-sitter-wasms/out/tree-sitter-${name}.wasm`)));
  }
  const parsers = new Map<NativeLanguage, TreeSitterParser>();
  return {
    parse(language, text) {
      let parser = parsers.get(language);
      if (parser === undefined) {
        parser = new Parser();
        parser.setLanguage(languages.get(language) ?? null);
        parsers.set(language, parser);
      }
      const tree = parser.parse(text);
      if (tree === null) throw new Error(`The ${language} parser gave no tree`);
      return tree;
    },
  };
}
