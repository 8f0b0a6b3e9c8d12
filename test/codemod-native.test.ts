import { readdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AmplifyOutputs } from '../src/convert.js';
import { descendants } from '../src/migrate/native/edits.js';
import {
  type DartRewriteContext,
  findMobileSdkUses,
  loadNativeParsers,
  type NativeLanguage,
  type NativeParsers,
  rewriteDartSource,
  rewriteJavaSource,
  rewriteKotlinSource,
  rewriteSwiftSource,
} from '../src/migrate/native/index.js';
import type { Node } from '../src/migrate/native/parsers.js';
import type { ReadTarget, SourceRewrite } from '../src/migrate/types.js';

const ROOT = new URL('../fixtures/codemod/', import.meta.url);

interface LanguageSetup {
  ext: string;
  path: string;
  gen1Path: string;
  outputsPath: string;
  platform: 'flutter' | 'ios' | 'android';
  rewrite(text: string, context: DartRewriteContext): SourceRewrite;
}

const LANGUAGES: Record<NativeLanguage, LanguageSetup> = {
  dart: {
    ext: 'dart',
    path: 'lib/main.dart',
    gen1Path: 'lib/amplifyconfiguration.dart',
    outputsPath: 'lib/amplify_outputs.dart',
    platform: 'flutter',
    rewrite: rewriteDartSource,
  },
  swift: {
    ext: 'swift',
    path: 'MyApp/AppDelegate.swift',
    gen1Path: 'MyApp/amplifyconfiguration.json',
    outputsPath: 'MyApp/amplify_outputs.json',
    platform: 'ios',
    rewrite: rewriteSwiftSource,
  },
  kotlin: {
    ext: 'kt',
    path: 'app/src/main/java/com/example/app/App.kt',
    gen1Path: 'app/src/main/res/raw/amplifyconfiguration.json',
    outputsPath: 'app/src/main/res/raw/amplify_outputs.json',
    platform: 'android',
    rewrite: rewriteKotlinSource,
  },
  java: {
    ext: 'java',
    path: 'app/src/main/java/com/example/App.java',
    gen1Path: 'app/src/main/res/raw/amplifyconfiguration.json',
    outputsPath: 'app/src/main/res/raw/amplify_outputs.json',
    platform: 'android',
    rewrite: rewriteJavaSource,
  },
};

/** The mapping of the one Gen1 field the fixtures read, as the planner's readTarget gives it. */
const TARGETS: Record<string, ReadTarget> = {
  '/storage/plugins/awsS3StoragePlugin/bucket': { pointer: '/storage/bucket_name', sameValue: true },
};

let parsers: NativeParsers;
beforeAll(async () => {
  parsers = await loadNativeParsers();
});

function contextFor(language: NativeLanguage, text: string): DartRewriteContext {
  const setup = LANGUAGES[language];
  // A fixture may say which file it is on its first line (`// path: lib/screens/home.dart`), a comment kept as is.
  const path = /^\/\/ path: (\S+)/.exec(text)?.[1] ?? setup.path;
  return {
    path,
    platform: setup.platform,
    gen1Path: setup.gen1Path,
    gen1Format: language === 'dart' ? 'amplifyconfiguration-dart' : 'amplifyconfiguration-mobile',
    outputsPath: setup.outputsPath,
    outputs: { version: '1.3' } as AmplifyOutputs,
    readTarget: (pointer) => TARGETS[pointer],
    parsers,
    dartPackage: 'my_app',
  };
}

function run(language: NativeLanguage, text: string): SourceRewrite {
  return LANGUAGES[language].rewrite(text, contextFor(language, text));
}

/**
 * The comments and the string literals without interpolation of a source, as its grammar reads them; not the URI of
 * a Dart import, which is what the rewrite changes.
 */
function commentsAndStrings(language: NativeLanguage, text: string): string[] {
  const tree = parsers.parse(language, text);
  try {
    const found: string[] = [];
    for (const node of descendants(tree.rootNode)) {
      const isString = /string_literal$/.test(node.type) && !/[$\\]/.test(node.text);
      if (isString && inDirective(node)) continue;
      if (node.type.includes('comment') || isString) found.push(node.text);
    }
    return found;
  } finally {
    tree.delete();
  }
}

function inDirective(node: Node): boolean {
  for (let up = node.parent; up !== null; up = up.parent) if (up.type === 'import_or_export') return true;
  return false;
}

const cases = (Object.keys(LANGUAGES) as NativeLanguage[]).flatMap((language) =>
  readdirSync(new URL(`${language}/`, ROOT))
    .filter((name) => name.endsWith(`.input.${LANGUAGES[language].ext}`))
    .sort()
    .map((name) => ({ language, name: name.slice(0, -`.input.${LANGUAGES[language].ext}`.length) })),
);

describe('native codemod fixtures', () => {
  it('finds fixtures for every language', () => {
    for (const language of Object.keys(LANGUAGES)) expect(cases.filter((c) => c.language === language).length).toBeGreaterThanOrEqual(5);
  });

  it.each(cases)('$language/$name', ({ language, name }) => {
    const { ext } = LANGUAGES[language];
    const input = readFileSync(new URL(`${language}/${name}.input.${ext}`, ROOT), 'utf8');
    const expected = readFileSync(new URL(`${language}/${name}.output.${ext}`, ROOT), 'utf8');
    const first = run(language, input);
    expect(first.text).toBe(expected);
    for (const diagnostic of first.diagnostics) {
      expect(diagnostic.source.file).toBe(contextFor(language, input).path);
      expect(diagnostic.source.line).toBeGreaterThanOrEqual(1);
      expect(diagnostic.source.column).toBeGreaterThanOrEqual(1);
      expect(diagnostic.code).not.toBe('NATIVE_SOURCE_UNPARSED');
    }
    // A second run changes nothing.
    expect(run(language, first.text).text).toBe(first.text);
    // Every comment and plain string of the input is in the output, unchanged.
    const after = commentsAndStrings(language, first.text);
    for (const piece of commentsAndStrings(language, input)) expect(after).toContain(piece);
  });
});

