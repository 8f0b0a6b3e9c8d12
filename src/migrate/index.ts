/**
 * amplify-outputs-migrate/migrate: plan the migration of an app onto amplify_outputs, as the `migrate` command does.
 * Pure: takes the app's files (path relative to its root → text) and returns the outputs, every file to create or
 * change (before and after) and every finding. No file system, no process exit, no console.
 *
 * @packageDocumentation
 */
export { planMigration, languageOf, type MigrationOptions, type MigrationPlan } from './plan-migration.js';
export type { AppFiles, FileEdit, ReadTarget, RewriteContext, SourceRewrite } from './types.js';
export type { SourceLanguage } from './parts.js';
export type { AmplifyOutputs, ConvertOptions, ConvertResult } from '../convert.js';
export type { Diagnostic, DiagnosticSource } from '../diagnostics/diagnostic.js';
export type { DiagnosticCode, Severity } from '../diagnostics/codes.js';
export type { FieldDisposition } from '../mapping/ledger.js';
export type { OutputsVersion } from '../outputs/versions.js';
export type { SourceFormat } from '../formats/index.js';
export type { Platform } from '../platforms.js';
