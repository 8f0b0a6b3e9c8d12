/**
 * The contract between the installed launcher (src/bin/amplify-outputs-migrate.cts) and the code it runs: the
 * bundled command line (src/cli/main.ts) and the library's JavaScript reader (src/readers/js-parser.ts). The
 * launcher runs the bundle as a script in this same context, so the two meet on one global: before it runs the
 * bundle, the launcher puts a LauncherOffer under Symbol.for(LAUNCHER_KEY); the bundle reads it with
 * launcherOffer(). Without a launcher (the library used on its own, or dist/cli/main.js run directly) there is no
 * offer, and each side does without: workers start from main.js, and @babel/parser is required as a package.
 *
 * The launcher imports only the types of this module (so that its start loads no other file) and names the key by
 * its literal type, LauncherKey: a key changed on one side and not the other fails to compile.
 */

type JsParser = typeof import('@babel/parser');

/** What the launcher offers the code it runs. */
export interface LauncherOffer {
  /** The script worker threads start from: the launcher itself, so that they run with its code caches too. */
  entry: string;
  /** Loads @babel/parser (its own bundle, with its code cache); called on first use only. */
  loadJsParser(): JsParser;
}

/** The name of the global symbol (Symbol.for) the offer is put under. */
export const LAUNCHER_KEY = 'amplify-outputs-migrate.launcher';
export type LauncherKey = typeof LAUNCHER_KEY;

/** The launcher's offer, when the code runs under the launcher. */
export function launcherOffer(): LauncherOffer | undefined {
  return (globalThis as Record<symbol, LauncherOffer | undefined>)[Symbol.for(LAUNCHER_KEY)];
}
