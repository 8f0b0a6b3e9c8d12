import { type EffectiveConfig, governingConfig } from '../project/tsconfig-model.js';
import { dirname, foldersUp, inFolder, joinPath, relativePath, relativeSpecifier } from '../project/paths.js';
import type { AppFiles } from '../types.js';

/** How a specifier reached its file. */
export type SpecifierStyle = 'relative' | 'alias' | 'baseUrl';

/** Where a module specifier leads, and how. */
export interface ResolvedSpecifier {
  /** The file, relative to the app's root. */
  path: string;
  style: SpecifierStyle;
  /** For an alias: the `paths` pattern that matched (`@/*`), or Nuxt's own alias (`~/`). */
  pattern?: string;
  /** The tsconfig.json or jsconfig.json whose `paths` or `baseUrl` was used. */
  config?: string;
}

/** What a specifier that loaded the Gen1 file becomes. */
export interface Retarget {
  specifier: string;
  /** The style of the new specifier: the old one's, or `relative` when the old alias cannot reach the new file. */
  style: SpecifierStyle;
  /** The old specifier's style and, for an alias, its pattern and configuration. */
  from: ResolvedSpecifier;
  /** When the style could not be kept: why, in words. */
  note?: string;
}

/** Extensions a specifier without one is tried with, in the order TypeScript (then bundlers) try them. */
const EXTENSIONS = ['.ts', '.tsx', '.d.ts', '.js', '.jsx', '.mjs', '.cjs', '.json'];
/** A `.js` specifier also names the TypeScript file that compiles to it. */
const SOURCE_FOR_OUTPUT: Record<string, string[]> = { '.js': ['.ts', '.tsx'], '.jsx': ['.tsx'], '.mjs': ['.mts'], '.cjs': ['.cts'] };
/** Nuxt's own aliases: `~`/`@` name the source folder, `~~`/`@@` the root. */
const NUXT_ALIASES = ['~~/', '@@/', '~/', '@/'];

/**
 * Resolves module specifiers as the app's tooling does, from the app's files alone: relative paths from the importing
 * file; aliases and bare paths through `compilerOptions.paths` and `baseUrl` of the tsconfig.json (or jsconfig.json)
 * that governs the importing file, following `extends`; Nuxt's `~/` and `@/` when Nuxt's generated tsconfig is absent.
 * `extraFiles` are taken to exist although they are not among `files` (the file a migration is about to write).
 */
export function createSpecifierResolver(
  files: AppFiles,
  extraFiles: readonly string[] = [],
): (specifier: string, fromPath: string) => ResolvedSpecifier | undefined {
  return createResolver(files, extraFiles, projectLookup(files));
}

interface NuxtFolders {
  root: string;
  source: string;
}

/** What governs the files of each folder (its tsconfig, a Nuxt app above it), worked out once per folder. */
interface ProjectLookup {
  configFor(fromPath: string): EffectiveConfig | undefined;
  nuxtFor(fromPath: string): NuxtFolders | undefined;
}

function projectLookup(files: AppFiles): ProjectLookup {
  const configs = new Map<string, EffectiveConfig | undefined>();
  const nuxts = new Map<string, NuxtFolders | undefined>();
  return {
    configFor(fromPath) {
      const folder = dirname(fromPath);
      if (!configs.has(folder)) configs.set(folder, governingConfig(files, fromPath));
      return configs.get(folder);
    },
    nuxtFor(fromPath) {
      const folder = dirname(fromPath);
      if (!nuxts.has(folder)) nuxts.set(folder, nuxtFolders(files, fromPath));
      return nuxts.get(folder);
    },
  };
}

