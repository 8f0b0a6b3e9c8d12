import { parseAmplifyOutputs } from '@aws-amplify/core/internals/utils';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convert, detectFormat, isConversionError, type ConvertResult, type Diagnostic } from '../src/index.js';
import { toPlainValue } from '../src/source/source-node.js';
import { expectEveryFieldAccountedFor, expectFindingsPointIntoInput } from './support/accounting.js';
import { fixtureCases } from './support/fixture-cases.js';
import { readDocument } from './support/read-document.js';

/**
 * Configurations written by hand for amplify-js. For the v6 shape the yardstick is amplify-js itself: the
 * ResourcesConfig that parseAmplifyOutputs makes of the converted file gives back every setting of the input,
 * except where a finding at that setting (or above it) says why not.
 */
const RUNS = Number(process.env['FC_RUNS'] ?? 150);
const SEED = process.env['FC_SEED'] === undefined ? undefined : Number(process.env['FC_SEED']);

/** The codes that explain a setting amplify-js does not get back as it was: not carried, carried in another form, or completed. */
const EXPLAINING_CODES = new Set([
  'LIBRARY_OPTION',
  'LEGACY_SERVICE',
  'REST_API_IN_CUSTOM',
  'PREDICTIONS_IN_CUSTOM',
  'INTERACTIONS_NOT_SUPPORTED',
  'UNSUPPORTED_PROVIDER',
  'MOCK_ENDPOINT',
  'UNKNOWN_FIELD',
  'INVALID_VALUE',
  'EMPTY_VALUE',
  'VALUE_NORMALIZED',
  'NON_LITERAL_VALUE',
  'SECTION_INCOMPLETE',
  'AUTH_WITHOUT_USER_POOL',
  'CONFLICTING_VALUES',
  'VERSION_TOO_LOW',
  'DEFAULT_APPLIED',
  'MFA_STATUS_UNSTATED',
]);

/** Every leaf of a value by JSON pointer (arrays by index, or whole as leaves of their own). */
function leaves(value: unknown, { wholeLists = false } = {}): Map<string, unknown> {
  const result = new Map<string, unknown>();
  const walk = (node: unknown, at: string): void => {
    if (Array.isArray(node) && node.length > 0 && !wholeLists) {
      for (const [index, item] of node.entries()) walk(item, `${at}/${index}`);
    } else if (typeof node === 'object' && node !== null && !Array.isArray(node) && Object.keys(node).length > 0)
      for (const [key, item] of Object.entries(node)) walk(item, `${at}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`);
    else result.set(at, node);
  };
  walk(value, '');
  return result;
}

/** A switch that is off, an empty list or object, or nothing: what amplify_outputs.json says by leaving a field out. */
function isOff(value: unknown): boolean {
  return (
    value === undefined ||
    value === false ||
    (Array.isArray(value) && value.length === 0) ||
    (typeof value === 'object' && value !== null && Object.keys(value).length === 0)
  );
}

/** Whether a finding of an explaining code is about a field of a block of the input. */
function explainedBelow(result: ConvertResult, block: string): boolean {
  return (
    result.diagnostics.some((diagnostic) => EXPLAINING_CODES.has(diagnostic.code) && diagnostic.source.pointer.startsWith(`${block}/`)) ||
    explained(result, block)
  );
}

/**
 * amplify_outputs.json holds one Pinpoint app for every notification channel, where amplify-js v6 has one per
 * channel: a channel gets the app id and region that another channel of the input names.
 */
function sharedByChannels(given: Map<string, unknown>, pointer: string, value: unknown): boolean {
  const field = /^\/Notifications\/[^/]+\/Pinpoint\/(appId|region)$/.exec(pointer)?.[1];
  return (
    field !== undefined &&
    [...given].some(([other, otherValue]) => other.startsWith('/Notifications/') && other.endsWith(`/Pinpoint/${field}`) && otherValue === value)
  );
}

/** Whether a finding of an explaining code is about the setting: at it or above it, or the one its field is reported by. */
function explained(result: ConvertResult, pointer: string): boolean {
  const within = (at: string): boolean => pointer === at || pointer.startsWith(`${at}/`);
  const explains = (diagnostic: Diagnostic | undefined): boolean => diagnostic !== undefined && EXPLAINING_CODES.has(diagnostic.code);
  return (
    result.diagnostics.some((diagnostic) => explains(diagnostic) && within(diagnostic.source.pointer)) ||
    result.fields.some((field) => field.outcome === 'reported' && within(field.pointer) && explains(result.diagnostics[field.diagnostic]))
  );
}

/** The settings of a v6 input that amplify-js does not read back from the converted file, without a finding that says why. */
function unexplainedDifferences(input: Record<string, unknown>, result: ConvertResult): string[] {
  const parsed = parseAmplifyOutputs(result.outputs as never) as Record<string, unknown>;
  const given = leaves(input);
  const read = leaves(JSON.parse(JSON.stringify(parsed)));
  const differences: string[] = [];
  for (const [pointer, value] of given) {
    const back = read.get(pointer);
    if (back === value || (isOff(value) && isOff(back)) || explained(result, pointer)) continue;
    differences.push(`${pointer}: ${JSON.stringify(value)} became ${JSON.stringify(back)}`);
  }
  // Nor does amplify-js get a setting the input did not have (the region of the user pool, read from its id, is no field of v6).
  for (const [pointer, value] of read) {
    // A value written where the input gave none is explained by a finding about its block (a default, say).
    const block = pointer.slice(0, pointer.lastIndexOf('/'));
    if (given.has(pointer) || isOff(value) || explainedBelow(result, block) || sharedByChannels(given, pointer, value)) continue;
    differences.push(`${pointer}: ${JSON.stringify(value)} appeared`);
  }
  return differences;
}

