import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceFormat } from '../formats/index.js';
import type { Platform } from '../platforms.js';
import type { AppFiles, FileEdit, ReadTarget, RewriteContext, SourceRewrite } from './types.js';
import { rewriteJsSource } from './js/rewrite-js.js';
import { loadNativeParsers, rewriteDartSource, rewriteJavaSource, rewriteKotlinSource, rewriteSwiftSource } from './native/index.js';
import { libraryGate } from './library-gate.js';
import { reportBuildSteps } from './build-steps.js';
import { gitignoreEdits } from './gitignore.js';
import { createRetargeting } from './js/resolve-specifier.js';
import { tsconfigEdits } from './js/tsconfig-edit.js';
import { findMobileSdkApp } from './mobile-sdk.js';
import { readTargetsOf } from './read-targets.js';
import { addOutputsToXcodeProject } from './xcode-outputs.js';

/** The languages whose sources a migration rewrites, by file extension. */
export type SourceLanguage = 'js' | 'dart' | 'swift' | 'kotlin' | 'java';

/** What the plan tells each source rewriter: the app's context, how to retarget a module specifier, a Flutter package's name. */
export interface PlannedContext extends RewriteContext {
  retarget(specifier: string): string | undefined;
  retargetNote(specifier: string): string | undefined;
  loadsOutputs(specifier: string): boolean;
  packageName?: string;
}

/** What a migration is made of: each part a pure function over texts. planMigration calls them in order. */
export interface MigrationParts {
  libraryGate(files: AppFiles, platform: Platform | undefined, appDir: string | undefined): { canReadOutputs: boolean | undefined; diagnostics: Diagnostic[] };
  mobileSdk(files: AppFiles, platform: Platform | undefined): Diagnostic[];
  readTargets(format: SourceFormat): (gen1Pointer: string) => ReadTarget | undefined;
  /**
   * For a file's module specifiers: the one that loads the outputs instead of one that loads the Gen1 file (with why
   * its style changed, if it did), and whether one loads the outputs already.
   */
  retargeting(
    files: AppFiles,
    gen1Path: string,
    outputsPath: string,
  ): {
    retarget: (specifier: string, fromPath: string) => { specifier: string; note?: string } | undefined;
    loadsOutputs: (specifier: string, fromPath: string) => boolean;
  };
  rewrite(language: SourceLanguage, text: string, context: PlannedContext): Promise<SourceRewrite>;
  tsconfigEdits(files: AppFiles, importers: string[]): { edits: FileEdit[]; diagnostics: Diagnostic[] };
  xcodeProject(pbxproj: string, options: { projectPath: string; gen1Path: string; outputsPath: string }): { text: string; diagnostics: Diagnostic[] };
  buildSteps(files: AppFiles, context: { gen1Path: string; outputsPath: string; platform: Platform | undefined }): Diagnostic[];
  gitignore(files: AppFiles, gen1Path: string, outputsPath: string): Diagnostic[];
}

/** What a native file must name for its rewriter to have anything to do: the Gen1 file or constant, Amplify, or a Mobile SDK class. */
const NATIVE_MENTION = /amplifyconfig|Amplify|AWSMobileClient|AWSAppSync|awsconfiguration|AWSConfiguration/;

export const PARTS: MigrationParts = {
  libraryGate: (files, platform, appDir) => {
    if (platform === undefined) return { canReadOutputs: undefined, diagnostics: [] };
    const gate = libraryGate(files, platform, appDir === undefined ? {} : { appDir });
    return { canReadOutputs: gate.editSources ? (gate.canReadOutputs ?? true) : false, diagnostics: gate.diagnostics };
  },
  mobileSdk: (files, platform) => (platform === undefined ? [] : findMobileSdkApp(files, platform)),
  readTargets: readTargetsOf,
  retargeting: createRetargeting,
  rewrite: async (language, text, context) => {
    if (language === 'js') return rewriteJsSource(text, context);
    // The grammars load on the first native file that names the Gen1 configuration or Amplify at all.
    if (!NATIVE_MENTION.test(text)) return { text, diagnostics: [] };
    const native = { ...context, parsers: await loadNativeParsers() };
    if (language === 'dart') return rewriteDartSource(text, { ...native, dartPackage: context.packageName });
    if (language === 'swift') return rewriteSwiftSource(text, native);
    return language === 'kotlin' ? rewriteKotlinSource(text, native) : rewriteJavaSource(text, native);
  },
  tsconfigEdits: (files, importers) => tsconfigEdits(files, importers),
  xcodeProject: addOutputsToXcodeProject,
  buildSteps: (files, context) => reportBuildSteps(files, context),
  gitignore: (files, gen1Path, outputsPath) => gitignoreEdits(files, gen1Path, outputsPath).diagnostics,
};
