import { type ParseError, parse, printParseErrorCode } from 'jsonc-parser';
import type { AppFiles } from '../types.js';
import { basename, dirname, foldersUp, inFolder, joinPath } from './paths.js';

/**
 * What TypeScript makes of a tsconfig.json or jsconfig.json and the configurations it extends, read from the app's
 * files alone (no file system): the merged compiler options, the folders that path-valued options are relative to,
 * and the files the project holds. Only what module resolution and JSON imports depend on is worked out.
 */
export interface EffectiveConfig {
  /** The configuration file itself (the leaf of its `extends` chain). */
  path: string;
  /** Every configuration read, the leaf first, then what it extends (depth first, as TypeScript merges them). */
  chain: string[];
  /** `extends` entries that are not among the app's files (a package not installed, a file above the app): what they set is not known. */
  missing: { from: string; specifier: string }[];
  /** Configuration files that do not parse (the leaf included), with the first error. */
  unreadable: { path: string; error: string }[];
  /** The merged compiler options, names and string values as written (compare names case-insensitively through `option`). */
  compilerOptions: Record<string, unknown>;
  /** The folder `baseUrl` names (relative to the app's root), when one is set. */
  baseUrl?: string;
  /** `paths`, when set, and the folder its targets are relative to (baseUrl, else the folder of the configuration that set it). */
  paths?: { mapping: Record<string, string[]>; base: string; definedIn: string };
  /** `files`, `include`, `exclude`, each with the folder its entries are relative to and the configuration that set it. */
  files?: FileList;
  include?: FileList;
  exclude?: FileList;
  /** The configuration files `references` names (of the leaf only: references are not inherited). */
  references: string[];
}

export interface FileList {
  entries: string[];
  base: string;
  definedIn: string;
}

const CONFIG_NAMES = ['tsconfig.json', 'jsconfig.json'] as const;
/** TypeScript 5.5's placeholder for the folder of the configuration being compiled (the leaf, not the base that says it). */
const CONFIG_DIR = '$' + '{configDir}';

/** A compiler option by name, as TypeScript reads them (names are not case-sensitive). */
export function option(config: EffectiveConfig, name: string): unknown {
  const lower = name.toLowerCase();
  for (const [key, value] of Object.entries(config.compilerOptions)) if (key.toLowerCase() === lower) return value;
  return undefined;
}

