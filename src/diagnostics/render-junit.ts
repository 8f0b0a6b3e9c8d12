import { DIAGNOSTIC_CODES } from './codes.js';
import type { Diagnostic } from './diagnostic.js';
import { failureText, type AppReport, type BatchReport, type Report } from './report.js';

const TOOL = 'amplify-outputs-migrate';

/** JUnit XML: the input is a test suite, each finding a test case; errors and warnings fail, infos pass. */
export function renderJunit(report: Report): string {
  const name = report.input ?? TOOL;
  const failures = countFailures(report.diagnostics);
  return document(report.diagnostics.length, failures, 0, suite(name, report.diagnostics));
}

/**
 * JUnit XML for a run over several apps: one test suite per app, in the order of the run, its findings the test
 * cases as for one app. An app that failed (exit code 2 or 3) has one more test case, in error, saying why.
 */
export function renderJunitBatch(batch: BatchReport): string {
  let tests = 0;
  let failures = 0;
  let errors = 0;
  const suites = batch.apps.flatMap((app) => {
    const diagnostics = app.report?.diagnostics ?? [];
    const failed = app.failure !== undefined;
    tests += diagnostics.length + (failed ? 1 : 0);
    failures += countFailures(diagnostics);
    errors += failed ? 1 : 0;
    return suite(app.report?.input ?? app.app, diagnostics, failed ? app : undefined);
  });
  return document(tests, failures, errors, suites);
}

function document(tests: number, failures: number, errors: number, suites: readonly string[]): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites tests="${tests}" failures="${failures}"${errors > 0 ? ` errors="${errors}"` : ''}>`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}

function countFailures(diagnostics: readonly Diagnostic[]): number {
  return diagnostics.filter((diagnostic) => diagnostic.severity !== 'info').length;
}

/** The lines of one input's test suite; `failed`: the app, when it failed, for a test case in error. */
function suite(name: string, diagnostics: readonly Diagnostic[], failed?: AppReport): string[] {
  const cases = diagnostics.map((diagnostic) => {
    const where = `${diagnostic.source.file ?? name}${diagnostic.source.line !== undefined ? `:${diagnostic.source.line}:${diagnostic.source.column ?? 1}` : ''}`;
    const caseName = `${diagnostic.code} ${diagnostic.source.pointer || '(file)'}`;
    const body = `${diagnostic.message}\nFix: ${diagnostic.resolution}\nAt: ${where}`;
    const failure =
      diagnostic.severity === 'info'
        ? `\n      <system-out>${xml(body)}</system-out>\n    `
        : `\n      <failure type="${diagnostic.severity}" message="${xml(DIAGNOSTIC_CODES[diagnostic.code].title)}">${xml(body)}</failure>\n    `;
    return `    <testcase classname="${xml(`${TOOL}.${diagnostic.category}`)}" name="${xml(caseName)}">${failure}</testcase>`;
  });
  if (failed) {
    const text = failureText(failed);
    const message = text.split('\n', 1)[0]!;
    cases.push(
      `    <testcase classname="${TOOL}" name="${xml(name)}">\n      <error type="exit code ${failed.exitCode}" message="${xml(message)}">${xml(text)}</error>\n    </testcase>`,
    );
  }
  const tests = diagnostics.length + (failed ? 1 : 0);
  return [
    `  <testsuite name="${xml(name)}" tests="${tests}" failures="${countFailures(diagnostics)}" errors="${failed ? 1 : 0}" skipped="0">`,
    ...cases,
    '  </testsuite>',
  ];
}

function xml(text: string): string {
  return (
    text
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      // biome-ignore lint/suspicious/noControlCharactersInRegex: XML 1.0 cannot hold these characters, so they are removed.
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
  );
}
