import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readInstalledLibrary } from '../src/migrate/installed-versions/index.js';
import { parseGradleVersion, parseNpmRange, parsePodRequirement, rangeVerdict, type Version } from '../src/migrate/installed-versions/versions.js';
import { FIRST_VERSIONS_READING_OUTPUTS, libraryGate } from '../src/migrate/library-gate.js';
import { findMobileSdkApp } from '../src/migrate/mobile-sdk.js';

const LOCKS = path.resolve(import.meta.dirname, '../fixtures/migrate-gate/locks');
const lock = (name: string): string => readFileSync(path.join(LOCKS, name), 'utf8');
const packageJson = (dependencies: Record<string, string>, name = 'notes-web'): string =>
  `${JSON.stringify({ name, version: '0.1.0', dependencies }, null, 2)}\n`;
/** The 1-based line of the first occurrence of `needle` in `text`. */
const lineOf = (text: string, needle: string): number => text.slice(0, text.indexOf(needle)).split('\n').length;

describe('version ranges', () => {
  const v620: Version = [6, 2, 0];
  it.each([
    ['^5.0.0', false],
    ['~5.3.4', false],
    ['5.x', false],
    ['>=4 <6', false],
    ['^6.2.0', true],
    ['>=6.2.0', true],
    ['6.3.1', true],
    ['^6.0.0', undefined],
    ['*', undefined],
    ['5.3.0 - 6.4', undefined],
    ['^5.0.0 || ^6.3.0', undefined],
    ['^4.0.0 || ^5.0.0', false],
    ['npm:aws-amplify@^6.2.1', true],
    ['workspace:*', undefined],
    ['github:aws-amplify/amplify-js', undefined],
  ] as const)('npm %s against 6.2.0: %s', (range, verdict) => {
    expect(rangeVerdict(parseNpmRange(range), v620)).toBe(verdict);
  });

  it('CocoaPods and Gradle requirements', () => {
    expect(rangeVerdict(parsePodRequirement(['~> 1.0']), [2, 30, 0])).toBe(false);
    expect(rangeVerdict(parsePodRequirement(['~> 2.30.1']), [2, 30, 0])).toBe(true);
    expect(rangeVerdict(parseGradleVersion('1.+'), [2, 16, 0])).toBe(false);
    expect(rangeVerdict(parseGradleVersion('2.+'), [2, 16, 0])).toBe(undefined);
    expect(rangeVerdict(parseGradleVersion('[2.16.0,3.0.0)'), [2, 16, 0])).toBe(true);
    expect(rangeVerdict(parseGradleVersion('2.16.2'), [2, 16, 0])).toBe(true);
    expect(parseGradleVersion('latest.release')).toBeUndefined();
  });
});

