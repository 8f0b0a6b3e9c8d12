import type { Diagnostic } from './diagnostic.js';
import type { BatchReport, Report } from './report.js';
import { countBatchBySeverity, countBySeverity } from './report.js';

/** The version of the JSON report format (documented in README.md). Bumped on any incompatible change. */
export const JSON_REPORT_VERSION = 1;

const TOOL = 'amplify-outputs-migrate';

/** The JSON report: stable key order, 2-space indentation, a final newline. */
export function renderJson(report: Report): string {
  const document = {
    reportVersion: JSON_REPORT_VERSION,
    tool: TOOL,
    ...describeReport(report),
    // check: the committed file compared with.
    ...(report.checked !== undefined ? { checked: report.checked } : {}),
    summary: countBySeverity(report.diagnostics),
    diagnostics: report.diagnostics.map(jsonDiagnostic),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

/**
 * The JSON report of a run over several apps: the run's summary, then one entry per app, in the order of the run,
 * with what a single app's report holds, plus the committed file it was checked against, its exit code and, when it
 * failed, what it said.
 */
export function renderJsonBatch(batch: BatchReport): string {
  const document = {
    reportVersion: JSON_REPORT_VERSION,
    tool: TOOL,
    summary: {
      apps: batch.apps.length,
      clean: batch.counts.clean,
      withFindings: batch.counts.findings,
      failed: batch.counts.failed,
      ...countBatchBySeverity(batch),
    },
    apps: batch.apps.map(({ app, exitCode, report, failure }) => {
      const diagnostics = report?.diagnostics ?? [];
      return {
        ...describeReport(report ?? { input: app, diagnostics }),
        checked: report?.checked ?? null,
        exitCode,
        failure: failure || null,
        summary: countBySeverity(diagnostics),
        diagnostics: diagnostics.map(jsonDiagnostic),
      };
    }),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** What a report says of its input and output, in the order the JSON report gives it. */
function describeReport(report: Report) {
  return {
    input: report.input ?? null,
    app: report.app ?? null,
    platform: report.platform ?? null,
    format: report.format ?? null,
    output: report.output ?? null,
    outputsVersion: report.version ?? null,
    written: report.written ?? false,
    dryRun: report.dryRun ?? false,
    ...(report.changes !== undefined ? { changes: report.changes } : {}),
  };
}

function jsonDiagnostic(diagnostic: Diagnostic) {
  return {
    code: diagnostic.code,
    severity: diagnostic.severity,
    category: diagnostic.category,
    message: diagnostic.message,
    resolution: diagnostic.resolution,
    source: diagnostic.source,
    ...(diagnostic.target !== undefined ? { target: diagnostic.target } : {}),
  };
}
