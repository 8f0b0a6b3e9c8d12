import { createRequire } from 'node:module';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DOMParser, type Element } from '@xmldom/xmldom';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { renderBatchReport } from '../src/diagnostics/render-batch-report.js';
import type { BatchReport } from '../src/diagnostics/report.js';
import { convert, DIAGNOSTIC_CODES } from '../src/index.js';
import { project, runCli, temporaryDirectory } from './support/run-cli.js';
import { runWorkersOnly } from './support/run-in-process.js';

const require = createRequire(import.meta.url);
/** The SARIF 2.1.0 schema (draft-04), as published with Microsoft's SARIF matchers, adapted to ajv's drafts. */
const { $schema: _draft, id: schemaId, ...sarifRest } = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json') as Record<string, unknown>;
// The schema's language-tag pattern is not valid under the u flag, and formats are not checked.
const sarifSchema: Record<string, unknown> = { $id: schemaId, ...sarifRest };
const validateSarif = new Ajv({ allErrors: true, strict: false, validateSchema: false, unicodeRegExp: false, validateFormats: false, logger: false }).compile(
  sarifSchema,
);

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');
const WEB = readFileSync(path.join(FIXTURES, 'convert/aws-exports/example-app/src/aws-exports.js'), 'utf8');
const FLUTTER = readFileSync(path.join(FIXTURES, 'convert/amplifyconfiguration-dart/flutter-gen2-legacy-dart/lib/amplifyconfiguration.dart'), 'utf8');

/** The Gen1 file of each app of a generated repository, by app folder, in the order a run takes them. */
type Apps = Record<string, string>;

/**
 * A repository of `count` apps, web and Flutter by turns, each with a bucket of its own, and an app whose
 * aws-exports.js does not parse (which fails: exit code 2, with a report).
 */
function repository(count: number): { root: string; apps: Apps; outputs: Apps } {
  const files: Record<string, string> = {};
  const apps: Apps = {};
  // Where each app's platform loads its amplify_outputs.
  const outputs: Apps = {};
  for (let index = 0; index < count; index++) {
    const name = `apps/app-${String(index).padStart(2, '0')}`;
    if (index % 2 === 0) {
      files[`${name}/package.json`] = '{}';
      apps[name] = `${name}/src/aws-exports.js`;
      outputs[name] = `${name}/amplify_outputs.json`;
      files[apps[name]] = WEB.replace('shop-media-main', `media-${index}`);
    } else {
      files[`${name}/pubspec.yaml`] = 'name: app';
      apps[name] = `${name}/lib/amplifyconfiguration.dart`;
      outputs[name] = `${name}/lib/amplify_outputs.dart`;
      files[apps[name]] = FLUTTER;
    }
  }
  files['apps/broken/package.json'] = '{}';
  files['apps/broken/aws-exports.js'] = 'const awsmobile = {';
  apps['apps/broken'] = 'apps/broken/aws-exports.js';
  outputs['apps/broken'] = 'apps/broken/amplify_outputs.json';
  return { root: project(files), apps: Object.fromEntries(Object.entries(apps).sort(([a], [b]) => (a < b ? -1 : 1))), outputs };
}

/** What a conversion of an app's Gen1 file finds, as the library says it. */
function findingsOf(root: string, file: string) {
  return convert(readFileSync(path.join(root, file), 'utf8'), { fileName: file });
}

function parseXml(text: string) {
  return new DOMParser({
    onError: (level, message) => {
      throw new Error(`${level}: ${message}`);
    },
  }).parseFromString(text, 'text/xml');
}

function children(element: Element, name: string): Element[] {
  return Array.from(element.childNodes).filter((node): node is Element => node.nodeType === 1 && node.nodeName === name);
}