function codes(language: NativeLanguage, fixture: string): string[] {
  const input = readFileSync(new URL(`${language}/${fixture}.input.${LANGUAGES[language].ext}`, ROOT), 'utf8');
  return run(language, input).diagnostics.map((d) => d.code);
}

describe('what the native rewriters report', () => {
  it('Dart: the import moved, a name taken, reads of Gen1 JSON with their Gen2 path', () => {
    expect(codes('dart', 'main')).toEqual(['DART_IMPORT_RETARGETED']);
    expect(codes('dart', 'name-taken')).toEqual(['DART_NAME_TAKEN']);
    expect(codes('dart', 'comments-strings')).toEqual([]);
    expect(codes('dart', 'other-package')).toEqual([]);
    const input = readFileSync(new URL('dart/json-read.input.dart', ROOT), 'utf8');
    const reads = run('dart', input).diagnostics.filter((d) => d.code === 'DART_GEN1_READ');
    expect(reads.map((d) => [d.source.line, d.source.pointer, d.target])).toEqual([
      [5, '', undefined],
      [6, '/storage/plugins/awsS3StoragePlugin/bucket', '/storage/bucket_name'],
    ]);
  });

  it('Dart: a package: import of an unknown package name, and a re-export, are reported and left', () => {
    const text = "import 'package:my_app/amplifyconfiguration.dart';\nexport 'amplifyconfiguration.dart';\n";
    const unknown = rewriteDartSource(text, { ...contextFor('dart', text), dartPackage: undefined });
    expect(unknown.diagnostics.map((d) => d.code)).toEqual(['DART_NOT_REWRITTEN', 'DART_NOT_REWRITTEN']);
    expect(unknown.text).toBe(text);
    const known = rewriteDartSource(text, contextFor('dart', text));
    expect(known.text).toBe("import 'package:my_app/amplify_outputs.dart';\nexport 'amplifyconfiguration.dart';\n");
  });

  it('Swift: configure rewritten, configurations built by hand reported, the Mobile SDK reported', () => {
    expect(codes('swift', 'AppDelegate')).toEqual(['SWIFT_CONFIGURE_REWRITTEN']);
    // Both the configuration built by hand and the call that passes it are places to change.
    expect(codes('swift', 'per-environment')).toEqual(['SWIFT_CONFIGURATION_FILE', 'SWIFT_CONFIGURATION_FILE']);
    expect(codes('swift', 'already-migrated')).toEqual([]);
    // One finding per name: AWSMobileClient (imported and used), and the awsconfiguration resource read.
    expect(codes('swift', 'mobile-client')).toEqual(['MOBILE_SDK_IN_CODE', 'MOBILE_SDK_IN_CODE']);
  });

  it('Kotlin and Java: configure rewritten, AmplifyConfiguration reported, an unrelated Amplify left alone', () => {
    expect(codes('kotlin', 'MainApplication')).toEqual(['ANDROID_CONFIGURE_REWRITTEN']);
    expect(codes('kotlin', 'build-types')).toEqual(['ANDROID_CONFIGURATION_FILE', 'ANDROID_CONFIGURATION_FILE']);
    expect(codes('kotlin', 'other-amplify')).toEqual([]);
    expect(codes('java', 'MyAmplifyApp')).toEqual(['ANDROID_CONFIGURE_REWRITTEN']);
    expect(codes('java', 'builder')).toEqual(['ANDROID_CONFIGURATION_FILE', 'ANDROID_CONFIGURATION_FILE']);
    expect(codes('java', 'mobile-client').every((code) => code === 'MOBILE_SDK_IN_CODE')).toBe(true);
  });

  it('a part the grammar cannot read, which mentions configure, is reported and left as it is', () => {
    const text = 'import Amplify\nfunc f( {\n  try Amplify.configure()\n';
    const result = rewriteSwiftSource(text, contextFor('swift', text));
    expect(result.text).toBe(text);
    expect(result.diagnostics.map((d) => d.code)).toEqual(['NATIVE_SOURCE_UNPARSED']);
  });

  it('findMobileSdkUses reads code, not comments', () => {
    const text = '// AWSMobileClient was used here\nclass A { void f() { AWSMobileClient.getInstance(); } }\n';
    const found = findMobileSdkUses(text, 'java', { path: 'A.java', platform: 'android', parsers });
    expect(found.map((d) => [d.code, d.source.line])).toEqual([['MOBILE_SDK_IN_CODE', 2]]);
  });

  it('splices at UTF-16 offsets: text after non-ASCII characters is kept', () => {
    const text = "import 'amplifyconfiguration.dart';\nconst s = 'héllo 😀';\nvoid main() => Amplify.configure(amplifyconfig);\n";
    expect(run('dart', text).text).toBe("import 'amplify_outputs.dart';\nconst s = 'héllo 😀';\nvoid main() => Amplify.configure(amplifyConfig);\n");
  });
});
