import { parse as parsePbxproj } from '@bacons/xcode/json';
import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import type { AppFiles } from '../types.js';
import { baseOf, blankComments, lineAt } from './text.js';
import type { InstalledLibrary } from './types.js';
import { parsePodRequirement, swiftRequirement, type VersionSet } from './versions.js';

/** The Amplify Library for Swift's repository, by its current and its former name. */
const AMPLIFY_REPOSITORY = /github\.com[/:]aws-amplify\/amplify-(swift|ios)(\.git)?\/?$/i;

/** Package.resolved files of the app: inside an .xcodeproj or .xcworkspace, or beside Package.swift. */
function resolvedFiles(files: AppFiles): string[] {
  return Object.keys(files)
    .filter((path) => baseOf(path) === 'Package.resolved' && !path.includes('/.build/') && !path.startsWith('.build/') && !path.includes('/checkouts/'))
    .sort((a, b) => a.split('/').length - b.split('/').length || (a < b ? -1 : a > b ? 1 : 0));
}

/** The pinned version of amplify-swift in a Package.resolved (v1: `object.pins[].repositoryURL`; v2 and v3: `pins[].location`). */
function fromResolved(text: string): { version?: string; offset: number } | undefined {
  const tree = parseTree(text);
  if (!tree) return undefined;
  const pins = findNodeAtLocation(tree, ['pins']) ?? findNodeAtLocation(tree, ['object', 'pins']);
  for (const pin of pins?.children ?? []) {
    const location = findNodeAtLocation(pin, ['location']) ?? findNodeAtLocation(pin, ['repositoryURL']);
    if (typeof location?.value !== 'string' || !AMPLIFY_REPOSITORY.test(location.value)) continue;
    const version = findNodeAtLocation(pin, ['state', 'version']);
    return { version: typeof version?.value === 'string' ? version.value : undefined, offset: (version ?? location).offset };
  }
  return undefined;
}

type PbxObject = Record<string, unknown> & { isa?: string };

/** The requirement an Xcode project's package reference to amplify-swift states, with the line of its URL. */
function fromPbxproj(path: string, text: string): { range: string; set?: VersionSet; line?: number } | undefined {
  let objects: Record<string, PbxObject>;
  try {
    objects = ((parsePbxproj(text) as unknown as { objects?: Record<string, PbxObject> }).objects ?? {}) as Record<string, PbxObject>;
  } catch {
    return undefined;
  }
  for (const object of Object.values(objects)) {
    if (object.isa !== 'XCRemoteSwiftPackageReference' || typeof object.repositoryURL !== 'string' || !AMPLIFY_REPOSITORY.test(object.repositoryURL)) continue;
    const requirement = (object.requirement ?? {}) as Record<string, unknown>;
    const kind = String(requirement.kind ?? '');
    const minimum = requirement.minimumVersion !== undefined ? String(requirement.minimumVersion) : undefined;
    const maximum = requirement.maximumVersion !== undefined ? String(requirement.maximumVersion) : undefined;
    const exact = requirement.version !== undefined ? String(requirement.version) : undefined;
    const range =
      kind === 'upToNextMajorVersion'
        ? `up to next major from ${minimum}`
        : kind === 'upToNextMinorVersion'
          ? `up to next minor from ${minimum}`
          : kind === 'versionRange'
            ? `${minimum} to ${maximum}`
            : kind === 'exactVersion'
              ? `exactly ${exact ?? minimum}`
              : `${kind} ${String(requirement.branch ?? requirement.revision ?? '')}`.trim();
    const offset = text.indexOf(object.repositoryURL);
    return { range, set: swiftRequirement(kind, minimum, maximum, exact), line: offset === -1 ? undefined : lineAt(text, offset) };
  }
  void path;
  return undefined;
}

/** `.package(url: ".../amplify-swift", from: "2.0.0")` and its variants in Package.swift. */
function fromPackageSwift(text: string): { range: string; set?: VersionSet; line: number } | undefined {
  const code = blankComments(text);
  const match = /\.package\(\s*(?:name:\s*"[^"]*"\s*,\s*)?url:\s*"([^"]+)"\s*,\s*([^)]*(?:\([^)]*\))?[^)]*)\)/g;
  for (const found of code.matchAll(match)) {
    if (!AMPLIFY_REPOSITORY.test(found[1] ?? '')) continue;
    const rest = (found[2] ?? '').trim();
    const line = lineAt(text, found.index ?? 0);
    const versionIn = (pattern: RegExp) => pattern.exec(rest)?.[1];
    const fromVersion = versionIn(/(?:from|upToNextMajor\(from):\s*"([^"]+)"/);
    if (fromVersion && !/upToNextMinor/.test(rest)) return { range: `from ${fromVersion}`, set: swiftRequirement('upToNextMajorVersion', fromVersion), line };
    const minor = versionIn(/upToNextMinor\(from:\s*"([^"]+)"/);
    if (minor) return { range: `up to next minor from ${minor}`, set: swiftRequirement('upToNextMinorVersion', minor), line };
    const exact = versionIn(/exact:\s*"([^"]+)"/) ?? versionIn(/\.exact\(\s*"([^"]+)"/);
    if (exact) return { range: `exactly ${exact}`, set: swiftRequirement('exactVersion', exact), line };
    const between = /"([^"]+)"\s*\.\.<\s*"([^"]+)"/.exec(rest);
    if (between) return { range: `${between[1]}..<${between[2]}`, set: swiftRequirement('versionRange', between[1], between[2]), line };
    return { range: rest, line };
  }
  return undefined;
}

