import { type Node, parse as parseJsonc, parseTree, findNodeAtLocation } from 'jsonc-parser';
import type { AppFiles } from '../types.js';
import { lineAt, readYaml, yamlAt, dirOf } from './text.js';
import type { InstalledLibrary, PackageManager, VersionSource } from './types.js';
import { parseNpmRange } from './versions.js';

const SECTIONS = ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'] as const;

/** A dependency as package.json declares it. */
export interface Declared {
  range: string;
  source: VersionSource;
}

/** The range package.json (at `manifest`) declares for `name`, with its line. */
export function declaredIn(files: AppFiles, manifest: string, name: string): Declared | undefined {
  const text = files[manifest];
  if (text === undefined) return undefined;
  const tree = parseTree(text, [], { allowTrailingComma: true });
  if (!tree) return undefined;
  for (const section of SECTIONS) {
    const node = findNodeAtLocation(tree, [section, name]);
    if (node?.type === 'string') return { range: String(node.value), source: { file: manifest, line: lineAt(text, node.offset) } };
  }
  return undefined;
}

/** The lock files an app may be installed from: its own folder first, then each folder above that the planner gave. */
const LOCKS: readonly [string, PackageManager][] = [
  ['package-lock.json', 'npm'],
  ['npm-shrinkwrap.json', 'npm'],
  ['yarn.lock', 'yarn'],
  ['pnpm-lock.yaml', 'pnpm'],
  ['bun.lock', 'bun'],
];

/** The folders from the app's root upwards that the files reach: "", "..", "../..". */
function foldersUp(files: AppFiles): string[] {
  let depth = 0;
  for (const path of Object.keys(files)) {
    const match = /^((?:\.\.\/)+)/.exec(path);
    if (match?.[1]) depth = Math.max(depth, match[1].length / 3);
  }
  return Array.from({ length: depth + 1 }, (_, index) => Array.from({ length: index }, () => '..').join('/'));
}

const join = (folder: string, name: string): string => (folder === '' ? name : `${folder}/${name}`);

/** The version a lock file records for `name` as the app at `appDir` (relative to the lock's folder) resolves it. */
type LockReader = (
  text: string,
  name: string,
  appDir: string | undefined,
  range: string | undefined,
  appName: string | undefined,
  depth: number,
) => { version: string; offset?: number; line?: number } | undefined;

function readPackageLock(text: string, name: string, appDir: string | undefined, _range: string | undefined, appName: string | undefined) {
  const tree = parseTree(text, [], { allowTrailingComma: true });
  if (!tree) return undefined;
  const packages = findNodeAtLocation(tree, ['packages']);
  if (packages?.type === 'object') {
    let dir = appDir ?? '';
    if (appDir === undefined && appName !== undefined) {
      // A workspace named in the lock by its package name, when the folder is not known.
      for (const property of packages.children ?? []) {
        const key = String(property.children?.[0]?.value ?? '');
        if (!key.includes('node_modules') && findNodeAtLocation(property.children?.[1] as Node, ['name'])?.value === appName) dir = key;
      }
    }
    // Node's resolution: node_modules of the app's folder, then of each folder above it.
    for (let folder: string | undefined = dir; folder !== undefined; folder = folder === '' ? undefined : dirOf(folder)) {
      const node = findNodeAtLocation(packages, [join(folder, `node_modules/${name}`), 'version']);
      if (node?.type === 'string') return { version: String(node.value), offset: node.offset };
    }
  }
  const v1 = findNodeAtLocation(tree, ['dependencies', name, 'version']);
  if (v1?.type === 'string') return { version: String(v1.value), offset: v1.offset };
  return undefined;
}

/** yarn.lock of Yarn 1: `"aws-amplify@^5.0.0", aws-amplify@^5.3.0:` then `  version "5.3.4"`. */
function readYarnClassic(text: string, name: string, _appDir: string | undefined, range: string | undefined) {
  const lines = text.split(/\r?\n/);
  let candidate: { version: string; line: number } | undefined;
  let count = 0;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? '';
    if (line.startsWith(' ') || !line.endsWith(':')) continue;
    const descriptors = line
      .slice(0, -1)
      .split(',')
      .map((part) => part.trim().replace(/^"|"$/g, ''));
    const ours = descriptors.filter((descriptor) => descriptor.startsWith(`${name}@`));
    if (ours.length === 0) continue;
    for (let at = index + 1; at < lines.length && (lines[at] ?? '').startsWith(' '); at++) {
      const version = /^\s+version:?\s+"?([^"\s]+)"?/.exec(lines[at] ?? '');
      if (!version) continue;
      const found = { version: version[1] ?? '', line: at + 1 };
      if (range !== undefined && ours.some((descriptor) => descriptor.slice(name.length + 1).replace(/^npm:/, '') === range)) return found;
      candidate = found;
      count++;
      break;
    }
  }
  return count === 1 ? candidate : undefined;
}

/** yarn.lock of Yarn 2 and later (YAML): `"aws-amplify@npm:^5.0.0":` then `  version: 5.3.4`. */
function readYarnBerry(text: string, name: string, _appDir: string | undefined, range: string | undefined) {
  const root = readYaml(text);
  const matches: { version: string; line: number; exact: boolean }[] = [];
  for (const [key, node] of root.children ?? []) {
    const descriptors = key.split(',').map((part) => part.trim());
    const ours = descriptors.filter((descriptor) => descriptor.startsWith(`${name}@`));
    const version = yamlAt(node, 'version');
    if (ours.length === 0 || version?.value === undefined) continue;
    const exact = range !== undefined && ours.some((descriptor) => descriptor.slice(name.length + 1).replace(/^npm:/, '') === range.replace(/^npm:/, ''));
    matches.push({ version: version.value, line: version.line, exact });
  }
  return matches.find((match) => match.exact) ?? (matches.length === 1 ? matches[0] : undefined);
}

