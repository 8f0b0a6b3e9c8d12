import { createRequire } from 'node:module';
import { launcherOffer } from '../bin/launcher-contract.js';

type JsParser = typeof import('@babel/parser');

/**
 * The parser, loaded on first use only, so that JSON inputs do not pay for it: under the command line's launcher,
 * with the loader it offers (which runs the parser with its V8 code cache; see src/bin/launcher-contract.ts); the
 * library, used on its own, requires the package.
 */
let parser: JsParser | undefined;

export function jsParser(): JsParser {
  if (!parser) {
    parser = launcherOffer()?.loadJsParser() ?? (createRequire(import.meta.url)('@babel/parser') as JsParser);
  }
  return parser;
}
