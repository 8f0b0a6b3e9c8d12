import { DIAGNOSTIC_CODES, type DiagnosticCode, type Severity } from './codes.js';
import type { Diagnostic } from './diagnostic.js';
import { failureText, type BatchReport, type Report } from './report.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };
const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** SARIF 2.1.0 (for code scanning): the rules are the diagnostic code table, each finding a located result. */
export function renderSarif(report: Report, toolVersion = '0.0.0'): string {
  const codes = Object.keys(DIAGNOSTIC_CODES) as DiagnosticCode[];
  const log = {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: driver(codes, toolVersion) },
        results: report.diagnostics.map((diagnostic) => result(diagnostic, report.input, codes.indexOf(diagnostic.code))),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

/**
 * SARIF 2.1.0 for a run over several apps: one run holding every app's results, in the order of the apps, each
 * located in its own file (relative to the current folder). The rules are the codes found, in the order of the code
 * table. An app that failed is a notification of the invocation, which is then not successful.
 */
export function renderSarifBatch(batch: BatchReport, toolVersion = '0.0.0'): string {
  const found = new Set(batch.apps.flatMap((app) => app.report?.diagnostics.map((diagnostic) => diagnostic.code) ?? []));
  const codes = (Object.keys(DIAGNOSTIC_CODES) as DiagnosticCode[]).filter((code) => found.has(code));
  const failed = batch.apps.filter((app) => app.failure !== undefined);
  const log = {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: driver(codes, toolVersion) },
        invocations: [
          {
            executionSuccessful: failed.length === 0,
            ...(failed.length > 0
              ? {
                  toolExecutionNotifications: failed.map((app) => ({
                    level: 'error',
                    message: { text: failureText(app) },
                    locations: [{ physicalLocation: { artifactLocation: { uri: toUri(app.report?.input ?? app.app) } } }],
                  })),
                }
              : {}),
          },
        ],
        results: batch.apps.flatMap(({ report }) =>
          (report?.diagnostics ?? []).map((diagnostic) => result(diagnostic, report?.input, codes.indexOf(diagnostic.code))),
        ),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function driver(codes: readonly DiagnosticCode[], toolVersion: string) {
  return {
    name: 'amplify-outputs-migrate',
    version: toolVersion,
    rules: codes.map((code) => ({
      id: code,
      name: ruleName(code),
      shortDescription: { text: DIAGNOSTIC_CODES[code].title },
      fullDescription: { text: DIAGNOSTIC_CODES[code].explanation },
      defaultConfiguration: { level: LEVEL[DIAGNOSTIC_CODES[code].severity] },
    })),
  };
}

/** A finding as a SARIF result: located in its file (else the input), at its line and column and its pointer. */
function result(diagnostic: Diagnostic, input: string | undefined, ruleIndex: number) {
  const file = diagnostic.source.file ?? input;
  const region: Record<string, number> = {};
  if (diagnostic.source.line !== undefined) region['startLine'] = diagnostic.source.line;
  if (diagnostic.source.column !== undefined) region['startColumn'] = diagnostic.source.column;
  return {
    ruleId: diagnostic.code,
    ruleIndex,
    level: LEVEL[diagnostic.severity],
    message: { text: `${diagnostic.message} Fix: ${diagnostic.resolution}` },
    ...(file !== undefined
      ? {
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: toUri(file) },
                ...(Object.keys(region).length > 0 ? { region } : {}),
              },
              ...(diagnostic.source.pointer ? { logicalLocations: [{ fullyQualifiedName: diagnostic.source.pointer, kind: 'member' }] } : {}),
            },
          ],
        }
      : {}),
    properties: {
      category: diagnostic.category,
      pointer: diagnostic.source.pointer,
      ...(diagnostic.target !== undefined ? { target: diagnostic.target } : {}),
    },
  };
}

/** A relative path as a URI reference: forward slashes, each segment percent-encoded. */
function toUri(file: string): string {
  return file.split(/[\\/]/).map(encodeURIComponent).join('/');
}

function ruleName(code: string): string {
  return code
    .toLowerCase()
    .replace(/_([a-z0-9])/g, (_match, letter: string) => letter.toUpperCase())
    .replace(/^./, (letter) => letter.toUpperCase());
}
