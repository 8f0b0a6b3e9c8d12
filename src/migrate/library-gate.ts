import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Platform } from '../platforms.js';
import {
  compareVersions,
  declaredIn,
  formatVersion,
  type InstalledLibrary,
  parseVersion,
  rangeAdmits,
  rangeVerdict,
  readInstalledLibrary,
  type Version,
} from './installed-versions/index.js';
import type { AppFiles } from './types.js';

/** The first version of each platform's Amplify library whose configure call reads amplify_outputs.json, and where that is said. */
export interface FirstReadingVersion {
  /** The package that decides, as its ecosystem names it. */
  library: string;
  version: Version;
  /** The release note, changelog entry or package contents that show it. */
  citation: string;
}

/**
 * The first versions that read amplify_outputs.json (schema version 1, which every file this package writes is).
 * Checked against each library's release notes and, for amplify-js, the published packages themselves.
 */
export const FIRST_VERSIONS_READING_OUTPUTS: { readonly [P in Platform]: FirstReadingVersion } = {
  web: {
    library: 'aws-amplify',
    version: [6, 2, 0],
    // aws-amplify@6.2.0 is the first release built on @aws-amplify/core 6.1.0, whose Amplify.configure passes a
    // configuration with `version` "1..." to parseAmplifyOutputs (isAmplifyOutputs, added by
    // https://github.com/aws-amplify/amplify-js/pull/13150 "Gen2config parse"); aws-amplify@6.1.4 is built on
    // @aws-amplify/core 6.0.28, which has neither (npm: `npm view aws-amplify@6.2.0 dependencies`).
    citation:
      'https://github.com/aws-amplify/amplify-js/releases/tag/aws-amplify%406.2.0 (@aws-amplify/core 6.1.0, https://github.com/aws-amplify/amplify-js/pull/13150)',
  },
  flutter: {
    library: 'amplify_flutter',
    version: [2, 2, 0],
    // 2.0.0 and 2.1.0 read only the preview format (`--outputs-version 0`, https://github.com/aws-amplify/amplify-flutter/issues/4834);
    // "feat: Support Amplify Gen 2 outputs (#5073)" shipped in 2.2.0 (https://github.com/aws-amplify/amplify-flutter/pull/5092).
    citation: 'https://github.com/aws-amplify/amplify-flutter/pull/5073, released in 2.2.0 (CHANGELOG "## 2.2.0": feat: Support Amplify Gen 2 outputs)',
  },
  ios: {
    library: 'amplify-swift',
    version: [2, 30, 0],
    // CHANGELOG.md, "## 2.30.0 (2024-04-26) Features: all: Configure plugins with AmplifyOutputs (#3567)", which adds
    // `Amplify.configure(with: .amplifyOutputs)`.
    citation: 'https://github.com/aws-amplify/amplify-swift/releases/tag/2.30.0 (CHANGELOG: "Configure plugins with AmplifyOutputs (#3567)")',
  },
  android: {
    library: 'com.amplifyframework:core',
    version: [2, 16, 0],
    // CHANGELOG.md, "Release 2.16.0 ... Features: all: Add Gen2 Config (#2771)", which adds AmplifyOutputs.
    citation: 'https://github.com/aws-amplify/amplify-android/releases/tag/release_v2.16.0 (CHANGELOG: "all: Add Gen2 Config (#2771)")',
  },
};

/** `@aws-amplify/core` reads amplify_outputs.json from 6.1.0 (see the web row above); other amplify-js packages are v6 from 6.0.0. */
const AMPLIFY_JS_PACKAGE_MINIMUM: Readonly<Record<string, Version>> = { 'aws-amplify': [6, 2, 0], '@aws-amplify/core': [6, 1, 0] };

/** What the gate tells the migration. */
export interface LibraryGate {
  /** The library the app is built with, when its files name one. */
  library?: { name: string; version?: string; range?: string; file: string; line?: number };
  /** The first version of that library that reads amplify_outputs.json (of aws-amplify when no amplify-js package decides). */
  minimum: string;
  /** True when the installed library reads amplify_outputs.json, false when it cannot, undefined when that is not known. */
  canReadOutputs: boolean | undefined;
  /**
   * The verdict: whether the migration may edit source files. False when the library cannot read the file; when it
   * is not known, what `editWhenUnknown` says. The findings say which was done.
   */
  editSources: boolean;
  diagnostics: Diagnostic[];
}

