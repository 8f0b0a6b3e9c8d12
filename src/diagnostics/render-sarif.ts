import { DIAGNOSTIC_CODES, type DiagnosticCode, type Severity } from './codes.js';
import type { Report } from './report.js';

/** SARIF 2.1.0 (for code scanning): the rules are the diagnostic code table, each finding a located result. */
export function renderSarif(report: Report, toolVersion = '0.0.0'): string {
  const codes = Object.keys(DIAGNOSTIC_CODES) as DiagnosticCode[];
  const level: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'amplify-outputs-migrate',
            version: toolVersion,
            rules: codes.map((code) => ({
              id: code,
              name: ruleName(code),
              shortDescription: { text: DIAGNOSTIC_CODES[code].title },
              fullDescription: { text: DIAGNOSTIC_CODES[code].explanation },
              defaultConfiguration: { level: level[DIAGNOSTIC_CODES[code].severity] },
            })),
          },
        },
        results: report.diagnostics.map((diagnostic) => {
          const file = diagnostic.source.file ?? report.input;
          const region: Record<string, number> = {};
          if (diagnostic.source.line !== undefined) region['startLine'] = diagnostic.source.line;
          if (diagnostic.source.column !== undefined) region['startColumn'] = diagnostic.source.column;
          return {
            ruleId: diagnostic.code,
            ruleIndex: codes.indexOf(diagnostic.code),
            level: level[diagnostic.severity],
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
        }),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
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
