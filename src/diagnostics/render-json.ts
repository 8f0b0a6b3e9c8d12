import type { Report } from './report.js';
import { countBySeverity } from './report.js';

/** The version of the JSON report format (documented in README.md). Bumped on any incompatible change. */
export const JSON_REPORT_VERSION = 1;

/** The JSON report: stable key order, 2-space indentation, a final newline. */
export function renderJson(report: Report): string {
  const document = {
    reportVersion: JSON_REPORT_VERSION,
    tool: 'amplify-outputs-migrate',
    input: report.input ?? null,
    format: report.format ?? null,
    output: report.output ?? null,
    outputsVersion: report.version ?? null,
    written: report.written ?? false,
    dryRun: report.dryRun ?? false,
    summary: countBySeverity(report.diagnostics),
    diagnostics: report.diagnostics.map((diagnostic) => ({
      code: diagnostic.code,
      severity: diagnostic.severity,
      category: diagnostic.category,
      message: diagnostic.message,
      resolution: diagnostic.resolution,
      source: diagnostic.source,
      ...(diagnostic.target !== undefined ? { target: diagnostic.target } : {}),
    })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