/** `  - Amplify (1.28.3):` in Podfile.lock's PODS, or an Amplify plugin pod (`AmplifyPlugins/AWSAPIPlugin (1.28.3)`). */
function fromPodfileLock(text: string): { name: string; version: string; line: number } | undefined {
  const lines = text.split(/\r?\n/);
  let plugin: { name: string; version: string; line: number } | undefined;
  for (let index = 0; index < lines.length; index++) {
    const match = /^ {2}- "?((?:Amplify|AmplifyPlugins|AWSPluginsCore)(?:\/[\w]+)?) \(([^)]+)\)/.exec(lines[index] ?? '');
    if (!match) continue;
    const found = { name: match[1] ?? '', version: match[2] ?? '', line: index + 1 };
    if (found.name === 'Amplify') return found;
    plugin ??= found;
  }
  return plugin;
}

/** `pod 'Amplify', '~> 1.0'` in the Podfile. */
function fromPodfile(text: string): { range?: string; set?: VersionSet; line: number } | undefined {
  const code = blankComments(text, { hash: true, slash: false });
  const match = /^\s*pod\s+['"](Amplify|AmplifyPlugins\/\w+)['"]\s*((?:,\s*['"][^'"]+['"]\s*)*)/m.exec(code);
  if (!match) return undefined;
  const requirements = [...(match[2] ?? '').matchAll(/['"]([^'"]+)['"]/g)].map((found) => found[1] ?? '');
  // The Amplify pods were published for v1 only: the Amplify Library for Swift v2 is distributed with Swift Package
  // Manager alone (https://github.com/aws-amplify/amplify-swift#readme), so CocoaPods resolves below 2.0.0 whatever the Podfile asks.
  return {
    range: requirements.length > 0 ? requirements.join(', ') : undefined,
    set: parsePodRequirement([...requirements, '< 2.0.0']),
    line: lineAt(text, match.index + (match[0].length - match[0].trimStart().length)),
  };
}

/**
 * The Amplify Library for Swift as the app installs it: with Swift Package Manager, the pin of `Package.resolved`
 * (the project's or the workspace's, v1, v2 or v3 format) and the requirement of the Xcode project or Package.swift;
 * with CocoaPods (Amplify iOS v1 only), the `Amplify` pod of Podfile.lock and the Podfile.
 */
export function readSwiftPackage(files: AppFiles): InstalledLibrary | undefined {
  let declared: { file: string; range: string; set?: VersionSet; line?: number } | undefined;
  for (const [path, text] of Object.entries(files)) {
    if (path.endsWith('.xcodeproj/project.pbxproj') && text.includes('XCRemoteSwiftPackageReference')) {
      const found = fromPbxproj(path, text);
      if (found) {
        declared = { file: path, ...found };
        break;
      }
    }
  }
  if (!declared && files['Package.swift'] !== undefined) {
    const found = fromPackageSwift(files['Package.swift']);
    if (found) declared = { file: 'Package.swift', ...found };
  }
  for (const path of resolvedFiles(files)) {
    const pin = fromResolved(files[path] ?? '');
    if (!pin) continue;
    const line = lineAt(files[path] ?? '', pin.offset);
    const library: InstalledLibrary = { name: 'amplify-swift', source: { file: path, line }, manager: 'swiftpm' };
    if (pin.version !== undefined) library.version = pin.version;
    else library.unknownBecause = 'Package.resolved pins it to a branch or a revision, not a version';
    if (declared) {
      library.range = declared.range;
      library.rangeSet = declared.set;
      library.declared = { file: declared.file, line: declared.line };
    }
    return library;
  }
  if (declared) {
    return {
      name: 'amplify-swift',
      range: declared.range,
      rangeSet: declared.set,
      source: { file: declared.file, line: declared.line },
      manager: 'swiftpm',
      unknownBecause: 'no Package.resolved records the version resolved',
    };
  }
  const podfileLock = files['Podfile.lock'];
  const pod = podfileLock !== undefined ? fromPodfileLock(podfileLock) : undefined;
  const podfile = files.Podfile !== undefined ? fromPodfile(files.Podfile) : undefined;
  if (pod) {
    const library: InstalledLibrary = { name: 'Amplify', version: pod.version, source: { file: 'Podfile.lock', line: pod.line }, manager: 'cocoapods' };
    if (podfile) {
      library.range = podfile.range;
      library.rangeSet = podfile.set;
      library.declared = { file: 'Podfile', line: podfile.line };
    }
    return library;
  }
  if (podfile) {
    return {
      name: 'Amplify',
      range: podfile.range,
      rangeSet: podfile.set,
      source: { file: 'Podfile', line: podfile.line },
      manager: 'cocoapods',
      unknownBecause: 'no Podfile.lock records the version installed',
    };
  }
  return undefined;
}