const v6Fixtures = fixtureCases().filter((fixture) => fixture.format === 'amplify-js-v6');

describe('configurations written by hand for amplify-js', () => {
  it('has v6 fixtures to measure', () => {
    expect(v6Fixtures.length).toBeGreaterThanOrEqual(3);
  });

  for (const fixture of v6Fixtures) {
    it(`${fixture.name}: amplify-js reads every setting back, or a finding says why not`, () => {
      const input = toPlainValue(readDocument(fixture.text, fixture.fileName).root) as Record<string, unknown>;
      const result = convert(fixture.text, { ...fixture.options, fileName: fixture.fileName });
      expect(result.format).toBe('amplify-js-v6');
      expect(unexplainedDifferences(input, result)).toEqual([]);
    });
  }

  it('tells the shapes apart by content, whatever the file is called', () => {
    const v5 = "export default { Auth: { region: 'us-east-1', userPoolId: 'us-east-1_Abc', userPoolWebClientId: 'c' } };";
    expect(detectFormat(v5).format).toBe('amplify-js-v5');
    expect(detectFormat("export default { region: 'us-east-1', userPoolId: 'us-east-1_Abc' };").format).toBe('amplify-js-v5-auth');
    expect(detectFormat("export default { Auth: { Cognito: { userPoolId: 'us-east-1_Abc' } } };").format).toBe('amplify-js-v6');
    expect(detectFormat('{ "Storage": { "S3": { "bucket": "b", "region": "us-east-1" } } }').format).toBe('amplify-js-v6');
    expect(detectFormat('{ "Storage": { "AWSS3": { "bucket": "b", "region": "us-east-1" } } }').format).toBe('amplify-js-v5');
    // A file with the CLI's aws_* keys stays the CLI's, whatever blocks were added to it by hand.
    expect(detectFormat("export default { aws_project_region: 'us-east-1', Auth: { userPoolId: 'us-east-1_Abc' } };").format).toBe('aws-exports');
    expect(detectFormat('{ "aws_project_region": "us-east-1", "Auth": { "Cognito": {} } }').format).toBe('amplifyconfiguration-json');
    // The same text converts as the format detectFormat names.
    for (const text of [v5, '{ "Storage": { "S3": { "bucket": "b", "region": "us-east-1" } } }']) {
      expect(convert(text).format).toBe(detectFormat(text).format);
    }
  });

  it('reads the one object a module exports by name, and names them when there are several', () => {
    const one = "const region = 'us-east-1';\nexport const AWS_CONFIG = { Auth: { Cognito: { userPoolId: 'us-east-1_Named', userPoolClientId: 'client' } } };";
    expect(convert(one).outputs.auth).toMatchObject({ user_pool_id: 'us-east-1_Named', user_pool_client_id: 'client', aws_region: 'us-east-1' });
    const specifier = "const config = { Storage: { S3: { bucket: 'b', region: 'eu-west-1' } } };\nexport { config as amplifyConfig };";
    expect(convert(specifier).outputs.storage).toEqual({ aws_region: 'eu-west-1', bucket_name: 'b' });
    const several = 'export const dev = { Auth: {} };\nexport const prod = { Auth: {} };';
    let error: unknown;
    try {
      convert(several, { fileName: 'src/config.js' });
    } catch (caught) {
      error = caught;
    }
    expect(isConversionError(error)).toBe(true);
    const diagnostic = (error as { diagnostic: Diagnostic }).diagnostic;
    expect(diagnostic.code).toBe('NO_CONFIG_OBJECT');
    expect(diagnostic.message).toContain('`dev`, `prod`');
    expect(diagnostic.resolution).toContain('export default dev;');
    expect(diagnostic.source).toMatchObject({ line: 2, column: 21 });
  });

  it('property: any v6 configuration made of the fixtures’ settings converts, is accounted for, and reads back', () => {
    const inputs = v6Fixtures.map((fixture) => toPlainValue(readDocument(fixture.text, fixture.fileName).root) as Record<string, unknown>);
    // Every setting seen in a fixture, by its pointer; a configuration takes some of them, each from one fixture.
    const settings = new Map<string, unknown[]>();
    for (const input of inputs)
      for (const [pointer, value] of leaves(input, { wholeLists: true })) settings.set(pointer, [...(settings.get(pointer) ?? []), value]);
    const pointers = [...settings.keys()].sort();
    const configuration = fc
      .subarray(pointers, { minLength: 1 })
      .chain((chosen) => fc.tuple(...chosen.map((pointer) => fc.constantFrom(...settings.get(pointer)!).map((value) => [pointer, value] as const))))
      .map((entries) => {
        const root: Record<string, unknown> = {};
        for (const [pointer, value] of entries) {
          const tokens = pointer.slice(1).split('/');
          let node = root;
          for (const [index, token] of tokens.entries()) {
            const key = token.replace(/~1/g, '/').replace(/~0/g, '~');
            if (index === tokens.length - 1) node[key] = value;
            else {
              node[key] ??= {};
              node = node[key] as Record<string, unknown>;
            }
          }
        }
        return root;
      });
    fc.assert(
      fc.property(configuration, (input) => {
        const text = `export default ${JSON.stringify(input, null, 2)};\n`;
        const detected = detectFormat(text).format;
        if (detected !== 'amplify-js-v6') return; // A pick without any v6 block is another shape (or none).
        const result = convert(text, { fileName: 'src/config.js', platform: 'ios' });
        const document = readDocument(text, 'src/config.js');
        expectEveryFieldAccountedFor(document, result);
        expectFindingsPointIntoInput(document, result, 'src/config.js', true);
        expect(unexplainedDifferences(input, result)).toEqual([]);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });
});
