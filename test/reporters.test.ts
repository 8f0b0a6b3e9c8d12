import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { convert, renderReport, type Diagnostic, type Report } from '../src/index.js';
import { escapeData as escapeGithubData, escapeProperty as escapeGithubProperty } from '../src/diagnostics/render-github.js';
import { fixtureCases } from './support/fixture-cases.js';

const require = createRequire(import.meta.url);
/** The SARIF 2.1.0 schema (draft-04), as published with Microsoft's SARIF matchers, adapted to ajv's drafts. */
const { $schema: _draft, id: schemaId, ...sarifRest } = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json') as Record<string, unknown>;
const sarifSchema: Record<string, unknown> = { $id: schemaId, ...sarifRest };
const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');

function reportOf(caseName: string, file: string): Report {
  const text = readFileSync(path.join(FIXTURES, caseName, file), 'utf8');
  const result = convert(text, { fileName: file });
  return { input: file, format: result.format, version: result.version, diagnostics: result.diagnostics };
}

const sample: Diagnostic = {
  code: 'INVALID_VALUE',
  severity: 'warning',
  category: 'auth',
  message: 'Line one\r\nline two: 100% wrong, really',
  resolution: 'Fix it.',
  source: { file: 'dir, with: odd%name/aws-exports.js', pointer: '/a/b', line: 3, column: 7 },
};

describe('github reporter', () => {
  it('escapes data and properties as the runner requires', () => {
    expect(escapeGithubData('a%b\r\nc')).toBe('a%25b%0D%0Ac');
    expect(escapeGithubProperty('a:b,c%d\ne')).toBe('a%3Ab%2Cc%25d%0Ae');
    const line = renderReport({ diagnostics: [sample] }, 'github').trimEnd();
    expect(line.split('\n')).toHaveLength(1);
    expect(line).toBe(
      '::warning file=dir%2C with%3A odd%25name/aws-exports.js,line=3,col=7,title=INVALID_VALUE%3A Value not valid for its field::Line one%0D%0Aline two: 100%25 wrong, really (at /a/b)%0AFix: Fix it.',
    );
  });

  it('maps severities to error, warning and notice, one command per finding', () => {
    const report = reportOf('convert/aws-exports/identity-pool-only', 'aws-exports.js');
    const lines = renderReport(report, 'github').trimEnd().split('\n');
    expect(lines).toHaveLength(report.diagnostics.length);
    expect(lines.filter((line) => line.startsWith('::error ')).length).toBe(report.diagnostics.filter((d) => d.severity === 'error').length);
    expect(renderReport({ diagnostics: [{ ...sample, severity: 'info' }] }, 'github')).toMatch(/^::notice /);
    expect(renderReport({ diagnostics: [] }, 'github')).toBe('');
  });
});

describe('sarif reporter', () => {
  // The schema's language-tag pattern is not valid under the u flag, and formats are not checked.
  const validate = new Ajv({ allErrors: true, strict: false, validateSchema: false, unicodeRegExp: false, validateFormats: false, logger: false }).compile(
    sarifSchema,
  );

  it('writes SARIF 2.1.0 that validates against its schema, for every fixture', () => {
    for (const fixture of fixtureCases()) {
      let report: Report;
      try {
        const result = convert(fixture.text, { ...fixture.options, fileName: fixture.fileName });
        report = { input: fixture.fileName, diagnostics: result.diagnostics };
      } catch {
        continue;
      }
      const log = JSON.parse(renderReport(report, 'sarif', { toolVersion: '1.2.3' })) as object;
      expect(validate(log), `${fixture.name}: ${JSON.stringify(validate.errors?.slice(0, 3))}`).toBe(true);
    }
    expect(validate({ version: '2.1.0', runs: 'no' })).toBe(false);
  });

  it('takes its rules from the code table and locates each result', () => {
    const log = JSON.parse(renderReport({ diagnostics: [sample] }, 'sarif')) as {
      runs: {
        tool: { driver: { rules: { id: string }[] } };
        results: {
          ruleId: string;
          ruleIndex: number;
          level: string;
          locations: { physicalLocation: { artifactLocation: { uri: string }; region: object } }[];
        }[];
      }[];
    };
    const run = log.runs[0]!;
    const result = run.results[0]!;
    expect(run.tool.driver.rules[result.ruleIndex]!.id).toBe('INVALID_VALUE');
    expect(result.level).toBe('warning');
    expect(result.locations[0]!.physicalLocation).toEqual({
      artifactLocation: { uri: 'dir%2C%20with%3A%20odd%25name/aws-exports.js' },
      region: { startLine: 3, startColumn: 7 },
    });
  });
});

describe('junit reporter', () => {
  it('fails a test case per error or warning, and escapes XML', () => {
    const xml = renderReport({ input: 'a&b.js', diagnostics: [sample, { ...sample, severity: 'info', message: '<ok>' }] }, 'junit');
    expect(xml).toContain('<testsuite name="a&amp;b.js" tests="2" failures="1"');
    expect(xml).toContain('<failure type="warning" message="Value not valid for its field">');
    expect(xml).toContain('&lt;ok&gt;');
    expect(xml.match(/<testcase /g)).toHaveLength(2);
  });
});