interface SarifLog {
  runs: {
    tool: { driver: { rules: { id: string }[] } };
    invocations: { executionSuccessful: boolean; toolExecutionNotifications?: { message: { text: string }; locations: unknown[] }[] }[];
    results: { ruleId: string; ruleIndex: number; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[];
  }[];
}

describe('one report for many apps', () => {
  it('check --recursive --report sarif: one SARIF 2.1.0 run with every app, rules the codes found', () => {
    const { root, apps, outputs } = repository(4);
    const run = runCli(['check', '--recursive', '--report', 'sarif'], root, { CI: 'true' });
    // Nothing was converted: every app's amplify_outputs.json is missing, and apps/broken does not parse.
    expect(run.status).toBe(2);
    const log = JSON.parse(run.stdout) as SarifLog;
    expect(validateSarif(log), JSON.stringify(validateSarif.errors?.slice(0, 3))).toBe(true);
    expect(log.runs).toHaveLength(1);
    const [sarifRun] = log.runs;
    // Each app's results, located in its own files (relative to the current folder), in the order of the apps.
    const appOf = (uri: string): string => uri.split('/').slice(0, 2).join('/');
    const located = sarifRun!.results.map((result) => appOf(result.locations[0]!.physicalLocation.artifactLocation.uri));
    expect([...new Set(located)]).toEqual(Object.keys(apps));
    expect(located).toEqual([...located].sort());
    for (const app of Object.keys(apps).filter((name) => name !== 'apps/broken')) {
      expect(sarifRun!.results, app).toContainEqual(
        expect.objectContaining({
          ruleId: 'OUTPUTS_MISSING',
          locations: [expect.objectContaining({ physicalLocation: { artifactLocation: { uri: outputs[app] } } })],
        }),
      );
    }
    // The rules: the codes found, once each, in the order of the code table; each result points at its own.
    const rules = sarifRun!.tool.driver.rules.map((rule) => rule.id);
    const codes = Object.keys(DIAGNOSTIC_CODES);
    expect(rules).toEqual(codes.filter((code) => sarifRun!.results.some((result) => result.ruleId === code)));
    for (const result of sarifRun!.results) expect(rules[result.ruleIndex]).toBe(result.ruleId);
    // The app that failed makes the invocation unsuccessful; its findings say why.
    expect(sarifRun!.invocations).toEqual([
      {
        executionSuccessful: false,
        toolExecutionNotifications: [
          {
            level: 'error',
            message: { text: 'Exit code 2. Its findings say why.' },
            locations: [{ physicalLocation: { artifactLocation: { uri: 'apps/broken/aws-exports.js' } } }],
          },
        ],
      },
    ]);
    expect(sarifRun!.results).toContainEqual(expect.objectContaining({ ruleId: 'PARSE_ERROR' }));
    expect(run.stderr).toContain('5 apps: 0 clean, 4 with findings, 1 failed;');
  });

  it('convert --recursive --report junit --report-file: one test suite per app, in the file', () => {
    const { root, apps, outputs } = repository(4);
    const run = runCli(['convert', '--recursive', '--report', 'junit', '--report-file', 'report.xml', '--quiet'], root, { CI: 'true' });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    for (const app of Object.keys(apps).filter((name) => name !== 'apps/broken')) expect(existsSync(path.join(root, outputs[app]!)), app).toBe(true);
    const document = parseXml(readFileSync(path.join(root, 'report.xml'), 'utf8')).documentElement!;
    expect(document.nodeName).toBe('testsuites');
    const suites = children(document, 'testsuite');
    expect(suites.map((suite) => suite.getAttribute('name'))).toEqual(Object.values(apps));
    let tests = 0;
    let failures = 0;
    for (const suite of suites) {
      const file = suite.getAttribute('name')!;
      const cases = children(suite, 'testcase');
      expect(Number(suite.getAttribute('tests')), file).toBe(cases.length);
      tests += cases.length;
      failures += Number(suite.getAttribute('failures'));
      if (file === apps['apps/broken']) {
        expect(suite.getAttribute('errors')).toBe('1');
        expect(cases.map((testcase) => children(testcase, 'failure').length + children(testcase, 'error').length)).toEqual([1, 1]);
        expect(children(cases[1]!, 'error')[0]!.getAttribute('type')).toBe('exit code 2');
        continue;
      }
      // The cases of an app are its findings, errors and warnings failing, as for one app.
      const { diagnostics } = findingsOf(root, file);
      expect(
        cases.map((testcase) => testcase.getAttribute('name')),
        file,
      ).toEqual(diagnostics.map((d) => `${d.code} ${d.source.pointer || '(file)'}`));
      expect(Number(suite.getAttribute('failures')), file).toBe(diagnostics.filter((d) => d.severity !== 'info').length);
      expect(suite.getAttribute('errors'), file).toBe('0');
    }
    expect(Number(document.getAttribute('tests'))).toBe(tests);
    expect(Number(document.getAttribute('failures'))).toBe(failures);
    expect(document.getAttribute('errors')).toBe('1');
  });

  it('check with several inputs --report json: an entry per app, with the summary of the run', () => {
    const { root, apps } = repository(4);
    expect(runCli(['convert', '--recursive', '--quiet'], root, { CI: 'true' }).status).toBe(2);
    // One app drifts; an input that does not exist fails without a report.
    const drifting = path.join(root, apps['apps/app-02']!);
    writeFileSync(drifting, readFileSync(drifting, 'utf8').replace('media-2', 'media-two'));
    const run = runCli(['check', 'apps/*', 'missing/aws-exports.js', '--report', 'json'], root, { CI: 'true' });
    expect(run.status).toBe(2);
    const report = JSON.parse(run.stdout) as {
      reportVersion: number;
      tool: string;
      summary: Record<string, number>;
      apps: { input: string; checked: string | null; exitCode: number; failure: string | null; summary: Record<string, number>; diagnostics: unknown[] }[];
    };
    expect(Object.keys(report)).toEqual(['reportVersion', 'tool', 'summary', 'apps']);
    expect(report.reportVersion).toBe(1);
    expect(report.apps.map((app) => app.input)).toEqual([...Object.values(apps), 'missing/aws-exports.js']);
    expect(Object.keys(report.apps[0]!)).toEqual([
      'input',
      'app',
      'platform',
      'format',
      'output',
      'outputsVersion',
      'written',
      'dryRun',
      'checked',
      'exitCode',
      'failure',
      'summary',
      'diagnostics',
    ]);
    const byInput = new Map(report.apps.map((app) => [app.input, app]));
    expect(byInput.get(apps['apps/app-00']!)).toMatchObject({ format: 'aws-exports', checked: 'apps/app-00/amplify_outputs.json', exitCode: 0, failure: null });
    expect(byInput.get(apps['apps/app-02']!)).toMatchObject({ exitCode: 1, summary: { error: 1 } });
    expect(byInput.get(apps['apps/app-02']!)!.diagnostics).toContainEqual(expect.objectContaining({ code: 'OUTPUTS_DRIFT', severity: 'error' }));
    expect(byInput.get(apps['apps/broken']!)).toMatchObject({ exitCode: 2, failure: null, diagnostics: [expect.objectContaining({ code: 'PARSE_ERROR' })] });
    const missing = byInput.get('missing/aws-exports.js')!;
    expect(missing).toMatchObject({ format: null, checked: null, exitCode: 2, diagnostics: [] });
    expect(missing.failure).toContain('missing/aws-exports.js');
    // The summary is the one the run prints, in numbers.
    const { apps: count, clean, withFindings, failed, error, warning, info } = report.summary as Record<string, number>;
    expect(run.stderr).toContain(`${count} inputs: ${clean} clean, ${withFindings} with findings, ${failed} failed; findings: ${error} error`);
    expect(run.stderr).toContain(`, ${warning} warnings, ${info} info.`);
    expect(failed).toBe(2);
    expect(error).toBe(report.apps.reduce((sum, app) => sum + app.summary['error']!, 0));
  });

  it('--recursive --dry-run prints one line of JSON per app, and writes nothing', () => {
    const { root, apps, outputs } = repository(3);
    const run = runCli(['convert', '--recursive', '--dry-run', '--report-file', 'report.json', '--report', 'json'], root, { CI: 'true' });
    expect(run.status).toBe(2);
    const lines = run.stdout.split('\n');
    expect(lines.pop()).toBe('');
    const results = lines.map((line) => JSON.parse(line) as { input: string; output: string; outputs: unknown });
    expect(results.map((result) => result.input)).toEqual(Object.values(apps));
    for (const [app, file] of Object.entries(apps)) {
      const result = results.find((line) => line.input === file)!;
      expect(Object.keys(result)).toEqual(['input', 'output', 'outputs']);
      expect(result.output).toBe(outputs[app]);
      expect(result.outputs, app).toEqual(app === 'apps/broken' ? null : JSON.parse(findingsOf(root, file).text));
      expect(existsSync(path.join(root, outputs[app]!)), app).toBe(false);
    }
    const report = JSON.parse(readFileSync(path.join(root, 'report.json'), 'utf8')) as { apps: { dryRun: boolean; written: boolean }[] };
    expect(report.apps.map((app) => [app.dryRun, app.written])).toEqual(Object.keys(apps).map((app) => [app !== 'apps/broken', false]));

    // The text report stays on standard error, app by app; with a report on standard output, the results are not printed.
    const text = runCli(['convert', '--recursive', '--dry-run'], root, { CI: 'true' });
    expect(text.stdout).toBe(run.stdout);
    expect(text.stderr).toContain('Dry run, apps/app-00/amplify_outputs.json not written');
    const sarif = runCli(['convert', '--recursive', '--dry-run', '--report', 'sarif'], root, { CI: 'true' });
    expect(JSON.parse(sarif.stdout)).toMatchObject({ version: '2.1.0' });
  });

  it('--report-file in text: every app report in the one file', () => {
    const { root, apps } = repository(3);
    const run = runCli(['convert', '--recursive', '--report-file', 'report.txt', '--quiet'], root, { CI: 'true' });
    expect(run.status).toBe(2);
    const text = readFileSync(path.join(root, 'report.txt'), 'utf8');
    // Each app's report starts with its input, the first at the top, the others after a blank line.
    const headings = text.split('\n').filter((line) => line.startsWith('apps/'));
    expect(headings.map((line) => line.split(' ')[0])).toEqual(Object.values(apps));
    expect(text.startsWith(headings[0]!)).toBe(true);
    expect(text.match(/^Wrote apps\/app-\d\d\/\S+: /gm)).toHaveLength(3);
  });

  it('prints the same bytes whatever --jobs is, apps on worker threads or not', async () => {
    const { root } = repository(40);
    for (const format of ['sarif', 'junit', 'json']) {
      const one = runCli(['check', '--recursive', '--report', format, '--jobs', '1'], root, { CI: 'true' });
      const two = await runWorkersOnly(['check', '--recursive', '--report', format, '--jobs', '2'], root);
      expect(one.stdout.length, format).toBeGreaterThan(1000);
      expect(two, format).toEqual(one);
    }
    const dryRuns = [
      runCli(['convert', '--recursive', '--dry-run', '--jobs', '1'], root, { CI: 'true' }),
      await runWorkersOnly(['convert', '--recursive', '--dry-run', '--jobs', '2'], root),
    ];
    expect(dryRuns[0]!.stdout.split('\n')).toHaveLength(42);
    expect(dryRuns[1]).toEqual(dryRuns[0]);
    // A report file, from a run that writes every app's amplify_outputs.json.
    const copies = [root, temporaryDirectory()];
    cpSync(root, copies[1]!, { recursive: true });
    const runs = [
      runCli(['convert', '--recursive', '--report', 'sarif', '--report-file', 'report.sarif', '--jobs', '1'], copies[0]!, { CI: 'true' }),
      await runWorkersOnly(['convert', '--recursive', '--report', 'sarif', '--report-file', 'report.sarif', '--jobs', '2'], copies[1]!),
    ];
    expect(runs[1]).toEqual(runs[0]);
    expect(readFileSync(path.join(copies[1]!, 'report.sarif'), 'utf8')).toBe(readFileSync(path.join(copies[0]!, 'report.sarif'), 'utf8'));
  });
});

describe('the report of a run, rendered', () => {
  // Two apps: one converted with a finding, one that could not be read (no report), whose message needs escaping.
  const converted = convert(WEB, { fileName: 'web/src/aws-exports.js' });
  const batch: BatchReport = {
    apps: [
      {
        app: 'web',
        exitCode: 0,
        report: { input: 'web/src/aws-exports.js', format: converted.format, version: converted.version, diagnostics: converted.diagnostics },
      },
      { app: 'odd <&> "app"', exitCode: 2, failure: 'Cannot read odd <&> "app"/aws-exports.js: not UTF-8.\nSecond line.' },
    ],
    counts: { clean: 0, findings: 1, failed: 1 },
  };

  it('an app without a report is an entry of its own in each format', () => {
    const json = JSON.parse(renderBatchReport(batch, 'json')) as { summary: Record<string, number>; apps: Record<string, unknown>[] };
    expect(json.summary).toEqual({ apps: 2, clean: 0, withFindings: 1, failed: 1, error: 0, warning: 1, info: 2 });
    expect(json.apps[1]).toEqual({
      input: 'odd <&> "app"',
      app: null,
      platform: null,
      format: null,
      output: null,
      outputsVersion: null,
      written: false,
      dryRun: false,
      checked: null,
      exitCode: 2,
      failure: 'Cannot read odd <&> "app"/aws-exports.js: not UTF-8.\nSecond line.',
      summary: { error: 0, warning: 0, info: 0 },
      diagnostics: [],
    });

    const sarif = JSON.parse(renderBatchReport(batch, 'sarif', { toolVersion: '1.2.3' })) as SarifLog;
    expect(validateSarif(sarif), JSON.stringify(validateSarif.errors?.slice(0, 3))).toBe(true);
    expect(sarif.runs[0]!.results).toHaveLength(converted.diagnostics.length);
    expect(sarif.runs[0]!.invocations[0]!.toolExecutionNotifications).toEqual([
      expect.objectContaining({
        message: { text: batch.apps[1]!.failure },
        locations: [{ physicalLocation: { artifactLocation: { uri: 'odd%20%3C%26%3E%20%22app%22' } } }],
      }),
    ]);

    const junit = parseXml(renderBatchReport(batch, 'junit')).documentElement!;
    const suites = children(junit, 'testsuite');
    expect(suites.map((suite) => suite.getAttribute('name'))).toEqual(['web/src/aws-exports.js', 'odd <&> "app"']);
    const error = children(children(suites[1]!, 'testcase')[0]!, 'error')[0]!;
    expect(error.getAttribute('message')).toBe('Cannot read odd <&> "app"/aws-exports.js: not UTF-8.');
    expect(error.textContent).toBe(batch.apps[1]!.failure);
    expect(junit.getAttribute('errors')).toBe('1');

    // Text and GitHub: the reports there are, one after another.
    expect(renderBatchReport(batch, 'github')).toBe(renderBatchReport({ ...batch, apps: [batch.apps[0]!] }, 'github'));
    expect(renderBatchReport(batch, 'text').startsWith('web/src/aws-exports.js (aws-exports')).toBe(true);
  });

  it('an empty run is still a document', () => {
    const empty: BatchReport = { apps: [], counts: { clean: 0, findings: 0, failed: 0 } };
    const sarif = JSON.parse(renderBatchReport(empty, 'sarif')) as SarifLog;
    expect(validateSarif(sarif)).toBe(true);
    expect(sarif.runs[0]!.invocations).toEqual([{ executionSuccessful: true }]);
    expect(children(parseXml(renderBatchReport(empty, 'junit')).documentElement!, 'testsuite')).toEqual([]);
    expect(JSON.parse(renderBatchReport(empty, 'json'))).toMatchObject({ summary: { apps: 0 }, apps: [] });
  });
});