describe('installed versions: web and React Native', () => {
  it('package-lock.json v3: the lock wins over the range, with its line', () => {
    const text = lock('package-lock-v3.json');
    const library = readInstalledLibrary({ 'package.json': packageJson({ 'aws-amplify': '^5.0.0' }), 'package-lock.json': text }, 'web');
    expect(library).toMatchObject({
      name: 'aws-amplify',
      version: '5.3.4',
      range: '^5.0.0',
      manager: 'npm',
      source: { file: 'package-lock.json', line: lineOf(text, '"version": "5.3.4"') },
      declared: { file: 'package.json', line: 5 },
    });
  });

  it('package-lock.json v1 (nested dependencies)', () => {
    const library = readInstalledLibrary(
      { 'package.json': packageJson({ 'aws-amplify': '^3.3.0' }), 'package-lock.json': lock('package-lock-v1.json') },
      'web',
    );
    expect(library).toMatchObject({ version: '3.4.3', source: { file: 'package-lock.json', line: 13 } });
  });

  it('a workspace lock at the repository root: the app nested node_modules first, else the hoisted one', () => {
    const text = lock('package-lock-workspaces.json');
    const admin = readInstalledLibrary({ 'package.json': packageJson({ 'aws-amplify': '^5.3.0' }, 'notes-admin'), '../../package-lock.json': text }, 'web', {
      appDir: 'apps/admin',
    });
    expect(admin).toMatchObject({ version: '5.3.12', source: { file: '../../package-lock.json', line: lineOf(text, '"version": "5.3.12"') } });
    const web = readInstalledLibrary({ 'package.json': packageJson({ 'aws-amplify': '^6.0.0' }), '../../package-lock.json': text }, 'web', {
      appDir: 'apps/web',
    });
    expect(web).toMatchObject({ version: '6.6.2' });
    // Without the app's folder, the workspace is found by its package name.
    const byName = readInstalledLibrary({ 'package.json': packageJson({ 'aws-amplify': '^5.3.0' }, 'notes-admin'), '../../package-lock.json': text }, 'web');
    expect(byName).toMatchObject({ version: '5.3.12' });
  });

  it('yarn.lock of Yarn 1: the entry that names the package.json range', () => {
    const text = lock('yarn-classic.lock');
    const library = readInstalledLibrary({ 'package.json': packageJson({ 'aws-amplify': '^6.0.2' }), 'yarn.lock': text }, 'web');
    expect(library).toMatchObject({
      version: '6.0.7',
      manager: 'yarn',
      source: { file: 'yarn.lock', line: lineOf(text, 'version "6.0.7"\n  resolved "https://registry.yarnpkg.com/aws-amplify') },
    });
  });

  it('yarn.lock of Yarn 2 and later', () => {
    const library = readInstalledLibrary({ 'package.json': packageJson({ 'aws-amplify': '^6.3.0' }), 'yarn.lock': lock('yarn-berry.lock') }, 'web');
    expect(library).toMatchObject({ version: '6.4.0', manager: 'yarn', source: { line: 9 } });
  });

  it('pnpm-lock.yaml v9 of a workspace, by the app folder or by its specifier', () => {
    const text = lock('pnpm-lock-v9.yaml');
    const files = { 'package.json': packageJson({ 'aws-amplify': '^5.3.0' }), '../../pnpm-lock.yaml': text };
    expect(readInstalledLibrary(files, 'web', { appDir: 'apps/mobile' })).toMatchObject({
      version: '5.3.19',
      manager: 'pnpm',
      source: { line: lineOf(text, 'version: 5.3.19') },
    });
    expect(readInstalledLibrary(files, 'web')).toMatchObject({ version: '5.3.19' });
    expect(readInstalledLibrary({ ...files, 'package.json': packageJson({ 'aws-amplify': '^6.0.0' }) }, 'web', { appDir: 'apps/web' })).toMatchObject({
      version: '6.0.28',
    });
  });

  it('pnpm-lock.yaml v5 (the version with its peer suffix) and bun.lock', () => {
    expect(
      readInstalledLibrary({ 'package.json': packageJson({ 'aws-amplify': '^4.3.0' }), 'pnpm-lock.yaml': lock('pnpm-lock-v5.yaml') }, 'web'),
    ).toMatchObject({
      version: '4.3.46',
      source: { line: 8 },
    });
    expect(readInstalledLibrary({ 'package.json': packageJson({ 'aws-amplify': '^6.2.0' }), 'bun.lock': lock('bun.lock') }, 'web')).toMatchObject({
      version: '6.12.1',
      manager: 'bun',
      source: { line: 13 },
    });
  });

  it('no lock file: the range, and why the version is not known', () => {
    expect(readInstalledLibrary({ 'package.json': packageJson({ 'aws-amplify': '^6.0.0' }) }, 'web')).toMatchObject({
      range: '^6.0.0',
      source: { file: 'package.json', line: 5 },
      unknownBecause: 'no lock file records the version installed',
    });
    expect(readInstalledLibrary({ 'package.json': packageJson({ '@aws-amplify/core': '^6.1.0' }) }, 'web')).toMatchObject({ name: '@aws-amplify/core' });
    // @aws-amplify/core decides with its own first version; a category package below 6 is amplify-js v5.
    expect(libraryGate({ 'package.json': packageJson({ '@aws-amplify/core': '^6.1.0' }) }, 'web')).toMatchObject({ minimum: '6.1.0', canReadOutputs: true });
    const v5 = libraryGate({ 'package.json': packageJson({ '@aws-amplify/auth': '^5.6.0' }) }, 'web');
    expect(v5).toMatchObject({ canReadOutputs: false, editSources: false });
    expect(v5.diagnostics[0]!.message).toContain('aws-amplify reads amplify_outputs.json from 6.2.0 on');
    expect(v5.diagnostics[0]!.resolution).toContain('`npm install aws-amplify@^6.2.0`');
    expect(libraryGate({ 'package.json': packageJson({ '@aws-amplify/auth': '^6.0.0' }) }, 'web').canReadOutputs).toBeUndefined();
    expect(readInstalledLibrary({ 'package.json': packageJson({ react: '^18.0.0' }) }, 'web')).toBeUndefined();
  });
});