export interface LibraryGateOptions {
  /** The app's folder relative to the repository root (`apps/web`), which a workspace lock file names it by. */
  appDir?: string;
  /** Whether source files are edited when the version is not known (default true: the finding asks to check it). */
  editWhenUnknown?: boolean;
}

const NO_EDIT = 'No source file was edited';

/**
 * Gates the source edits of a migration on the app's Amplify library: reads which version the app installs (see
 * `readInstalledLibrary`), and compares it with the first version that reads amplify_outputs.json. Below it, an
 * error finding names the version installed, where it was read and the upgrade, and no source may be edited (the
 * app would not start). Unknown, a warning, and the verdict `editWhenUnknown` gives.
 *
 * `files`: the app's files by path from its root; files of folders above it (a monorepo's lock file) as `../x`.
 */
export function libraryGate(files: AppFiles, platform: Platform, options: LibraryGateOptions = {}): LibraryGate {
  const first = FIRST_VERSIONS_READING_OUTPUTS[platform];
  const installed = readInstalledLibrary(files, platform, { appDir: options.appDir });
  const minimum = installed ? (AMPLIFY_JS_PACKAGE_MINIMUM[installed.name] ?? (platform === 'web' ? ([6, 0, 0] as Version) : first.version)) : first.version;
  const diagnostics: Diagnostic[] = [];
  if (platform === 'web') diagnostics.push(...legacyPackages(files));

  let canReadOutputs: boolean | undefined;
  if (installed?.version !== undefined) {
    const version = parseVersion(installed.version);
    canReadOutputs = version ? compareVersions(version, minimum) >= 0 : undefined;
  } else if (installed) {
    canReadOutputs = rangeVerdict(installed.rangeSet, minimum);
  }
  // An amplify-js category package at 6.x reads what @aws-amplify/core reads, which is not a dependency of the app.
  const decides = installed === undefined || platform !== 'web' || installed.name in AMPLIFY_JS_PACKAGE_MINIMUM || canReadOutputs === false;
  if (!decides) canReadOutputs = undefined;
  const editSources = canReadOutputs === true || (canReadOutputs === undefined && options.editWhenUnknown !== false);

  // The first version of the package that decides: @aws-amplify/core's own when it stands for amplify-js.
  const deciding = installed !== undefined && installed.name in AMPLIFY_JS_PACKAGE_MINIMUM ? minimum : first.version;
  const gate: LibraryGate = { minimum: formatVersion(deciding), canReadOutputs, editSources, diagnostics };
  if (installed) {
    gate.library = { name: installed.name, file: installed.source.file };
    if (installed.version !== undefined) gate.library.version = installed.version;
    if (installed.range !== undefined) gate.library.range = installed.range;
    if (installed.source.line !== undefined) gate.library.line = installed.source.line;
  }
  if (canReadOutputs === false && installed) {
    diagnostics.push(tooOld(installed, platform, minimum));
  } else if (canReadOutputs === undefined) {
    diagnostics.push(unknown(installed, platform, first, editSources, decides));
  }
  return gate;
}

/** "aws-amplify 5.3.4 (package-lock.json, line 1234; package.json asks for ^5.0.0)". */
function describe(installed: InstalledLibrary): string {
  const where = (file: string, line?: number) => (line !== undefined ? `${file}, line ${line}` : file);
  if (installed.version !== undefined) {
    const asked = installed.range !== undefined && installed.declared ? `; ${installed.declared.file} asks for ${installed.range}` : '';
    return `${installed.name} ${installed.version} is installed (${where(installed.source.file, installed.source.line)}${asked})`;
  }
  return `${installed.source.file} asks for ${installed.name} ${installed.range ?? '(no version)'} (${where(installed.source.file, installed.source.line)})`;
}