/** Parses a JSONC text as TypeScript does (comments and trailing commas allowed). */
export function parseJsonc(text: string): { value: unknown; error?: string } {
  const errors: ParseError[] = [];
  const value: unknown = parse(text, errors, { allowTrailingComma: true, disallowComments: false });
  const first = errors[0];
  return first === undefined ? { value } : { value, error: `${printParseErrorCode(first.error)} at offset ${first.offset}` };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringList(value: unknown): string[] | undefined {
  return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string') : undefined;
}

/** Where TypeScript finds an `extends` target: a path beside the configuration, or a package in node_modules above it. */
export function resolveExtends(files: AppFiles, configPath: string, specifier: string): string | undefined {
  const folder = dirname(configPath);
  if (specifier.startsWith('./') || specifier.startsWith('../') || specifier === '.' || specifier === '..') {
    const target = joinPath(folder, specifier);
    if (target === undefined) return undefined;
    if (target in files) return target;
    if (!target.endsWith('.json') && `${target}.json` in files) return `${target}.json`;
    return undefined;
  }
  if (specifier.startsWith('/')) return undefined;
  for (const up of foldersUp(folder)) {
    const base = inFolder(up, `node_modules/${specifier}`);
    if (base in files && !isFolder(files, base)) return base;
    if (`${base}.json` in files) return `${base}.json`;
    const manifest = files[`${base}/package.json`];
    if (manifest !== undefined) {
      const { value } = parseJsonc(manifest);
      const field = isObject(value) && typeof value['tsconfig'] === 'string' ? value['tsconfig'] : undefined;
      const fromField = field !== undefined ? joinPath(base, field) : undefined;
      if (fromField !== undefined && fromField in files) return fromField;
    }
    if (`${base}/tsconfig.json` in files) return `${base}/tsconfig.json`;
  }
  return undefined;
}

function isFolder(files: AppFiles, path: string): boolean {
  const prefix = `${path}/`;
  return Object.keys(files).some((key) => key.startsWith(prefix));
}

/** Reads a configuration and everything it extends. Undefined when the file is not among the app's files. */
export function readConfig(files: AppFiles, path: string): EffectiveConfig | undefined {
  if (files[path] === undefined) return undefined;
  const config: EffectiveConfig = { path, chain: [], missing: [], unreadable: [], compilerOptions: {}, references: [] };
  const leafFolder = dirname(path);
  const expand = (value: string): string => value.replaceAll(CONFIG_DIR, leafFolder === '' ? '.' : leafFolder);
  /** Applies one file over what the files it extends set (those are applied first, as TypeScript does). */
  const apply = (current: string, seen: Set<string>, isLeaf: boolean): void => {
    if (seen.has(current)) return;
    seen.add(current);
    config.chain.push(current);
    const { value, error } = parseJsonc(files[current] ?? '');
    if (error !== undefined) config.unreadable.push({ path: current, error });
    if (!isObject(value)) return;
    const folder = dirname(current);
    const extendsValue = value['extends'];
    const bases = typeof extendsValue === 'string' ? [extendsValue] : (stringList(extendsValue) ?? []);
    for (const specifier of bases) {
      const target = resolveExtends(files, current, specifier);
      if (target === undefined) config.missing.push({ from: current, specifier });
      else apply(target, seen, false);
    }
    const options = value['compilerOptions'];
    if (isObject(options)) {
      for (const [key, optionValue] of Object.entries(options)) {
        for (const existing of Object.keys(config.compilerOptions)) if (existing.toLowerCase() === key.toLowerCase()) delete config.compilerOptions[existing];
        config.compilerOptions[key] = optionValue;
        const lower = key.toLowerCase();
        if (lower === 'baseurl' && typeof optionValue === 'string') config.baseUrl = pathFrom(folder, expand(optionValue));
        if (lower === 'paths' && isObject(optionValue)) {
          const mapping: Record<string, string[]> = {};
          for (const [pattern, targets] of Object.entries(optionValue)) mapping[pattern] = (stringList(targets) ?? []).map(expand);
          config.paths = { mapping, base: folder, definedIn: current };
        }
      }
    }
    for (const key of ['files', 'include', 'exclude'] as const) {
      const entries = stringList(value[key]);
      if (entries !== undefined) config[key] = { entries: entries.map(expand), base: folder, definedIn: current };
    }
    if (isLeaf) {
      const references = Array.isArray(value['references']) ? value['references'] : [];
      for (const reference of references) {
        const referencePath = isObject(reference) && typeof reference['path'] === 'string' ? pathFrom(folder, reference['path']) : undefined;
        if (referencePath === undefined) continue;
        config.references.push(referencePath.endsWith('.json') ? referencePath : inFolder(referencePath, 'tsconfig.json'));
      }
    }
  };
  apply(path, new Set(), true);
  if (config.paths !== undefined && config.baseUrl !== undefined) config.paths.base = config.baseUrl;
  return config;
}

/** A path written in a configuration, relative to its folder; "" for the root itself. Undefined when it leaves the app. */
function pathFrom(folder: string, written: string): string | undefined {
  return joinPath(folder, written);
}

/** Where TypeScript looks for a file's project: the nearest folder above it with a tsconfig.json (else a jsconfig.json). */
export function nearestConfigPath(files: AppFiles, fromPath: string): string | undefined {
  for (const folder of foldersUp(dirname(fromPath))) {
    for (const name of CONFIG_NAMES) {
      const candidate = inFolder(folder, name);
      if (files[candidate] !== undefined) return candidate;
    }
  }
  return undefined;
}

/**
 * The configuration that governs `fromPath`: the nearest one, or, when that one does not hold the file but refers
 * to projects (a solution-style tsconfig.json with `"files": []` and `references`), the referenced one that does.
 */
export function governingConfig(files: AppFiles, fromPath: string): EffectiveConfig | undefined {
  const nearest = nearestConfigPath(files, fromPath);
  if (nearest === undefined) return undefined;
  const config = readConfig(files, nearest);
  if (config === undefined || containsFile(config, fromPath)) return config;
  const queue = [...config.references];
  const seen = new Set([nearest]);
  while (queue.length > 0) {
    const next = queue.shift()!;
    if (seen.has(next)) continue;
    seen.add(next);
    const referenced = readConfig(files, next);
    if (referenced === undefined) continue;
    if (containsFile(referenced, fromPath)) return referenced;
    queue.push(...referenced.references);
  }
  return config;
}

const DEFAULT_EXCLUDE = ['node_modules', 'bower_components', 'jspm_packages'];

/** Whether the project's root files (`files`, `include` less `exclude`) hold `path`, by TypeScript's rules. */
export function containsFile(config: EffectiveConfig, path: string): boolean {
  if (config.files?.entries.some((entry) => joinPath(config.files!.base, entry) === path)) return true;
  const include = config.include ?? (config.files === undefined ? { entries: ['**/*'], base: dirname(config.path), definedIn: config.path } : undefined);
  if (include === undefined) return false;
  const allowJs = option(config, 'allowJs') === true || basename(config.path) === 'jsconfig.json';
  if (!include.entries.some((pattern) => matchesInclude(include.base, pattern, path, allowJs))) return false;
  const exclude = config.exclude ?? { entries: DEFAULT_EXCLUDE, base: dirname(config.path), definedIn: config.path };
  return !exclude.entries.some((pattern) => matchesExclude(exclude.base, pattern, path));
}

const TS_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts'];
const JS_EXTENSIONS = ['.js', '.jsx', '.mjs', '.cjs'];

/** An `include` pattern: `*`, `?` and `**` as TypeScript reads them; a last segment without `.`, `*` or `?` is a folder. */
export function matchesInclude(base: string, pattern: string, path: string, allowJs: boolean): boolean {
  const full = joinPath(base, pattern);
  if (full === undefined) return false;
  const segments = full === '' ? [] : full.split('/');
  const last = segments.at(-1) ?? '';
  if (!/[.*?]/.test(last)) segments.push('**', '*');
  const lastSegment = segments.at(-1) ?? '';
  if (path.endsWith('.json')) {
    if (!lastSegment.endsWith('.json')) return false;
  } else if (/\.[^.*?]+$/.test(lastSegment)) {
    // An explicit extension: only files with it.
  } else if (![...TS_EXTENSIONS, ...(allowJs ? JS_EXTENSIONS : [])].some((extension) => path.endsWith(extension))) return false;
  return globToRegExp(segments, false).test(path);
}

function matchesExclude(base: string, pattern: string, path: string): boolean {
  const full = joinPath(base, pattern);
  if (full === undefined) return false;
  return globToRegExp(full === '' ? [] : full.split('/'), true).test(path);
}

function globToRegExp(segments: string[], prefix: boolean): RegExp {
  let source = '';
  segments.forEach((segment, index) => {
    const last = index === segments.length - 1;
    if (segment === '**') {
      source += last ? '.*' : '(?:[^/]+/)*';
      return;
    }
    source += segment
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replaceAll('*', '[^/]*')
      .replaceAll('?', '[^/]');
    if (!last) source += '/';
  });
  return new RegExp(`^${source}${prefix ? '(?:/.*)?' : ''}$`);
}
