import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { convert, renderReport, type Report, type ConvertResult } from '../src/index.js';
import { fixtureCases } from './support/fixture-cases.js';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');

function reportOf(caseName: string, file: string): Report {
  const text = readFileSync(path.join(FIXTURES, caseName, file), 'utf8');
  const result = convert(text, { fileName: file });
  return { input: file, format: result.format, version: result.version, output: 'amplify_outputs.json', written: true, diagnostics: result.diagnostics };
}

describe('reports', () => {
  const report = reportOf('convert/amplifyconfiguration-json/invalid-values', 'amplifyconfiguration.json');

  it('text: grouped by category under the table titles, each finding with location, code, message and fix', () => {
    const text = renderReport(report, 'text');
    expect(text.split('\n')[0]).toBe('amplifyconfiguration.json (amplifyconfiguration-json -> amplify_outputs.json version 1)');
    expect(text).toContain('\nAuthentication (Amazon Cognito)\n');
    expect(text).toContain('\nHosted UI (OAuth)\n');
    expect(text).toMatch(
      / {2}warning amplifyconfiguration\.json:18:3 INVALID_VALUE Value not valid for its field\n {10}Expected OFF, ON or OPTIONAL, found "SOMETIMES"\./,
    );
    expect(text).toContain('fix: ');
    expect(text.trimEnd().split('\n').at(-1)).toMatch(/^Wrote amplify_outputs\.json: 0 errors, \d+ warnings, \d+ info\.$/);
    expect(text).not.toContain('\u001b[');
  });

  it('text: each category heading appears once', () => {
    const text = renderReport(report, 'text');
    expect(text.match(/\nAuthentication \(Amazon Cognito\)\n/g)).toHaveLength(1);
  });

  it('text: colours only when asked', () => {
    expect(renderReport(report, 'text', { color: true })).toContain('\u001b[33mwarning');
  });

  it('json: stable, versioned, with a summary', () => {
    const json = renderReport(report, 'json');
    expect(json).toBe(renderReport(report, 'json'));
    const parsed = JSON.parse(json) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual([
      'reportVersion',
      'tool',
      'input',
      'app',
      'platform',
      'format',
      'output',
      'outputsVersion',
      'written',
      'dryRun',
      'summary',
      'diagnostics',
    ]);
    expect(parsed['summary']).toEqual({
      error: report.diagnostics.filter((d) => d.severity === 'error').length,
      warning: report.diagnostics.filter((d) => d.severity === 'warning').length,
      info: report.diagnostics.filter((d) => d.severity === 'info').length,
    });
  });

  it('never shows an API key in a report', () => {
    const keys: string[] = [];
    for (const fixture of fixtureCases()) {
      let result: ConvertResult;
      try {
        result = convert(fixture.text, { ...fixture.options, fileName: fixture.fileName });
      } catch {
        continue;
      }
      const key = (result.outputs.data as { api_key?: string } | undefined)?.api_key;
      if (!key) continue;
      keys.push(key);
      const rendered = renderReport({ diagnostics: result.diagnostics }, 'text') + renderReport({ diagnostics: result.diagnostics }, 'json');
      expect(rendered).not.toContain(key);
    }
    expect(keys.length).toBeGreaterThan(2);
  });
});