function tooOld(found: InstalledLibrary, platform: Platform, minimum: Version): Diagnostic {
  // An amplify-js category package below v6 (`@aws-amplify/auth` 5.x): the upgrade is aws-amplify's.
  const category = platform === 'web' && !(found.name in AMPLIFY_JS_PACKAGE_MINIMUM);
  const installed: InstalledLibrary = category ? { ...found, name: 'aws-amplify', range: undefined, rangeSet: undefined } : found;
  const wanted = formatVersion(category ? FIRST_VERSIONS_READING_OUTPUTS.web.version : minimum);
  const installedVersion = installed.version !== undefined ? parseVersion(installed.version) : undefined;
  const withinRange = installed.version !== undefined && rangeAdmits(installed.rangeSet, minimum);
  return createDiagnostic('LIBRARY_CANNOT_READ_OUTPUTS', {
    category: 'library',
    message: `${describe(found)}, and ${installed.name} reads amplify_outputs.json from ${wanted} on. ${NO_EDIT}: with the edits the app would load a file its library cannot read, and would not start. amplify_outputs.json is written all the same, ready for the upgrade.`,
    resolution: `${upgrade(installed, platform, wanted, withinRange, installedVersion)} Then run migrate again to make the source edits.`,
    source: { file: installed.source.file, pointer: '', ...(installed.source.line !== undefined ? { line: installed.source.line } : {}) },
  });
}

/** The upgrade, in the app's own package manager's words. */
function upgrade(installed: InstalledLibrary, platform: Platform, wanted: string, withinRange: boolean, installedVersion: Version | undefined): string {
  const major = wanted.split('.')[0] ?? '';
  const crossesMajor = installedVersion !== undefined && String(installedVersion[0]) !== major;
  const name = installed.name;
  const declaredAt = installed.declared ?? installed.source;
  const declaredWhere = declaredAt.line !== undefined ? `${declaredAt.file}, line ${declaredAt.line}` : declaredAt.file;
  switch (installed.manager) {
    case 'npm':
    case 'yarn':
    case 'pnpm':
    case 'bun': {
      const update = { npm: `npm update ${name}`, yarn: `yarn upgrade ${name}`, pnpm: `pnpm update ${name}`, bun: `bun update ${name}` }[installed.manager];
      const add = {
        npm: `npm install ${name}@^${wanted}`,
        yarn: `yarn add ${name}@^${wanted}`,
        pnpm: `pnpm add ${name}@^${wanted}`,
        bun: `bun add ${name}@^${wanted}`,
      }[installed.manager];
      if (withinRange) return `Update it within the range package.json allows: \`${update}\` (Yarn 2 and later: \`yarn up ${name}\`).`;
      return `Upgrade it: \`${add}\`${
        crossesMajor
          ? ` (v${installedVersion?.[0]} to v6 changes the API of amplify-js: the calls of the app change too, as the amplify-js v6 upgrade guide says)`
          : ''
      }.`;
    }
    case 'pub':
      if (withinRange) return `Run \`flutter pub upgrade ${name}\`.`;
      return `Set \`${name}: ^${wanted}\` in pubspec.yaml (${declaredWhere}), with the other amplify_* packages at the same version, and run \`flutter pub upgrade\`${
        crossesMajor ? ` (v${installedVersion?.[0]} to v2 changes the API: follow the Amplify Flutter v2 upgrade guide)` : ''
      }.`;
    case 'swiftpm':
      if (withinRange) return 'In Xcode, File > Packages > Update to Latest Package Versions (or `swift package update` for a Package.swift).';
      return `Require https://github.com/aws-amplify/amplify-swift "Up to Next Major Version" from ${wanted} (${declaredWhere}: the project's Package Dependencies in Xcode, or Package.swift), then File > Packages > Update to Latest Package Versions${
        crossesMajor ? ' (v1 to v2 changes the API: follow the Amplify Library for Swift v2 upgrade guide)' : ''
      }.`;
    case 'cocoapods':
      return `The Amplify Library for Swift is published for CocoaPods up to v1 only: remove the Amplify pods from the Podfile (${declaredWhere}) and run \`pod install\`, then add https://github.com/aws-amplify/amplify-swift in Xcode (File > Add Package Dependencies), "Up to Next Major Version" from ${wanted} (v1 to v2 changes the API: follow the Amplify Library for Swift v2 upgrade guide).`;
    case 'gradle':
      if (withinRange)
        return `Refresh the resolved version (\`./gradlew dependencies --write-locks\` where a dependency lock records it) so that it is ${wanted} or later.`;
      return `Set every com.amplifyframework dependency to ${wanted} or later (${declaredWhere}) and sync the project with its Gradle files${
        crossesMajor ? ' (v1 to v2 changes the API: follow the Amplify Android v2 upgrade guide)' : ''
      }.`;
  }
  void platform;
  return `Upgrade ${name} to ${wanted} or later.`;
}

