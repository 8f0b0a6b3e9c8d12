import { posix } from 'node:path';
import type { AmplifyOutputs } from '../convert.js';
import type { SourceFormat } from '../formats/index.js';
import type { JsLanguage } from '../migrate/js/rewrite-js.js';
import { rewriteJsSource } from '../migrate/js/rewrite-js.js';
import type { ReadTarget, SourceRewrite } from '../migrate/types.js';
import { readTargetsOf } from '../migrate/read-targets.js';
import type { Platform } from '../platforms.js';

export type { JsLanguage } from '../migrate/js/rewrite-js.js';
export type { ReadTarget, SourceRewrite } from '../migrate/types.js';
export type { AmplifyOutputs } from '../convert.js';
export type { Platform } from '../platforms.js';
export type { DiagnosticCode, Severity } from '../diagnostics/codes.js';
export type { OutputsVersion } from '../outputs/versions.js';
export type { Diagnostic, DiagnosticSource } from '../diagnostics/diagnostic.js';

/**
 * Where a source file is and what it should load. Paths are relative to the app's root (or all absolute), with "/"
 * separators; only `path` is required.
 */
export interface RewriteSourceOptions {
  /** The file being rewritten (its extension tells its language, and its folder where relative paths start). */
  path: string;
  /**
   * The Gen1 file the app loads. With it, only specifiers that resolve to this file (with or without its extension)
   * are retargeted; without it, those that resolve to any file named `aws-exports` (`.js`, `.ts`, `.mjs`, `.cjs`)
   * or `amplifyconfiguration.json`.
   */
  gen1Path?: string;
  /** Where amplify_outputs.json is. Default: `amplify_outputs.json` (at the app's root). */
  outputsPath?: string;
  /**
   * Path aliases, a prefix and the folder it stands for: `{ "@/": "src/" }` (as tsconfig's `paths` `"@/*":
   * ["src/*"]`). A specifier through an alias stays one: `@/aws-exports` becomes `@/../amplify_outputs.json`.
   * Specifiers that are neither relative nor aliased are left alone.
   */
  aliases?: Readonly<Record<string, string>>;
  /** Decides the new specifier instead of the rules above: the new one, or undefined to leave the load alone. */
  retarget?: (specifier: string) => string | undefined;
  /** The file's language, when its extension does not tell it. */
  language?: JsLanguage;
  /** Default `web`. */
  platform?: Platform;
  /** The converted amplify_outputs.json, for rewriting what the module reads from the configuration. */
  outputs?: AmplifyOutputs;
  /** Where a Gen1 field (a JSON pointer into the Gen1 file) lives in amplify_outputs.json; default: as the mapping tables of the Gen1 file's format say. */
  readTarget?: (gen1Pointer: string) => ReadTarget | undefined;
}

/** The names of the Gen1 files a specifier is taken to load when no Gen1 file is named. */
const GEN1_FILE = /^(?:aws-exports(?:\.(?:js|ts|mjs|cjs))?|amplifyconfiguration\.json)$/;
const EXTENSIONS = ['', '.js', '.ts', '.mjs', '.cjs', '.jsx', '.tsx', '.json'];

/**
 * Rewrites one JavaScript or TypeScript source file (or the scripts of a Vue or Svelte component) so that it loads
 * amplify_outputs.json where it loaded the Gen1 configuration, keeping all other text as it is. Returns the new text
 * (the same string when nothing changed) and the findings: each load retargeted, each left alone and why.
 */
export function rewriteSource(text: string, options: RewriteSourceOptions): SourceRewrite {
  const outputsPath = options.outputsPath ?? 'amplify_outputs.json';
  const gen1Path = options.gen1Path ?? 'aws-exports';
  return rewriteJsSource(text, {
    path: options.path,
    platform: options.platform ?? 'web',
    gen1Path,
    gen1Format: gen1FormatOf(gen1Path),
    outputsPath,
    outputs: options.outputs ?? ({ version: '1.4' } as AmplifyOutputs),
    readTarget: options.readTarget ?? readTargetsOf(gen1FormatOf(gen1Path)),
    retarget: options.retarget ?? defaultRetarget({ ...options, outputsPath }),
    ...(options.language === undefined ? {} : { language: options.language }),
  });
}

function gen1FormatOf(gen1Path: string): SourceFormat {
  return gen1Path.endsWith('.json') ? 'amplifyconfiguration-json' : 'aws-exports';
}

/** The retargeting rules `rewriteSource` documents: relative and aliased specifiers, resolved from the file. */
export function defaultRetarget(options: RewriteSourceOptions & { outputsPath: string }): (specifier: string) => string | undefined {
  const folder = posix.dirname(options.path);
  const isGen1 = (resolved: string): boolean => {
    if (options.gen1Path === undefined) return GEN1_FILE.test(posix.basename(resolved));
    const gen1 = posix.normalize(options.gen1Path);
    return EXTENSIONS.some((extension) => resolved + extension === gen1 || `${resolved}/index${extension}` === gen1);
  };
  return (specifier) => {
    const [path, query] = splitQuery(specifier);
    if (path.startsWith('./') || path.startsWith('../')) {
      if (!isGen1(posix.join(folder, path))) return undefined;
      const relative = posix.relative(folder, options.outputsPath);
      return (relative.startsWith('../') ? relative : `./${relative}`) + query;
    }
    for (const [prefix, target] of Object.entries(options.aliases ?? {})) {
      if (!path.startsWith(prefix)) continue;
      if (!isGen1(posix.join(target, path.slice(prefix.length)))) continue;
      return prefix + posix.relative(target, options.outputsPath) + query;
    }
    return undefined;
  };
}

/** A specifier's path and its query (`?raw`), which a bundler reads and which is kept as it is. */
function splitQuery(specifier: string): [string, string] {
  const at = specifier.search(/[?#]/);
  return at < 0 ? [specifier, ''] : [specifier.slice(0, at), specifier.slice(at)];
}
