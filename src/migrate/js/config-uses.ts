import type { types } from 'recast';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { RewriteContext } from '../types.js';

/** A local name a JavaScript or TypeScript module binds to the Gen1 configuration it loads. */
export interface ConfigBinding {
  /** The local identifier (`config` in `import config from './aws-exports'`). */
  name: string;
  /** True when the configuration is reached through `.default` on it (`import * as cfg`, an unwrapped `require`). */
  throughDefault: boolean;
}

/**
 * Rewrites, in place, what a module does with the configuration it loads once the binding holds amplify_outputs.json
 * instead: reads of Gen1 keys, `Amplify.configure` calls with overrides, and the wiring of REST APIs and
 * predictions. Returns the findings (each with the file, line and column).
 */
export function rewriteConfigUses(_file: types.namedTypes.File, _bindings: readonly ConfigBinding[], _context: RewriteContext): Diagnostic[] {
  return [];
}