function createResolver(
  files: AppFiles,
  extraFiles: readonly string[],
  lookup: ProjectLookup,
): (specifier: string, fromPath: string) => ResolvedSpecifier | undefined {
  const known = new Set([...Object.keys(files), ...extraFiles]);
  const exists = (path: string): boolean => known.has(path);
  const { configFor, nuxtFor } = lookup;

  /** The file a path names, as a module: itself, with an extension added, or its folder's index. */
  const asModule = (target: string | undefined): string | undefined => {
    if (target === undefined || target === '') return undefined;
    if (exists(target)) return target;
    const dot = target.lastIndexOf('.');
    const extension = dot > target.lastIndexOf('/') ? target.slice(dot) : '';
    for (const replacement of SOURCE_FOR_OUTPUT[extension] ?? []) {
      const candidate = target.slice(0, dot) + replacement;
      if (exists(candidate)) return candidate;
    }
    for (const added of EXTENSIONS) if (exists(target + added)) return target + added;
    for (const added of EXTENSIONS) if (exists(`${target}/index${added}`)) return `${target}/index${added}`;
    return undefined;
  };

  return (specifier, fromPath) => {
    if (specifier.startsWith('./') || specifier.startsWith('../') || specifier === '.' || specifier === '..') {
      const path = asModule(joinPath(dirname(fromPath), specifier));
      return path === undefined ? undefined : { path, style: 'relative' };
    }
    if (specifier.startsWith('/') || /^[a-z][a-z0-9+.-]*:/i.test(specifier)) return undefined;
    const config = configFor(fromPath);
    if (config?.paths !== undefined) {
      const match = matchPattern(Object.keys(config.paths.mapping), specifier);
      if (match !== undefined) {
        for (const target of config.paths.mapping[match.pattern] ?? []) {
          const path = asModule(joinPath(config.paths.base, target.replace('*', match.star)));
          if (path !== undefined) return { path, style: 'alias', pattern: match.pattern, config: config.paths.definedIn };
        }
      }
    }
    if (config?.baseUrl !== undefined) {
      const path = asModule(joinPath(config.baseUrl, specifier));
      if (path !== undefined) return { path, style: 'baseUrl', config: config.path };
    }
    const nuxt = NUXT_ALIASES.some((prefix) => specifier.startsWith(prefix)) ? nuxtFor(fromPath) : undefined;
    if (nuxt !== undefined) {
      const alias = NUXT_ALIASES.find((prefix) => specifier.startsWith(prefix));
      if (alias !== undefined) {
        const folder = alias.length === 3 ? nuxt.root : nuxt.source;
        const path = asModule(joinPath(folder, specifier.slice(alias.length)));
        if (path !== undefined) return { path, style: 'alias', pattern: alias };
      }
    }
    return undefined;
  };
}

/**
 * Returns the specifier that loads `outputsPath` in place of `specifier` imported from `fromPath`, when `specifier`
 * loads the Gen1 file `gen1Path`; else undefined. A relative specifier stays relative, an alias stays an alias when
 * the alias reaches the new file (else the shortest relative path), and the new one always ends in `.json`.
 */
export function specifierRetargeter(files: AppFiles, gen1Path: string, outputsPath: string): (specifier: string, fromPath: string) => string | undefined {
  const retarget = createRetargeter(files, gen1Path, outputsPath);
  return (specifier, fromPath) => retarget(specifier, fromPath)?.specifier;
}

/**
 * Whether a resolved file is the Gen1 module: the file itself, or the declaration file beside it that TypeScript
 * resolves first (`aws-exports.d.ts`, which TypeScript apps add to type the generated aws-exports.js).
 */
function describesModule(resolved: string, gen1Path: string): boolean {
  if (resolved === gen1Path) return true;
  return resolved.endsWith('.d.ts') && gen1Path.replace(/\.[cm]?[jt]sx?$/, '') === resolved.slice(0, -'.d.ts'.length);
}

/** As `specifierRetargeter`, saying also which style the new specifier has, and why when the old one's could not be kept. */
export function createRetargeter(files: AppFiles, gen1Path: string, outputsPath: string): (specifier: string, fromPath: string) => Retarget | undefined {
  return createRetargeting(files, gen1Path, outputsPath).retarget;
}

/**
 * The retargeter of `createRetargeter`, and whether a specifier loads the outputs file already (a module migrated
 * before), both through one resolver: the app's tsconfig files are read once for the two.
 */
export function createRetargeting(
  files: AppFiles,
  gen1Path: string,
  outputsPath: string,
): { retarget: (specifier: string, fromPath: string) => Retarget | undefined; loadsOutputs: (specifier: string, fromPath: string) => boolean } {
  const lookup = projectLookup(files);
  const resolve = createResolver(files, [gen1Path, outputsPath], lookup);
  const loadsOutputs = (specifier: string, fromPath: string): boolean => resolve(specifier, fromPath)?.path === outputsPath;
  const retarget = (specifier: string, fromPath: string): Retarget | undefined => {
    const from = resolve(specifier, fromPath);
    if (from === undefined || !describesModule(from.path, gen1Path)) return undefined;
    const relative = relativeSpecifier(fromPath, outputsPath);
    if (from.style === 'relative') return { specifier: relative, style: 'relative', from };
    const kept = from.style === 'alias' ? throughAlias(lookup, from, fromPath, outputsPath) : throughBaseUrl(lookup, fromPath, outputsPath);
    if (kept !== undefined && loadsOutputs(kept, fromPath)) return { specifier: kept, style: from.style, from };
    const how = from.style === 'alias' ? `the alias ${from.pattern ?? ''}` : 'baseUrl';
    return {
      specifier: relative,
      style: 'relative',
      from,
      note: `${how} does not reach ${outputsPath}${from.config !== undefined ? ` (see ${from.config})` : ''}, so the import uses a relative path`,
    };
  };
  return { retarget, loadsOutputs };
}

