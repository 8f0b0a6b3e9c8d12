import path from 'node:path';
import { outputPlace, platformMarkedBy, rankClientFiles, RAW_RESOURCE } from '../app/app-places.js';
import { convert, type AmplifyOutputs, type ConvertOptions, type ConvertResult } from '../convert.js';
import { compareDiagnostics, createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { ConversionError } from '../errors.js';
import { CLIENT_FILE_PLACES, GEN1_FILE_NAMES, PROJECT_FILE_PLACES } from '../formats/index.js';
import { outputsTextFor } from '../outputs/dart-outputs.js';
import { PLATFORM_FACTS, type Platform } from '../platforms.js';
import { isProjectFileRead } from '../project/project-files.js';
import { AppFileIndex, inForeignFolder } from './app-files.js';
import { PARTS, type PlannedContext, type SourceLanguage } from './parts.js';
import type { AppFiles, FileEdit } from './types.js';

/** How to migrate an app; everything is optional and found in the files when not given. */
export interface MigrationOptions extends Pick<ConvertOptions, 'from' | 'outputsVersion' | 'api' | 'select' | 'modelIntrospection'> {
  /** The Gen1 file to convert, relative to the app's root; default: the first client file at the usual places, else the project's amplify-meta.json. */
  source?: string;
  /** The text of the source when it is not among the files (a project's meta file above the app). */
  sourceText?: string;
  /** How findings of the conversion name the source (default: its path). */
  sourceName?: string;
  platform?: Platform;
  /** Where amplify_outputs goes, relative to the app's root; default: where the platform's library loads it. */
  outputsPath?: string;
  /** The Gen1 project's files (ConvertOptions.projectFiles); default: those under amplify/ at the app's root. */
  projectFiles?: Record<string, string>;
  /** The project folder as findings name it (ConvertOptions.projectFolder). */
  projectFolder?: string;
  /** The app's folder relative to its repository (`apps/web`), as a workspace lock file above it (`../../pnpm-lock.yaml` among the files) names it. */
  appDir?: string;
  /** The package name of a Flutter app (pubspec.yaml's name); default: read from pubspec.yaml. */
  packageName?: string;
}

/** What a migration would do: the converted outputs, the files to create or change, and every finding. */
export interface MigrationPlan {
  /** The converted outputs; undefined when nothing could be carried (no file is written then). */
  outputs: AmplifyOutputs | undefined;
  /** Where the outputs file goes, relative to the app's root. */
  outputsPath: string;
  /** The Gen1 file converted, relative to the app's root. */
  source: string;
  platform: Platform | undefined;
  conversion: ConvertResult;
  /** Whether the app's sources were rewritten (false when its Amplify library cannot read amplify_outputs, or it uses the AWS Mobile SDKs). */
  sourcesRewritten: boolean;
  /** Every file created or changed, the outputs file first, then by path. */
  edits: FileEdit[];
  /** The conversion's findings, then every change made or declined, by file and position. */
  diagnostics: Diagnostic[];
}

/** Source file extensions, by the language that rewrites them. */
const LANGUAGE_OF_EXTENSION: Readonly<Record<string, SourceLanguage>> = {
  '.js': 'js',
  '.jsx': 'js',
  '.mjs': 'js',
  '.cjs': 'js',
  '.ts': 'js',
  '.tsx': 'js',
  '.mts': 'js',
  '.cts': 'js',
  '.vue': 'js',
  '.svelte': 'js',
  '.dart': 'dart',
  '.swift': 'swift',
  '.kt': 'kotlin',
  '.java': 'java',
};

/** The languages of each platform's code that configures Amplify (a Flutter app's native runners do not). */
const LANGUAGES_OF_PLATFORM: Readonly<Record<Platform, readonly SourceLanguage[]>> = {
  web: ['js'],
  flutter: ['dart'],
  ios: ['swift'],
  android: ['kotlin', 'java'],
};

/** The language a source file is written in, if the migration rewrites it. */
export function languageOf(file: string): SourceLanguage | undefined {
  return LANGUAGE_OF_EXTENSION[path.posix.extname(file).toLowerCase()];
}

/**
 * Plans the migration of one app onto amplify_outputs: converts its Gen1 configuration as `convert` does, places the
 * outputs where the platform's library loads them, and rewrites the sources and project files that load the Gen1
 * configuration. Pure: takes the app's files (path relative to its root → text), returns texts and findings.
 * Throws ConversionError when the Gen1 source cannot be read.
 */
export async function planMigration(files: AppFiles, options: MigrationOptions = {}): Promise<MigrationPlan> {
  const index = new AppFileIndex(files);
  const source = options.source ?? defaultSource(index);
  const sourceText = options.sourceText ?? files[source];
  if (sourceText === undefined) throw noSource(source);
  const platform = options.platform ?? platformMarkedBy(index.namesIn(''))?.[0] ?? platformOfFile(source);
  const projectFiles = options.projectFiles ?? projectFilesIn(files);
  const conversion = convert(sourceText, {
    fileName: options.sourceName ?? source,
    from: options.from,
    outputsVersion: options.outputsVersion ?? 'auto',
    platform,
    api: options.api,
    select: options.select,
    projectFiles,
    projectFolder: options.projectFolder ?? (projectFiles === undefined ? undefined : '.'),
    modelIntrospection: options.modelIntrospection,
  });
  const outputsPath = options.outputsPath ?? slashed(outputPlace(platform, '', isProjectPlace(source) ? undefined : source, index.namesIn));
  const carried = !conversion.diagnostics.some((diagnostic) => diagnostic.code === 'NOTHING_CARRIED');

  const edits: FileEdit[] = [];
  const diagnostics: Diagnostic[] = [];
  if (carried) addEdit(edits, files, outputsPath, outputsTextFor(outputsPath, conversion.text));

  const gate = PARTS.libraryGate(files, platform, options.appDir);
  const mobileSdk = PARTS.mobileSdk(files, platform);
  diagnostics.push(...gate.diagnostics, ...mobileSdk);
  const gen1Path = isProjectPlace(source) && platform !== undefined ? gen1PlaceOf(platform, files, source) : source;
  const rewrites = carried && gate.canReadOutputs !== false && mobileSdk.length === 0;
  if (rewrites) {
    const readTarget = PARTS.readTargets(conversion.format);
    const { retarget, loadsOutputs } = PARTS.retargeting(files, gen1Path, outputsPath);
    const packageName = options.packageName ?? pubspecName(files['pubspec.yaml']);
    const languages = new Set(platform === undefined ? [] : LANGUAGES_OF_PLATFORM[platform]);
    const importers: string[] = [];
    for (const file of index.paths()) {
      const language = languageOf(file);
      if (language === undefined || !languages.has(language) || inForeignFolder(file) || file === gen1Path || file === outputsPath) continue;
      const text = files[file]!;
      const context: PlannedContext = {
        path: file,
        platform: platform!,
        gen1Path,
        gen1Format: conversion.format,
        outputsPath,
        outputs: conversion.outputs,
        readTarget,
        retarget: (specifier: string) => retarget(specifier, file)?.specifier,
        retargetNote: (specifier: string) => retarget(specifier, file)?.note,
        loadsOutputs: (specifier: string) => loadsOutputs(specifier, file),
        ...(packageName !== undefined ? { packageName } : {}),
      };
      const rewrite = await PARTS.rewrite(language, text, context);
      diagnostics.push(...rewrite.diagnostics);
      if (rewrite.text !== text) addEdit(edits, files, file, rewrite.text);
      if (language === 'js' && rewrite.text.includes(path.posix.basename(outputsPath))) importers.push(file);
    }
    if (importers.length > 0 && !outputsPath.startsWith('src/') && usesCreateReactApp(files['package.json'])) {
      diagnostics.push(
        createDiagnostic('OUTPUTS_OUTSIDE_CRA_SRC', {
          message: `The app is built with Create React App (react-scripts in package.json), which refuses imports from outside src/, and ${importers.join(', ')} now import ${outputsPath}: the build would fail.`,
          source: { file: 'package.json', pointer: '' },
        }),
      );
    }
    const tsconfig = PARTS.tsconfigEdits(withEdits(files, edits), importers);
    diagnostics.push(...tsconfig.diagnostics);
    for (const edit of tsconfig.edits) addEdit(edits, files, edit.path, edit.after);
    if (platform === 'ios') {
      for (const file of index.paths()) {
        if (!file.endsWith('.xcodeproj/project.pbxproj') || inForeignFolder(file)) continue;
        const xcode = PARTS.xcodeProject(files[file]!, { projectPath: file, gen1Path, outputsPath });
        diagnostics.push(...xcode.diagnostics);
        if (xcode.text !== files[file]) addEdit(edits, files, file, xcode.text);
      }
    }
  }
  diagnostics.push(...PARTS.buildSteps(files, { gen1Path, outputsPath, platform }), ...PARTS.gitignore(files, gen1Path, outputsPath));
  edits.sort((a, b) => (a.path === outputsPath ? -1 : b.path === outputsPath ? 1 : a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return {
    outputs: carried ? conversion.outputs : undefined,
    outputsPath,
    source,
    platform,
    conversion,
    sourcesRewritten: rewrites,
    edits,
    // What the parts find is about the app's code and project files, reported under one heading.
    diagnostics: [...conversion.diagnostics, ...diagnostics.map((diagnostic) => ({ ...diagnostic, category: 'code' })).sort(byFile)],
  };
}

/** Records a file's new text, once per file (a later change of the same file replaces the earlier one). */
function addEdit(edits: FileEdit[], files: AppFiles, file: string, after: string): void {
  const before = files[file] ?? null;
  const known = edits.findIndex((edit) => edit.path === file);
  if (known >= 0) edits.splice(known, 1);
  if (before !== after) edits.push({ path: file, before, after });
}

function withEdits(files: AppFiles, edits: readonly FileEdit[]): AppFiles {
  const result: Record<string, string> = { ...files };
  for (const edit of edits) result[edit.path] = edit.after;
  return result;
}

/** The Gen1 source of an app's files: its first client file (at the usual places first), else its project's meta file. */
function defaultSource(index: AppFileIndex): string {
  const clientFiles = index.paths().filter((file) => GEN1_FILE_NAMES.has(path.posix.basename(file)) && !isProjectPlace(file) && !inForeignFolder(file));
  const first = rankClientFiles('', clientFiles)[0];
  if (first !== undefined) return first;
  const meta = PROJECT_FILE_PLACES.find((place) => index.files[place] !== undefined);
  if (meta !== undefined) return meta;
  throw noSource(undefined);
}

function isProjectPlace(file: string): boolean {
  return PROJECT_FILE_PLACES.includes(file);
}

/** Where the Gen1 CLI writes an app's client file: what its code imports, even when the app was converted from its project. */
function gen1PlaceOf(platform: Platform, files: AppFiles, source: string): string {
  const usual = CLIENT_FILE_PLACES.find((place) => files[place] !== undefined);
  return usual ?? (platform === 'web' || platform === 'flutter' ? PLATFORM_FACTS[platform].gen1File : source);
}

function platformOfFile(file: string): Platform | undefined {
  if (file.endsWith('.dart')) return 'flutter';
  if (RAW_RESOURCE.test(file)) return 'android';
  if (/aws-exports\.[jt]s$/.test(file)) return 'web';
  return undefined;
}

function projectFilesIn(files: AppFiles): Record<string, string> | undefined {
  const found = Object.keys(files)
    .filter(isProjectFileRead)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (!found.some(isProjectPlace)) return undefined;
  return Object.fromEntries(found.map((file) => [file, files[file]!]));
}

/** Whether package.json names react-scripts (Create React App) among its dependencies. */
function usesCreateReactApp(packageJson: string | undefined): boolean {
  if (packageJson === undefined) return false;
  try {
    const manifest = JSON.parse(packageJson) as Record<string, Record<string, unknown> | undefined>;
    return ['dependencies', 'devDependencies'].some((field) => typeof manifest[field]?.['react-scripts'] === 'string');
  } catch {
    return false;
  }
}

/** pubspec.yaml's `name:` (a Flutter package's name, which `package:` imports start with). */
function pubspecName(pubspec: string | undefined): string | undefined {
  return pubspec?.match(/^name:\s*['"]?([A-Za-z0-9_]+)['"]?\s*$/m)?.[1];
}

function slashed(file: string): string {
  return file.split(path.sep).join('/');
}

function byFile(a: Diagnostic, b: Diagnostic): number {
  const fileA = a.source.file ?? '';
  const fileB = b.source.file ?? '';
  return fileA < fileB ? -1 : fileA > fileB ? 1 : compareDiagnostics(a, b);
}

function noSource(source: string | undefined): ConversionError {
  return new ConversionError(
    createDiagnostic('NO_CONFIG_OBJECT', {
      message:
        source === undefined
          ? 'The app has no Gen1 configuration: no client file (aws-exports.js, amplifyconfiguration.json, awsconfiguration.json, amplifyconfiguration.dart) and no amplify-meta.json.'
          : `The Gen1 source ${source} is not among the app's files.`,
      resolution: 'Give the app folder that holds its Gen1 configuration (run amplify pull there first if it has none).',
      source: { file: source ?? '', pointer: '' },
    }),
  );
}