/** pnpm-lock.yaml, versions 5 to 9: the importer's dependency, `5.3.4`, `5.3.4_react@18`, or `{ specifier, version }`. */
function readPnpm(text: string, name: string, appDir: string | undefined, range: string | undefined, _appName: string | undefined, depth: number) {
  const root = readYaml(text);
  const importers = yamlAt(root, 'importers');
  const fromImporter = (importer: typeof root | undefined) => {
    for (const section of ['dependencies', 'devDependencies', 'optionalDependencies']) {
      const node = yamlAt(importer, section, name);
      if (!node) continue;
      const versionNode = node.value !== undefined ? node : yamlAt(node, 'version');
      if (versionNode?.value === undefined) continue;
      const version = versionNode.value.replace(/^link:.*$/, '').split(/[_(]/)[0] ?? '';
      return version ? { version, line: versionNode.line, specifier: yamlAt(node, 'specifier')?.value } : undefined;
    }
    return undefined;
  };
  if (importers) {
    if (appDir !== undefined) return fromImporter(yamlAt(importers, appDir === '' ? '.' : appDir));
    // Without the app's folder: the one importer at the app's depth whose specifier is the app's range.
    const found = [...(importers.children ?? [])]
      .filter(([key]) => (key === '.' ? 0 : key.split('/').length) === depth)
      .map(([, importer]) => fromImporter(importer))
      .filter((entry) => entry !== undefined && (range === undefined || entry.specifier === undefined || entry.specifier === range));
    return found.length === 1 ? found[0] : undefined;
  }
  return fromImporter(root);
}

/** bun.lock (text, JSON with trailing commas): `"packages": { "aws-amplify": ["aws-amplify@6.3.0", ...] }`. */
function readBun(text: string, name: string, appDir: string | undefined) {
  const tree = parseTree(text, [], { allowTrailingComma: true });
  if (!tree) return undefined;
  const keys = appDir === undefined || appDir === '' ? [name] : [`${appDir}/${name}`, name];
  for (const key of keys) {
    const node = findNodeAtLocation(tree, ['packages', key, 0]);
    if (node?.type === 'string') {
      const value = String(node.value);
      const at = value.lastIndexOf('@');
      if (at > 0) return { version: value.slice(at + 1).replace(/^npm:/, ''), offset: node.offset };
    }
  }
  return undefined;
}

const READERS: Record<string, LockReader> = {
  'package-lock.json': readPackageLock,
  'npm-shrinkwrap.json': readPackageLock,
  'yarn.lock': (text, name, appDir, range) =>
    text.includes('__metadata:') ? readYarnBerry(text, name, appDir, range) : readYarnClassic(text, name, appDir, range),
  'pnpm-lock.yaml': readPnpm,
  'bun.lock': readBun,
};

/**
 * The npm package `name` as the app installs it: the range from the app's package.json and the version from the
 * nearest lock file (the app's folder, then the folders above it the files reach, for a monorepo's root lock).
 * `appDir` is the app's folder relative to the repository root, which a workspace lock names it by; without it, the
 * lock's entry is found by the app's package name or the depth of its folder.
 */
export function readNpmPackage(files: AppFiles, name: string, appDir?: string): InstalledLibrary | undefined {
  const declared = declaredIn(files, 'package.json', name);
  const manifest = files['package.json'];
  const appName = manifest !== undefined ? (parseJsonc(manifest, [], { allowTrailingComma: true }) as { name?: unknown } | undefined)?.name : undefined;
  const appParts = appDir?.split('/').filter((part) => part !== '' && part !== '.') ?? [];
  for (const folder of foldersUp(files)) {
    const up = folder === '' ? 0 : folder.split('/').length;
    for (const [lockName, manager] of LOCKS) {
      const lockPath = join(folder, lockName);
      const text = files[lockPath];
      if (text === undefined) continue;
      // The app's folder as the lock names it: the last `up` parts of appDir (unknown when appDir is not given).
      const relative = up === 0 ? '' : appParts.length >= up ? appParts.slice(appParts.length - up).join('/') : undefined;
      const found = READERS[lockName]?.(text, name, relative, declared?.range, typeof appName === 'string' ? appName : undefined, up);
      if (!found) continue;
      const line = found.line ?? (found.offset !== undefined ? lineAt(text, found.offset) : undefined);
      const library: InstalledLibrary = { name, version: found.version, source: { file: lockPath, line }, manager };
      if (declared) {
        library.range = declared.range;
        library.rangeSet = parseNpmRange(declared.range);
        library.declared = declared.source;
      }
      return library;
    }
  }
  if (!declared) return undefined;
  const lockManager = managerOfLocks(files);
  return {
    name,
    range: declared.range,
    rangeSet: parseNpmRange(declared.range),
    source: declared.source,
    manager: lockManager ?? 'npm',
    unknownBecause: lockManager ? 'the lock file does not record the version installed for this app' : 'no lock file records the version installed',
  };
}

/** The package manager of the nearest lock file, when there is one. */
function managerOfLocks(files: AppFiles): PackageManager | undefined {
  for (const folder of foldersUp(files)) for (const [lockName, manager] of LOCKS) if (files[join(folder, lockName)] !== undefined) return manager;
  return undefined;
}
