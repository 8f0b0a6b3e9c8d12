import { parseTree, findNodeAtLocation } from 'jsonc-parser';
import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Platform } from '../platforms.js';
import { baseOf, blankComments, lineAt } from './installed-versions/text.js';
import type { AppFiles } from './types.js';

/** What a finding names: the AWS Mobile SDK part the app uses. */
type Sdk = 'AWSMobileClient' | 'the AppSync SDK' | 'awsconfiguration.json';

interface Signal {
  sdk: Sdk;
  /** What was found, in words: `the pod AWSMobileClient`, `AWSMobileClient.default()`. */
  what: string;
  file: string;
  line: number;
  column: number;
  /** The library the app's platform moves to. */
  platform: 'ios' | 'android' | 'web';
}

/** Folders of build output and installed dependencies, never the app's own. */
const SKIPPED = /(^|\/)(node_modules|Pods|build|\.build|DerivedData|\.gradle|Carthage)\//;

/** Source patterns, per language, that mean the app runs on the Mobile SDK: it initializes it or loads its configuration. */
const SWIFT_CODE: readonly [RegExp, Sdk, string][] = [
  [/\bAWSMobileClient\s*\.\s*(default|sharedInstance)\s*\(/g, 'AWSMobileClient', 'AWSMobileClient'],
  [/\bAWSAppSyncClient(Configuration)?\s*\(/g, 'the AppSync SDK', 'AWSAppSyncClient'],
  [/\bAWSInfo\s*\.\s*default\s*\(/g, 'awsconfiguration.json', 'AWSInfo.default()'],
  [/forResource:\s*"awsconfiguration"/g, 'awsconfiguration.json', 'awsconfiguration.json loaded from the bundle'],
  [/pathForResource:\s*@"awsconfiguration"/g, 'awsconfiguration.json', 'awsconfiguration.json loaded from the bundle'],
];
const JVM_CODE: readonly [RegExp, Sdk, string][] = [
  [/\bAWSMobileClient\s*\.\s*getInstance\s*\(/g, 'AWSMobileClient', 'AWSMobileClient.getInstance()'],
  [/\bAWSAppSyncClient\s*\.\s*builder\s*\(/g, 'the AppSync SDK', 'AWSAppSyncClient.builder()'],
  [/\bAWSConfiguration\s*\(/g, 'awsconfiguration.json', 'AWSConfiguration'],
  [/\bR\s*\.\s*raw\s*\.\s*awsconfiguration\b/g, 'awsconfiguration.json', 'R.raw.awsconfiguration'],
];

/** Mobile SDK pods (the Mobile Client, its sign-in UI, the AppSync SDK). */
const PODS: Readonly<Record<string, Sdk>> = {
  AWSMobileClient: 'AWSMobileClient',
  AWSAuthUI: 'AWSMobileClient',
  AWSUserPoolsSignIn: 'AWSMobileClient',
  AWSFacebookSignIn: 'AWSMobileClient',
  AWSGoogleSignIn: 'AWSMobileClient',
  AWSAppSync: 'the AppSync SDK',
};
/** Mobile SDK artifacts of Android (group com.amazonaws). */
const ARTIFACTS: Readonly<Record<string, Sdk>> = {
  'aws-android-sdk-mobile-client': 'AWSMobileClient',
  'aws-android-sdk-auth-userpools': 'AWSMobileClient',
  'aws-android-sdk-auth-ui': 'AWSMobileClient',
  'aws-android-sdk-appsync': 'the AppSync SDK',
  'aws-android-sdk-appsync-gradle-plugin': 'the AppSync SDK',
};
/** npm packages of the AppSync SDK for JavaScript. */
const NPM: Readonly<Record<string, Sdk>> = { 'aws-appsync': 'the AppSync SDK', 'aws-appsync-react': 'the AppSync SDK' };

function position(text: string, offset: number): { line: number; column: number } {
  const line = lineAt(text, offset);
  return { line, column: offset - text.lastIndexOf('\n', offset - 1) };
}

function scanCode(file: string, text: string, patterns: readonly [RegExp, Sdk, string][], platform: Signal['platform']): Signal[] {
  const code = blankComments(text);
  const found: Signal[] = [];
  for (const [pattern, sdk, what] of patterns) {
    const match = new RegExp(pattern.source, 'g').exec(code);
    if (match) found.push({ sdk, what, file, platform, ...position(text, match.index) });
  }
  return found;
}

function scanPodfile(file: string, text: string): Signal[] {
  const code = blankComments(text, { hash: true, slash: false });
  const found: Signal[] = [];
  for (const match of code.matchAll(/^\s*pod\s+['"]([\w/]+)['"]/gm)) {
    const sdk = PODS[match[1] ?? ''];
    const offset = (match.index ?? 0) + (match[0].length - match[0].trimStart().length);
    if (sdk) found.push({ sdk, what: `the pod ${match[1]}`, file, platform: 'ios', ...position(text, offset) });
  }
  return found;
}

function scanPbxproj(file: string, text: string): Signal[] {
  const found: Signal[] = [];
  for (const match of text.matchAll(/productName = "?(AWSMobileClient|AWSAppSync|AWSAuthUI|AWSUserPoolsSignIn)"?;/g)) {
    const sdk = PODS[match[1] ?? ''];
    if (sdk) found.push({ sdk, what: `the Swift package product ${match[1]}`, file, platform: 'ios', ...position(text, match.index ?? 0) });
  }
  for (const match of text.matchAll(/repositoryURL = "?[^";]*aws-mobile-appsync-sdk-ios[^";]*"?;/g)) {
    found.push({ sdk: 'the AppSync SDK', what: 'the Swift package aws-mobile-appsync-sdk-ios', file, platform: 'ios', ...position(text, match.index ?? 0) });
  }
  return found;
}

function scanPackageSwift(file: string, text: string): Signal[] {
  const code = blankComments(text);
  const found: Signal[] = [];
  for (const match of code.matchAll(/\.product\(\s*name:\s*"(AWSMobileClient|AWSAppSync)"/g)) {
    const sdk = PODS[match[1] ?? ''];
    if (sdk) found.push({ sdk, what: `the Swift package product ${match[1]}`, file, platform: 'ios', ...position(text, match.index ?? 0) });
  }
  return found;
}

function scanGradle(file: string, text: string): Signal[] {
  const code = blankComments(text, { hash: file.endsWith('.toml'), slash: !file.endsWith('.toml') });
  const found: Signal[] = [];
  for (const match of code.matchAll(/com\.amazonaws:(aws-android-sdk-[\w-]+)/g)) {
    const sdk = ARTIFACTS[match[1] ?? ''];
    if (sdk) found.push({ sdk, what: `the dependency com.amazonaws:${match[1]}`, file, platform: 'android', ...position(text, match.index ?? 0) });
  }
  return found;
}

function scanPackageJson(file: string, text: string): Signal[] {
  const tree = parseTree(text, [], { allowTrailingComma: true });
  if (!tree) return [];
  const found: Signal[] = [];
  for (const section of ['dependencies', 'devDependencies']) {
    for (const [name, sdk] of Object.entries(NPM)) {
      const node = findNodeAtLocation(tree, [section, name]);
      if (node?.parent?.children?.[0]) {
        found.push({ sdk, what: `the package ${name}`, file, platform: 'web', ...position(text, node.parent.children[0].offset) });
      }
    }
  }
  return found;
}

/** The folders of a platform's files within the app: a Flutter app holds its iOS and Android apps below it. */
function scanners(platform: Platform): ((path: string, text: string) => Signal[])[] {
  const ios = (path: string, text: string): Signal[] => {
    const name = baseOf(path);
    if (name === 'Podfile') return scanPodfile(path, text);
    if (name === 'Package.swift') return scanPackageSwift(path, text);
    if (path.endsWith('.xcodeproj/project.pbxproj')) return scanPbxproj(path, text);
    if (/\.(swift|m|mm)$/.test(name)) return scanCode(path, text, SWIFT_CODE, 'ios');
    return [];
  };
  const android = (path: string, text: string): Signal[] => {
    const name = baseOf(path);
    if (/\.gradle(\.kts)?$/.test(name) || name.endsWith('.versions.toml')) return scanGradle(path, text);
    if (/\.(kt|java)$/.test(name)) return scanCode(path, text, JVM_CODE, 'android');
    return [];
  };
  const web = (path: string, text: string): Signal[] => (path === 'package.json' ? scanPackageJson(path, text) : []);
  switch (platform) {
    case 'ios':
      return [ios];
    case 'android':
      return [android];
    case 'web':
      return [web];
    case 'flutter':
      return [ios, android];
  }
}

const MOVE_TO: Readonly<Record<Signal['platform'], string>> = {
  ios: 'the Amplify Library for Swift (https://github.com/aws-amplify/amplify-swift): Amplify.Auth replaces AWSMobileClient, and Amplify.API (GraphQL) the AppSync SDK',
  android: 'Amplify Android (com.amplifyframework): Amplify.Auth replaces AWSMobileClient, and Amplify.API (GraphQL) the AppSync SDK',
  web: 'aws-amplify v6: generateClient from aws-amplify/api replaces the AppSync SDK client',
};

/**
 * Findings (`MOBILE_SDK_APP`, errors) for an app built on the AWS Mobile SDKs, which read the Gen1 configuration and
 * have no Gen2 counterpart: a direct dependency on AWSMobileClient or the AppSync SDK (Podfile, Xcode package
 * products, Package.swift, Gradle files and version catalogs, package.json's `aws-appsync`), or code that
 * initializes them or loads `awsconfiguration.json` (Swift, Objective-C, Kotlin, Java; comments are not read). Each
 * finding names the file, line and column. Empty when there is none; when there is one, the migration edits no
 * source. Dependencies that come only through another library (Amplify iOS v1's pods depend on AWSMobileClient) are
 * not the app's: lock files are not read.
 */
export function findMobileSdkApp(files: AppFiles, platform: Platform): Diagnostic[] {
  const signals: Signal[] = [];
  const scan = scanners(platform);
  for (const [path, text] of Object.entries(files)) {
    if (SKIPPED.test(path) || path.startsWith('../')) continue;
    if (
      !/AWSMobileClient|AWSAppSync|AWSAuthUI|AWSUserPoolsSignIn|AWSFacebookSignIn|AWSGoogleSignIn|AWSInfo|awsconfiguration|AWSConfiguration|aws-android-sdk-|aws-appsync|appsync-sdk/.test(
        text,
      )
    )
      continue;
    for (const scanner of scan) signals.push(...scanner(path, text));
  }
  signals.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
  return signals.map((signal) =>
    createDiagnostic('MOBILE_SDK_APP', {
      category: 'library',
      message: `${signal.file} uses ${signal.what} (line ${signal.line}): the app is built on the AWS Mobile SDK (${signal.sdk}), which reads the Gen1 configuration and has no Gen2 counterpart; nothing in it reads amplify_outputs.json. No source file was edited.`,
      resolution: `Move the app to ${MOVE_TO[signal.platform]}; then run migrate again to load amplify_outputs.json.`,
      source: { file: signal.file, pointer: '', line: signal.line, column: signal.column },
    }),
  );
}
