import { createRequire } from 'node:module';

type JsParser = typeof import('@babel/parser');

/**
 * The command line's launcher offers a loader under this key that runs the parser with its V8 code cache; the
 * library, used on its own, requires the package. Either way the parser loads on first use only, so that JSON
 * inputs do not pay for it.
 */
export const JS_PARSER_LOADER = Symbol.for('amplify-outputs-migrate.load-js-parser');

let parser: JsParser | undefined;

export function jsParser(): JsParser {
  if (!parser) {
    const loader = (globalThis as Record<symbol, unknown>)[JS_PARSER_LOADER];
    parser = typeof loader === 'function' ? (loader() as JsParser) : (createRequire(import.meta.url)('@babel/parser') as JsParser);
  }
  return parser;
}
