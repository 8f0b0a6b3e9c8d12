import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceFormat } from '../formats/index.js';
import type { Platform } from '../platforms.js';
import type { AppFiles, FileEdit, ReadTarget, RewriteContext, SourceRewrite } from './types.js';

/** The languages whose sources a migration rewrites, by file extension. */
export type SourceLanguage = 'js' | 'dart' | 'swift' | 'kotlin' | 'java';

/** What a migration is made of: each part a pure function over texts. planMigration calls them in order. */
export interface MigrationParts {
  libraryGate(files: AppFiles, platform: Platform | undefined): { canReadOutputs: boolean | undefined; diagnostics: Diagnostic[] };
  mobileSdk(files: AppFiles, platform: Platform | undefined): Diagnostic[];
  readTargets(format: SourceFormat): (gen1Pointer: string) => ReadTarget | undefined;
  retargeter(files: AppFiles, gen1Path: string, outputsPath: string): (specifier: string, fromPath: string) => string | undefined;
  rewrite(language: SourceLanguage, text: string, context: RewriteContext & Record<string, unknown>): Promise<SourceRewrite>;
  tsconfigEdits(files: AppFiles, importers: string[]): { edits: FileEdit[]; diagnostics: Diagnostic[] };
  xcodeProject(pbxproj: string, options: { projectPath: string; gen1Path: string; outputsPath: string }): { text: string; diagnostics: Diagnostic[] };
  buildSteps(files: AppFiles, context: { gen1Path: string; outputsPath: string; platform: Platform | undefined }): Diagnostic[];
  gitignore(files: AppFiles, gen1Path: string, outputsPath: string): Diagnostic[];
}

export const PARTS: MigrationParts = {
  libraryGate: () => ({ canReadOutputs: undefined, diagnostics: [] }),
  mobileSdk: () => [],
  readTargets: () => () => undefined,
  retargeter: () => () => undefined,
  rewrite: async (_language, text) => ({ text, diagnostics: [] }),
  tsconfigEdits: () => ({ edits: [], diagnostics: [] }),
  xcodeProject: (text) => ({ text, diagnostics: [] }),
  buildSteps: () => [],
  gitignore: () => [],
};
