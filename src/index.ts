/**
 * amplify-outputs-migrate: convert Amplify Gen1 client configuration into Gen2 amplify_outputs.json.
 * Everything exported here is pure: no file system, no process exit, no console.
 *
 * @packageDocumentation
 */
export { convert, convertObject, type AmplifyOutputs, type ConvertOptions, type ConvertResult } from './convert.js';
export { detectFormat, type DetectedFormat } from './formats/detect-format.js';
export { SOURCE_FORMATS, type SourceFormat } from './formats/index.js';
export { PLATFORMS, type Platform } from './platforms.js';
export { validateOutputs, type ValidationResult } from './validation/validate-outputs.js';
export { renderReport, REPORT_FORMATS, type ReportFormat, type RenderOptions } from './diagnostics/render-report.js';
export type { TextRenderOptions } from './diagnostics/render-text.js';
export { JSON_REPORT_VERSION } from './diagnostics/render-json.js';
export type { FileChange, Report } from './diagnostics/report.js';
export type { Diagnostic, DiagnosticSource } from './diagnostics/diagnostic.js';
export { DIAGNOSTIC_CODES, type DiagnosticCode, type DiagnosticCodeInfo, type Severity } from './diagnostics/codes.js';
export type { PlatformText, PlatformTexts } from './diagnostics/platform-text.js';
export { ConversionError, InternalFault, isConversionError, isInternalFault } from './errors.js';
export type { FieldDisposition } from './mapping/ledger.js';
export { OUTPUTS_VERSIONS, type OutputsVersion } from './outputs/versions.js';