describe('installed versions: Flutter, iOS, Android', () => {
  it('pubspec.lock and pubspec.yaml', () => {
    const library = readInstalledLibrary({ 'pubspec.yaml': lock('pubspec.yaml'), 'pubspec.lock': lock('pubspec.lock') }, 'flutter');
    expect(library).toMatchObject({
      name: 'amplify_flutter',
      version: '1.8.0',
      range: '^1.0.0',
      source: { file: 'pubspec.lock', line: 19 },
      declared: { line: 13 },
    });
  });

  it('Package.resolved v1, v2 and v3, where Xcode keeps it', () => {
    const at = 'Notes.xcodeproj/project.xcworkspace/xcshareddata/swiftpm/Package.resolved';
    expect(readInstalledLibrary({ [at]: lock('Package.resolved.v1') }, 'ios')).toMatchObject({
      name: 'amplify-swift',
      version: '1.29.2',
      source: { file: at, line: 10 },
    });
    expect(readInstalledLibrary({ [at]: lock('Package.resolved.v2') }, 'ios')).toMatchObject({ version: '2.33.6', source: { line: 9 } });
    expect(readInstalledLibrary({ 'Notes.xcworkspace/xcshareddata/swiftpm/Package.resolved': lock('Package.resolved.v3') }, 'ios')).toMatchObject({
      version: '2.27.1',
    });
  });

  it('Podfile.lock and Podfile', () => {
    expect(readInstalledLibrary({ Podfile: lock('Podfile'), 'Podfile.lock': lock('Podfile.lock') }, 'ios')).toMatchObject({
      name: 'Amplify',
      version: '1.28.3',
      range: '~> 1.0',
      manager: 'cocoapods',
      source: { file: 'Podfile.lock', line: 2 },
      declared: { file: 'Podfile', line: 7 },
    });
  });

  it('Gradle: string notation, a version catalog, variables, a dependency lock, and a computed version', () => {
    const module = (dependency: string) => `plugins {\n    id 'com.android.application'\n}\n\ndependencies {\n    ${dependency}\n}\n`;
    expect(readInstalledLibrary({ 'app/build.gradle': module("implementation 'com.amplifyframework:core:1.38.8'") }, 'android')).toMatchObject({
      name: 'com.amplifyframework:core',
      version: '1.38.8',
      source: { file: 'app/build.gradle', line: 6 },
    });
    expect(
      readInstalledLibrary(
        { 'gradle/libs.versions.toml': lock('libs.versions.toml'), 'app/build.gradle.kts': module('implementation(libs.amplify.core)') },
        'android',
      ),
    ).toMatchObject({
      version: '2.14.5',
      source: { file: 'gradle/libs.versions.toml', line: 8 },
    });
    const variable = {
      'build.gradle': "buildscript {\n    ext.amplify_version = '2.19.1'\n}\n",
      'app/build.gradle': module(
        'implementation "com.amplifyframework:aws-api:$amplify_version"\n    implementation "com.amplifyframework:core:${rootProject.ext.amplify_version}"',
      ),
    };
    expect(readInstalledLibrary(variable, 'android')).toMatchObject({
      name: 'com.amplifyframework:core',
      version: '2.19.1',
      source: { file: 'build.gradle', line: 2 },
    });
    const computed = { 'app/build.gradle': module("implementation \"com.amplifyframework:core:${findProperty('amplify') ?: '2.16.0'}\"") };
    expect(readInstalledLibrary(computed, 'android')).toMatchObject({ unknownBecause: expect.stringContaining('computed') });
    const locked = {
      'app/build.gradle': module("implementation 'com.amplifyframework:core:2.+'"),
      'app/gradle.lockfile':
        '# This is a Gradle generated file for dependency locking.\ncom.amplifyframework:core:2.14.1=debugRuntimeClasspath,releaseRuntimeClasspath\nempty=\n',
    };
    expect(readInstalledLibrary(locked, 'android')).toMatchObject({ version: '2.14.1', range: '2.+', source: { file: 'app/gradle.lockfile', line: 2 } });
    // A commented-out dependency is not one.
    expect(readInstalledLibrary({ 'app/build.gradle': module("// implementation 'com.amplifyframework:core:2.16.0'") }, 'android')).toBeUndefined();
  });
});

