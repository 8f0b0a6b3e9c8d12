import type { AppFiles } from '../types.js';
import { baseOf, blankComments, lineAt } from './text.js';
import type { InstalledLibrary } from './types.js';
import { parseGradleVersion } from './versions.js';

const GROUP = 'com.amplifyframework';

/** Gradle build scripts, version catalogs, properties and dependency locks among the files. */
const isBuildScript = (path: string): boolean => /(^|\/)(build|settings)\.gradle(\.kts)?$/.test(path) || /\.gradle(\.kts)?$/.test(path);

interface Found {
  artifact: string;
  /** The version as written: a literal, or a reference to a variable. */
  written: string;
  file: string;
  line: number;
}

/** `com.amplifyframework:core:2.16.0` (string notation) and `group: 'com.amplifyframework', name: 'core', version: '...'`. */
function declarations(path: string, text: string): Found[] {
  const code = blankComments(text);
  const found: Found[] = [];
  for (const match of code.matchAll(/["']com\.amplifyframework:([\w.-]+):([^"'@]+)(?:@\w+)?["']/g)) {
    found.push({ artifact: match[1] ?? '', written: match[2] ?? '', file: path, line: lineAt(text, match.index ?? 0) });
  }
  for (const match of code.matchAll(/group\s*[:=]\s*["']com\.amplifyframework["']\s*,\s*name\s*[:=]\s*["']([\w.-]+)["']\s*,\s*version\s*[:=]\s*([^,)\n]+)/g)) {
    found.push({ artifact: match[1] ?? '', written: (match[2] ?? '').trim(), file: path, line: lineAt(text, match.index ?? 0) });
  }
  return found;
}

/** The libraries of a version catalog (`gradle/libs.versions.toml`) in the Amplify group, with their versions resolved. */
function catalog(path: string, text: string): Found[] {
  const code = blankComments(text, { hash: true, slash: false });
  const versions = new Map<string, string>();
  const found: Found[] = [];
  let section = '';
  code.split(/\r?\n/).forEach((line, index) => {
    const header = /^\s*\[([\w.-]+)\]\s*$/.exec(line);
    if (header) {
      section = header[1] ?? '';
      return;
    }
    const entry = /^\s*([\w.-]+)\s*=\s*(.+?)\s*$/.exec(line);
    if (!entry) return;
    const value = entry[2] ?? '';
    if (section === 'versions') {
      const literal = /^["']([^"']+)["']$/.exec(value) ?? /strictly\s*=\s*["']([^"']+)["']/.exec(value) ?? /require\s*=\s*["']([^"']+)["']/.exec(value);
      if (literal) versions.set(entry[1] ?? '', literal[1] ?? '');
      return;
    }
    if (section !== 'libraries') return;
    const string = /^["']com\.amplifyframework:([\w.-]+):([^"']+)["']$/.exec(value);
    const module = /module\s*=\s*["']com\.amplifyframework:([\w.-]+)["']/.exec(value);
    const group = /group\s*=\s*["']com\.amplifyframework["']/.test(value) ? /name\s*=\s*["']([\w.-]+)["']/.exec(value) : null;
    const artifact = string?.[1] ?? module?.[1] ?? group?.[1];
    if (!artifact) return;
    const ref = /version\.ref\s*=\s*["']([\w.-]+)["']/.exec(value) ?? /version\s*=\s*\{\s*ref\s*=\s*["']([\w.-]+)["']/.exec(value);
    const literal = string?.[2] ?? /version\s*=\s*["']([^"']+)["']/.exec(value)?.[1];
    found.push({ artifact, written: ref ? `versions.${ref[1]}` : (literal ?? ''), file: path, line: index + 1 });
  });
  return found.map((entry) =>
    entry.written.startsWith('versions.') && versions.has(entry.written.slice('versions.'.length))
      ? { ...entry, written: versions.get(entry.written.slice('versions.'.length)) ?? '' }
      : entry,
  );
}

/**
 * The value of a variable a Gradle version refers to (`$amplifyVersion`, `${rootProject.ext.amplify_version}`), when
 * the files assign it exactly one literal: `ext.x = '2.16.0'`, `ext { x = '2.16.0' }`, `def x = ...`, `val x = ...`,
 * `extra["x"] = ...`, `set("x", ...)`, or `x=2.16.0` in gradle.properties.
 */
function variable(files: AppFiles, name: string): { value: string; file: string; line: number } | 'computed' | undefined {
  const values: { value: string; file: string; line: number }[] = [];
  let computed = false;
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  for (const [path, text] of Object.entries(files)) {
    if (baseOf(path) === 'gradle.properties') {
      for (const match of text.matchAll(new RegExp(`^\\s*${escaped}\\s*[=:]\\s*(\\S+)\\s*$`, 'gm'))) {
        values.push({ value: match[1] ?? '', file: path, line: lineAt(text, match.index ?? 0) });
      }
      continue;
    }
    if (!isBuildScript(path)) continue;
    const code = blankComments(text);
    const assignment = new RegExp(
      `(?:\\bext\\.|\\bdef\\s+|\\bval\\s+|\\bvar\\s+|^\\s*|\\bextra\\[["']|\\bset\\(\\s*["'])${escaped}(?:["']\\])?\\s*(?:=|["']\\s*,)\\s*(.+)$`,
      'gm',
    );
    for (const match of code.matchAll(assignment)) {
      const literal = /^["']([^"'$]+)["']\s*\)?\s*;?\s*$/.exec((match[1] ?? '').trim());
      if (literal) values.push({ value: literal[1] ?? '', file: path, line: lineAt(text, match.index ?? 0) });
      else computed = true;
    }
  }
  const distinct = new Set(values.map((entry) => entry.value));
  if (distinct.size === 1 && !computed) return values[0];
  return values.length > 0 || computed ? 'computed' : undefined;
}

/** The resolved versions of a dependency lock (`gradle.lockfile`): `com.amplifyframework:core:2.16.0=releaseRuntimeClasspath`. */
function locked(files: AppFiles): Found[] {
  const found: Found[] = [];
  for (const [path, text] of Object.entries(files)) {
    if (baseOf(path) !== 'gradle.lockfile' && !path.includes('/dependency-locks/')) continue;
    for (const match of text.matchAll(/^com\.amplifyframework:([\w.-]+):([^=\s]+)=/gm)) {
      found.push({ artifact: match[1] ?? '', written: match[2] ?? '', file: path, line: lineAt(text, match.index ?? 0) });
    }
  }
  return found;
}

/** The artifact that decides: `core` first (every Amplify Android artifact of a release shares its version), then any other. */
function decisive(found: Found[]): Found | undefined {
  return found.find((entry) => entry.artifact === 'core') ?? found.find((entry) => entry.artifact !== 'core-kotlin') ?? found[0];
}

/**
 * Amplify Android (`com.amplifyframework:core` and its `aws-*` plugins) as the app's Gradle files declare it: string
 * and map notation in build.gradle(.kts), the version catalog, `ext`/`val`/gradle.properties variables assigned a
 * plain literal, and a dependency lock when there is one (which wins). A version computed otherwise is unknown.
 */
export function readGradleArtifact(files: AppFiles): InstalledLibrary | undefined {
  const found: Found[] = [];
  for (const [path, text] of Object.entries(files)) {
    if (!text.includes(GROUP)) continue;
    if (path.endsWith('.versions.toml')) found.push(...catalog(path, text));
    else if (isBuildScript(path)) found.push(...declarations(path, text));
  }
  const lock = decisive(locked(files));
  const declared = decisive(found);
  if (!declared && !lock) return undefined;
  const name = `${GROUP}:${(declared ?? lock)?.artifact ?? 'core'}`;
  let range: string | undefined;
  let rangeSource = declared ? { file: declared.file, line: declared.line } : undefined;
  let unknownBecause: string | undefined;
  if (declared) {
    const reference =
      /^\$\{?([\w.]+?)\}?$/.exec(declared.written.trim()) ?? /^\$\{(?:rootProject\.|project\.)?(?:ext\.|extra\.)?([\w.]+)\}$/.exec(declared.written.trim());
    if (reference) {
      const variableName = (reference[1] ?? '').replace(/^(rootProject|project)\./, '').replace(/^(ext|extra|versions)\./, '');
      const value = variable(files, variableName) ?? variable(files, reference[1] ?? '');
      if (value === 'computed' || value === undefined) {
        unknownBecause = `its version is the Gradle variable ${variableName}, which is ${value === 'computed' ? 'computed or assigned more than once' : 'not assigned in the files read'}`;
      } else {
        range = value.value;
        rangeSource = { file: value.file, line: value.line };
      }
    } else if (declared.written.includes('$') || declared.written === '') {
      unknownBecause = `its version (${declared.written || 'none'}) is computed when Gradle runs`;
    } else {
      range = declared.written;
    }
  }
  const rangeSet = range !== undefined ? parseGradleVersion(range) : undefined;
  if (lock) {
    const library: InstalledLibrary = { name, version: lock.written, source: { file: lock.file, line: lock.line }, manager: 'gradle' };
    if (range !== undefined) library.range = range;
    if (rangeSet) library.rangeSet = rangeSet;
    if (rangeSource) library.declared = rangeSource;
    return library;
  }
  const exact =
    rangeSet?.length === 1 && rangeSet[0]?.lo !== undefined && rangeSet[0].hi !== undefined && rangeSet[0].lo.join('.') === rangeSet[0].hi.join('.');
  const library: InstalledLibrary = { name, source: rangeSource ?? { file: declared?.file ?? '' }, manager: 'gradle' };
  if (exact && range !== undefined) library.version = range;
  else if (range !== undefined) {
    library.range = range;
    if (rangeSet) library.rangeSet = rangeSet;
    else unknownBecause ??= `its version (${range}) is not a version range`;
  }
  if (unknownBecause !== undefined) library.unknownBecause = unknownBecause;
  else if (library.version === undefined) library.unknownBecause = 'Gradle resolves a dynamic version when it builds, and no dependency lock records it';
  return library;
}