/** The same alias pattern, rewritten to name `outputsPath` through one of its targets. */
function throughAlias(lookup: ProjectLookup, from: ResolvedSpecifier, fromPath: string, outputsPath: string): string | undefined {
  const pattern = from.pattern;
  if (pattern === undefined) return undefined;
  if (from.config === undefined) {
    const nuxt = lookup.nuxtFor(fromPath);
    if (nuxt === undefined) return undefined;
    const folder = pattern.length === 3 ? nuxt.root : nuxt.source;
    const rest = relativePath(folder, outputsPath);
    return rest.startsWith('../') ? undefined : pattern + rest;
  }
  const config = lookup.configFor(fromPath);
  if (config?.paths === undefined) return undefined;
  const [patternPrefix, patternSuffix] = splitStar(pattern);
  for (const target of config.paths.mapping[pattern] ?? []) {
    const full = joinPath(config.paths.base, target);
    if (full === undefined) continue;
    if (!target.includes('*')) {
      if (full === outputsPath && patternSuffix === undefined) return pattern;
      continue;
    }
    if (patternSuffix === undefined) continue;
    const [targetPrefix, targetSuffix = ''] = splitStar(full);
    if (outputsPath.startsWith(targetPrefix) && outputsPath.endsWith(targetSuffix) && outputsPath.length >= targetPrefix.length + targetSuffix.length) {
      const star = outputsPath.slice(targetPrefix.length, outputsPath.length - targetSuffix.length);
      return patternPrefix + star + patternSuffix;
    }
  }
  return undefined;
}

/** A bare path from baseUrl, when the new file is below it and the path is not a lone name that reads as a package. */
function throughBaseUrl(lookup: ProjectLookup, fromPath: string, outputsPath: string): string | undefined {
  const baseUrl = lookup.configFor(fromPath)?.baseUrl;
  if (baseUrl === undefined) return undefined;
  const rest = relativePath(baseUrl, outputsPath);
  return rest.startsWith('../') || !rest.includes('/') ? undefined : rest;
}

/** Splits a pattern at its `*`: the prefix, and the suffix (undefined when there is no `*`). */
function splitStar(pattern: string): [string, string | undefined] {
  const star = pattern.indexOf('*');
  return star < 0 ? [pattern, undefined] : [pattern.slice(0, star), pattern.slice(star + 1)];
}

/** TypeScript's choice among `paths` patterns: an exact one, else the `*` pattern with the longest prefix. */
export function matchPattern(patterns: readonly string[], specifier: string): { pattern: string; star: string } | undefined {
  if (patterns.includes(specifier) && !specifier.includes('*')) return { pattern: specifier, star: '' };
  let best: { pattern: string; star: string; prefix: number } | undefined;
  for (const pattern of patterns) {
    const [prefix, suffix] = splitStar(pattern);
    if (suffix === undefined) continue;
    if (specifier.length < prefix.length + suffix.length || !specifier.startsWith(prefix) || !specifier.endsWith(suffix)) continue;
    if (best === undefined || prefix.length > best.prefix)
      best = { pattern, star: specifier.slice(prefix.length, specifier.length - suffix.length), prefix: prefix.length };
  }
  return best === undefined ? undefined : { pattern: best.pattern, star: best.star };
}

/** A Nuxt app above the file, whose generated tsconfig (.nuxt/tsconfig.json) is not among the files: its root and source folder. */
function nuxtFolders(files: AppFiles, fromPath: string): NuxtFolders | undefined {
  for (const folder of foldersUp(dirname(fromPath))) {
    if (!['nuxt.config.ts', 'nuxt.config.js', 'nuxt.config.mjs'].some((name) => files[inFolder(folder, name)] !== undefined)) continue;
    if (files[inFolder(folder, '.nuxt/tsconfig.json')] !== undefined) return undefined;
    // Nuxt 4 keeps the app's sources in app/; Nuxt 3 at the root, where app.vue is.
    const appFolder = inFolder(folder, 'app');
    const source = files[inFolder(folder, 'app.vue')] === undefined && Object.keys(files).some((path) => path.startsWith(`${appFolder}/`)) ? appFolder : folder;
    return { root: folder, source };
  }
  return undefined;
}