describe('libraryGate', () => {
  it('cites a first version for every platform', () => {
    for (const first of Object.values(FIRST_VERSIONS_READING_OUTPUTS)) expect(first.citation).toMatch(/^https:\/\/github\.com\/aws-amplify\//);
  });

  it('aws-amplify v5 from the lock: an error naming the version, where it was read and the upgrade; no source edit', () => {
    const gate = libraryGate({ 'package.json': packageJson({ 'aws-amplify': '^5.0.0' }), 'package-lock.json': lock('package-lock-v3.json') }, 'web');
    expect(gate).toMatchObject({
      library: { name: 'aws-amplify', version: '5.3.4', range: '^5.0.0', file: 'package-lock.json', line: 21 },
      minimum: '6.2.0',
      canReadOutputs: false,
      editSources: false,
    });
    expect(gate.diagnostics).toHaveLength(1);
    const [finding] = gate.diagnostics;
    expect(finding).toMatchObject({ code: 'LIBRARY_CANNOT_READ_OUTPUTS', severity: 'error', source: { file: 'package-lock.json', line: 21, pointer: '' } });
    expect(finding!.message).toBe(
      'aws-amplify 5.3.4 is installed (package-lock.json, line 21; package.json asks for ^5.0.0), and aws-amplify reads amplify_outputs.json from 6.2.0 on. No source file was edited: with the edits the app would load a file its library cannot read, and would not start. amplify_outputs.json is written all the same, ready for the upgrade.',
    );
    expect(finding!.resolution).toContain('`npm install aws-amplify@^6.2.0`');
    expect(finding!.resolution).toContain('v5 to v6 changes the API');
  });

  it('a version below within the range asks for an update in the app package manager', () => {
    const gate = libraryGate({ 'package.json': packageJson({ 'aws-amplify': '^6.0.2' }), 'yarn.lock': lock('yarn-classic.lock') }, 'web');
    expect(gate.canReadOutputs).toBe(false);
    expect(gate.diagnostics[0]!.resolution).toContain('`yarn upgrade aws-amplify`');
  });

  it('a version that reads the file: no finding, edits go ahead', () => {
    const gate = libraryGate({ 'package.json': packageJson({ 'aws-amplify': '^6.3.0' }), 'yarn.lock': lock('yarn-berry.lock') }, 'web');
    expect(gate).toMatchObject({ canReadOutputs: true, editSources: true, diagnostics: [] });
  });

  it('no lock file: a range below decides; a range across is a warning that says what was done', () => {
    expect(libraryGate({ 'package.json': packageJson({ 'aws-amplify': '^5.2.0' }) }, 'web')).toMatchObject({ canReadOutputs: false, editSources: false });
    const across = libraryGate({ 'package.json': packageJson({ 'aws-amplify': '^6.0.0' }) }, 'web');
    expect(across).toMatchObject({ canReadOutputs: undefined, editSources: true });
    expect(across.diagnostics[0]).toMatchObject({ code: 'LIBRARY_VERSION_UNKNOWN', severity: 'warning', source: { file: 'package.json', line: 5 } });
    expect(across.diagnostics[0]!.message).toContain('Source files were edited on the assumption that it is 6.2.0 or later');
    const held = libraryGate({ 'package.json': packageJson({ 'aws-amplify': '^6.0.0' }) }, 'web', { editWhenUnknown: false });
    expect(held.editSources).toBe(false);
    expect(held.diagnostics[0]!.message).toContain('No source file was edited');
  });

  it('amplify-js v5 UI packages are named with their replacement', () => {
    const gate = libraryGate(
      { 'package.json': packageJson({ 'aws-amplify': '^5.3.0', 'aws-amplify-react-native': '^7.0.2' }), 'package-lock.json': lock('package-lock-v3.json') },
      'web',
    );
    expect(gate.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['LEGACY_AMPLIFY_PACKAGE', 'LIBRARY_CANNOT_READ_OUTPUTS']);
    expect(gate.diagnostics[0]!.resolution).toContain('@aws-amplify/ui-react-native');
  });

  it('Flutter v1: pubspec.yaml to change, then flutter pub upgrade', () => {
    const gate = libraryGate({ 'pubspec.yaml': lock('pubspec.yaml'), 'pubspec.lock': lock('pubspec.lock') }, 'flutter');
    expect(gate).toMatchObject({ canReadOutputs: false, library: { name: 'amplify_flutter', version: '1.8.0', file: 'pubspec.lock', line: 19 } });
    expect(gate.diagnostics[0]!.resolution).toContain('Set `amplify_flutter: ^2.2.0` in pubspec.yaml (pubspec.yaml, line 13)');
    expect(gate.diagnostics[0]!.resolution).toContain('`flutter pub upgrade`');
  });

  it('iOS: Amplify iOS v1 through CocoaPods, and amplify-swift 2.27 through Swift Package Manager', () => {
    const pods = libraryGate({ Podfile: lock('Podfile'), 'Podfile.lock': lock('Podfile.lock') }, 'ios');
    expect(pods).toMatchObject({ canReadOutputs: false, minimum: '2.30.0' });
    expect(pods.diagnostics[0]!.resolution).toContain('published for CocoaPods up to v1 only');
    // Without Podfile.lock, the Podfile's pod decides all the same: CocoaPods has no Amplify 2.
    expect(libraryGate({ Podfile: lock('Podfile') }, 'ios').canReadOutputs).toBe(false);
    const spm = libraryGate({ 'Notes.xcworkspace/xcshareddata/swiftpm/Package.resolved': lock('Package.resolved.v3') }, 'ios');
    expect(spm).toMatchObject({ canReadOutputs: false, library: { version: '2.27.1' } });
    expect(spm.diagnostics[0]!.resolution).toContain('"Up to Next Major Version" from 2.30.0');
    expect(
      libraryGate({ 'Notes.xcodeproj/project.xcworkspace/xcshareddata/swiftpm/Package.resolved': lock('Package.resolved.v2') }, 'ios').canReadOutputs,
    ).toBe(true);
  });

  it('Android: a computed version is unknown, and the finding says why', () => {
    const gate = libraryGate({ 'app/build.gradle': 'dependencies {\n    implementation "com.amplifyframework:core:${amplifyVersion()}"\n}\n' }, 'android');
    expect(gate).toMatchObject({ canReadOutputs: undefined, editSources: true });
    expect(gate.diagnostics[0]).toMatchObject({ code: 'LIBRARY_VERSION_UNKNOWN', source: { file: 'app/build.gradle', line: 2 } });
    expect(gate.diagnostics[0]!.message).toContain('computed when Gradle runs');
  });

  it('no Amplify library named: unknown', () => {
    const gate = libraryGate({ 'package.json': packageJson({ react: '^18.2.0' }) }, 'web');
    expect(gate.canReadOutputs).toBeUndefined();
    expect(gate.library).toBeUndefined();
    expect(gate.diagnostics[0]!.message).toContain('name no aws-amplify dependency');
  });
});

describe('findMobileSdkApp', () => {
  it('iOS: the pods and the code that initialize AWSMobileClient, each at its line and column; comments are not code', () => {
    const files = {
      Podfile:
        "platform :ios, '12.0'\n\ntarget 'Notes' do\n  use_frameworks!\n  pod 'AWSMobileClient', '~> 2.12.0'\n  # pod 'AWSAppSync'\n  pod 'AWSAppSync', '~> 3.1.0'\nend\n",
      'Notes/AppDelegate.swift':
        'import AWSMobileClient\n\n// AWSMobileClient.default().initialize { _, _ in }\nfunc application() {\n    AWSMobileClient.default().initialize { userState, error in }\n}\n',
      'Notes/Client.swift': 'let path = Bundle.main.path(forResource: "awsconfiguration", ofType: "json")\n',
      'Pods/AWSMobileClient/AWSMobileClient.swift': 'AWSMobileClient.default()',
    };
    const findings = findMobileSdkApp(files, 'ios');
    expect(findings.map((finding) => [finding.code, finding.severity, finding.source.file, finding.source.line, finding.source.column])).toEqual([
      ['MOBILE_SDK_APP', 'error', 'Notes/AppDelegate.swift', 5, 5],
      ['MOBILE_SDK_APP', 'error', 'Notes/Client.swift', 1, 29],
      ['MOBILE_SDK_APP', 'error', 'Podfile', 5, 3],
      ['MOBILE_SDK_APP', 'error', 'Podfile', 7, 3],
    ]);
    expect(findings[0]!.message).toBe(
      'Notes/AppDelegate.swift uses AWSMobileClient (line 5): the app is built on the AWS Mobile SDK (AWSMobileClient), which reads the Gen1 configuration and has no Gen2 counterpart; nothing in it reads amplify_outputs.json. No source file was edited.',
    );
    expect(findings[0]!.resolution).toContain('the Amplify Library for Swift');
  });

  it('an Amplify iOS v1 app is not a Mobile SDK app: AWSMobileClient comes only through its pods', () => {
    expect(findMobileSdkApp({ Podfile: lock('Podfile'), 'Podfile.lock': lock('Podfile.lock') }, 'ios')).toEqual([]);
  });

  it('Android, Swift packages and JavaScript', () => {
    const android = findMobileSdkApp(
      {
        'app/build.gradle':
          "dependencies {\n    implementation 'com.amazonaws:aws-android-sdk-mobile-client:2.16.+'\n    implementation 'com.amazonaws:aws-android-sdk-appsync:3.1.1'\n}\n",
        'app/src/main/java/com/example/notes/MainActivity.kt':
          'class MainActivity {\n    fun start() {\n        /* val config = AWSConfiguration(this) */\n        AWSMobileClient.getInstance().initialize(applicationContext, callback)\n    }\n}\n',
      },
      'android',
    );
    expect(android.map((finding) => [finding.source.file, finding.source.line])).toEqual([
      ['app/build.gradle', 2],
      ['app/build.gradle', 3],
      ['app/src/main/java/com/example/notes/MainActivity.kt', 4],
    ]);
    const spm = findMobileSdkApp({ 'Notes.xcodeproj/project.pbxproj': '\t\t\tproductName = AWSMobileClient;\n' }, 'ios');
    expect(spm[0]!.message).toContain('the Swift package product AWSMobileClient');
    const web = findMobileSdkApp({ 'package.json': packageJson({ 'aws-appsync': '^4.1.0', 'aws-amplify': '^5.0.0' }) }, 'web');
    expect(web.map((finding) => [finding.source.file, finding.source.line])).toEqual([['package.json', 5]]);
    expect(web[0]!.resolution).toContain('generateClient');
    // A Flutter app: its Android and iOS folders are read.
    expect(findMobileSdkApp({ 'android/app/build.gradle': "implementation 'com.amazonaws:aws-android-sdk-appsync:3.1.1'" }, 'flutter')).toHaveLength(1);
    expect(findMobileSdkApp({ 'package.json': packageJson({ 'aws-amplify': '^6.0.0' }) }, 'web')).toEqual([]);
  });
});

describe('installed versions: a lock file that does not record the app', () => {
  it('falls back on the range, and says the lock does not record it', () => {
    const library = readInstalledLibrary(
      { 'package.json': packageJson({ 'aws-amplify': '^6.0.0' }), 'yarn.lock': lock('yarn-berry.lock').replace(/aws-amplify/g, 'aws-amplify-other') },
      'web',
    );
    expect(library).toMatchObject({ range: '^6.0.0', manager: 'yarn', unknownBecause: 'the lock file does not record the version installed for this app' });
  });
});
