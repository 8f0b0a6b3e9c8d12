import type { AppFiles } from '../types.js';
import { readYaml, yamlAt } from './text.js';
import type { InstalledLibrary } from './types.js';
import { parseNpmRange } from './versions.js';

/** A Dart package as the Flutter app installs it: the constraint of pubspec.yaml and the version of pubspec.lock. */
export function readPubPackage(files: AppFiles, name: string): InstalledLibrary | undefined {
  let declared: { range: string; line: number } | undefined;
  const pubspec = files['pubspec.yaml'];
  if (pubspec !== undefined) {
    const root = readYaml(pubspec);
    for (const section of ['dependencies', 'dev_dependencies', 'dependency_overrides']) {
      const node = yamlAt(root, section, name);
      if (!node) continue;
      // `amplify_flutter: ^2.0.0`, or `amplify_flutter:\n  version: ^2.0.0` (hosted elsewhere); a path or git source has none.
      const range = node.value ?? yamlAt(node, 'version')?.value;
      declared = { range: range ?? '', line: node.line };
      if (section === 'dependency_overrides') break;
    }
  }
  const lock = files['pubspec.lock'];
  const locked = lock !== undefined ? yamlAt(readYaml(lock), 'packages', name, 'version') : undefined;
  if (locked?.value !== undefined) {
    const library: InstalledLibrary = { name, version: locked.value, source: { file: 'pubspec.lock', line: locked.line }, manager: 'pub' };
    if (declared) {
      library.range = declared.range;
      library.rangeSet = declared.range ? parseNpmRange(declared.range) : undefined;
      library.declared = { file: 'pubspec.yaml', line: declared.line };
    }
    return library;
  }
  if (!declared) return undefined;
  return {
    name,
    range: declared.range || undefined,
    rangeSet: declared.range ? parseNpmRange(declared.range) : undefined,
    source: { file: 'pubspec.yaml', line: declared.line },
    manager: 'pub',
    unknownBecause: declared.range ? 'no pubspec.lock records the version installed' : 'pubspec.yaml takes it from a path or git, with no version',
  };
}