function unknown(installed: InstalledLibrary | undefined, platform: Platform, first: FirstReadingVersion, editSources: boolean, decides: boolean): Diagnostic {
  const wanted = formatVersion(first.version);
  const verdict = editSources
    ? `Source files were edited on the assumption that it is ${wanted} or later; if it is older, the app will not start until it is upgraded.`
    : `${NO_EDIT}, since it might not read amplify_outputs.json.`;
  let what: string;
  if (!installed) {
    what = `The app's files name no ${first.library} dependency (${platformFiles(platform)}), so which library loads the configuration is not known.`;
  } else if (!decides) {
    what = `${describe(installed)}; the amplify-js package that reads the configuration, @aws-amplify/core (from 6.1.0) or aws-amplify (from ${wanted}), is not a dependency the app names.`;
  } else {
    what = `${describe(installed)}: ${installed.unknownBecause ?? 'that range admits versions below and above the first that reads amplify_outputs.json'}, so whether it reads amplify_outputs.json (from ${wanted} on) is not known.`;
  }
  return createDiagnostic('LIBRARY_VERSION_UNKNOWN', {
    category: 'library',
    message: `${what} ${verdict}`,
    resolution: `Check the version the app builds with${installed ? ` (${installed.name})` : ''}; if it is older than ${wanted}, upgrade it (${
      {
        web: `\`npm install aws-amplify@^${wanted}\``,
        flutter: `\`amplify_flutter: ^${wanted}\` in pubspec.yaml, then \`flutter pub upgrade\``,
        ios: `amplify-swift "Up to Next Major Version" from ${wanted}`,
        android: `com.amplifyframework dependencies at ${wanted}`,
      }[platform]
    }).`,
    source: installed
      ? { file: installed.source.file, pointer: '', ...(installed.source.line !== undefined ? { line: installed.source.line } : {}) }
      : { pointer: '' },
  });
}

function platformFiles(platform: Platform): string {
  return {
    web: 'package.json',
    flutter: 'pubspec.yaml',
    ios: 'the Xcode project, Package.swift, Package.resolved, Podfile',
    android: 'the Gradle build files and version catalog',
  }[platform];
}

/** Packages of amplify-js v5 and older that have no v6 release, each with what replaces it. */
const LEGACY_PACKAGES: Readonly<Record<string, string>> = {
  'aws-amplify-react-native': '@aws-amplify/ui-react-native (the Authenticator for React Native) with @aws-amplify/react-native',
  'aws-amplify-react': '@aws-amplify/ui-react',
  'aws-amplify-angular': '@aws-amplify/ui-angular',
  'aws-amplify-vue': '@aws-amplify/ui-vue',
};

function legacyPackages(files: AppFiles): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const [name, replacement] of Object.entries(LEGACY_PACKAGES)) {
    const declared = declaredIn(files, 'package.json', name);
    if (!declared) continue;
    found.push(
      createDiagnostic('LEGACY_AMPLIFY_PACKAGE', {
        category: 'library',
        message: `${name} ${declared.range} (package.json, line ${declared.source.line}) works only with amplify-js v5 or older, and has no release for aws-amplify v6, which amplify_outputs.json needs.`,
        resolution: `When upgrading to aws-amplify v6, replace ${name} with ${replacement}, and its components in the app's code.`,
        source: { file: 'package.json', pointer: '', ...(declared.source.line !== undefined ? { line: declared.source.line } : {}) },
      }),
    );
  }
  return found;
}
