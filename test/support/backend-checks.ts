import { expect } from 'vitest';
import { convert, convertObject, validateOutputs, type ConvertOptions, type ConvertResult } from '../../src/index.js';
import { readPlainObject } from '../../src/readers/read-plain-object.js';
import { expectEveryFieldAccountedFor, expectFindingsPointIntoInput } from './accounting.js';
import { compareWithAmplify } from './faithfulness.js';
import { mobileFilesFromMeta } from './mobile-generators.js';
import { awsExportsFromMeta, awsExportsText, serviceResourceMapping, type AmplifyMeta } from './official-generator.js';
import { readDocument } from './read-document.js';

/** What the official Gen1 generators write for a backend, converted and checked against each other and amplify-js. */

/** The leaves of a document by JSON pointer, each as JSON. */
function flatten(value: unknown, prefix = '', into = new Map<string, string>()): Map<string, string> {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) flatten(child, `${prefix}/${key}`, into);
  } else {
    into.set(prefix, JSON.stringify(value));
  }
  return into;
}

/**
 * An aws-exports object the official generator wrote: converts to a valid document, every field accounted for,
 * amplify-js reads the same settings from both (or a diagnostic says why not), and the file converts as the object.
 */
export function checkGenerated(object: Record<string, unknown>): ReturnType<typeof convertObject> {
  const result = convertObject(object);
  expect(validateOutputs(result.outputs).valid).toBe(true);
  expectEveryFieldAccountedFor(readPlainObject(object), result);
  expectFindingsPointIntoInput(readPlainObject(object), result, undefined, false);
  const unexplained = compareWithAmplify(object, result).differences.filter((difference) => !difference.explainedBy);
  expect(unexplained, 'differences from amplify-js that no diagnostic explains').toEqual([]);
  // The file the CLI writes converts to the same outputs as the object.
  expect(convert(awsExportsText(object), { fileName: 'aws-exports.js' }).text).toBe(result.text);
  return result;
}

/** Where the two differ on purpose: the meta file knows more. Each is checked on its own below. */
const META_DOCUMENTED = new Set(['/version', '/data/authorization_types', '/notifications/channels']);

/**
 * amplify-meta.json against the aws-exports.js the official Gen1 generator writes from it: the same outputs
 * wherever aws-exports carries the field, and the meta conversion at least as complete.
 */
export function metaAgreement(meta: AmplifyMeta, options: Pick<ConvertOptions, 'projectFiles'> = {}): void {
  const text = `${JSON.stringify(meta, null, 2)}\n`;
  const fromMeta = convert(text, { ...options, fileName: 'amplify-meta.json' });
  expect(fromMeta.format).toBe('amplify-meta');
  expect(validateOutputs(fromMeta.outputs).valid).toBe(true);
  expectEveryFieldAccountedFor(readDocument(text, 'amplify-meta.json'), fromMeta);
  expectFindingsPointIntoInput(readDocument(text, 'amplify-meta.json'), fromMeta, 'amplify-meta.json', true);

  const fromExports = convertObject(awsExportsFromMeta(meta));
  const web = flatten(fromExports.outputs);
  const full = flatten(fromMeta.outputs);
  for (const [pointer, value] of web) {
    if (META_DOCUMENTED.has(pointer)) continue;
    // The project folder says whether guests are allowed; aws-exports.js does not, and the conversion assumes so.
    if (options.projectFiles && pointer === '/auth/unauthenticated_identities_enabled') continue;
    expect(full.get(pointer), `${pointer}`).toBe(value);
  }
  // aws-exports never carries the additional GraphQL modes; amplify-meta does.
  if (fromExports.outputs.data) {
    expect(fromExports.outputs.data['authorization_types']).toEqual([]);
    expect(fromMeta.outputs.data?.['authorization_types']).toEqual(expect.any(Array));
  }
  // aws-exports writes one Push entry for APNS and FCM; amplify-meta knows which is enabled.
  const webChannels = (fromExports.outputs.notifications?.['channels'] as string[] | undefined) ?? [];
  const metaChannels = (fromMeta.outputs.notifications?.['channels'] as string[] | undefined) ?? [];
  for (const channel of metaChannels) expect(webChannels).toContain(channel);
  for (const channel of webChannels) if (channel !== 'APNS' && channel !== 'FCM') expect(metaChannels).toContain(channel);
}

function convertChecked(text: string, fileName: string, options: ConvertOptions = {}): ConvertResult {
  const result = convert(text, { ...options, fileName });
  expect(validateOutputs(result.outputs).valid, fileName).toBe(true);
  expectEveryFieldAccountedFor(readDocument(text, fileName), result);
  expectFindingsPointIntoInput(readDocument(text, fileName), result, fileName, true);
  return result;
}

function cognito(meta: AmplifyMeta): { output: Record<string, unknown> } | undefined {
  const pushed = serviceResourceMapping(meta)['Cognito'] as { output: Record<string, unknown> }[] | undefined;
  return pushed?.[0];
}

function additionalModes(meta: AmplifyMeta): string[] {
  const appsync = (
    serviceResourceMapping(meta)['AppSync'] as
      | {
          output: {
            authConfig?: { defaultAuthentication?: { authenticationType: string }; additionalAuthenticationProviders?: { authenticationType: string }[] };
          };
        }[]
      | undefined
  )?.[0];
  const config = appsync?.output.authConfig;
  const main = config?.defaultAuthentication?.authenticationType;
  return [...new Set((config?.additionalAuthenticationProviders ?? []).map((provider) => provider.authenticationType).filter((mode) => mode !== main))];
}

/** Pointers whose values differ between the web and the mobile files on purpose; each is checked on its own. */
const MOBILE_DOCUMENTED = new Set(['/auth/user_pool_client_id', '/notifications/channels', '/auth/oauth/response_type', '/data/authorization_types']);

function checkAgainstWeb(
  name: string,
  web: ConvertResult,
  mobile: ConvertResult,
  meta: AmplifyMeta,
  platform: 'ios' | 'android' | 'flutter',
  hasPlugins: boolean,
): void {
  const left = flatten(web.outputs);
  const right = flatten(mobile.outputs);
  for (const [pointer, value] of right) {
    if (pointer === '/version' || MOBILE_DOCUMENTED.has(pointer) || !left.has(pointer)) continue;
    expect(value, `${name}: ${pointer}`).toBe(left.get(pointer));
  }
  // The native app client, not the web client.
  const pool = cognito(meta);
  if (mobile.outputs.auth) {
    expect(mobile.outputs.auth['user_pool_client_id'], name).toBe(pool?.output['AppClientID']);
    expect(web.outputs.auth?.['user_pool_client_id'], name).toBe(pool?.output['AppClientIDWeb']);
  }
  // Mobile files carry no response type: the authorization code grant.
  const oauth = mobile.outputs.auth?.['oauth'] as { response_type?: string } | undefined;
  if (oauth) expect(oauth.response_type, name).toBe('code');
  // Only the mobile files know the additional GraphQL modes: awsconfiguration.json names each, and so do the
  // plugin files where their Cognito plugin embeds it (with a pushed auth resource); the API plugin names one mode.
  if (mobile.outputs.data) {
    expect(web.outputs.data?.['authorization_types'], name).toEqual([]);
    const shown = !hasPlugins || pool !== undefined ? additionalModes(meta) : [];
    expect(mobile.outputs.data['authorization_types'], name).toEqual(expect.arrayContaining(shown));
  }
  // One push channel per platform; a Flutter app has both (a guess, reported).
  const channels = (mobile.outputs.notifications?.['channels'] as string[] | undefined) ?? [];
  if (channels.length > 0) {
    if (platform === 'ios') expect(channels, name).not.toContain('FCM');
    if (platform === 'android') expect(channels, name).not.toContain('APNS');
  }
}

/**
 * Cross-format agreement: for one backend, the conversions of the files the Gen1 CLI writes for the web, iOS,
 * Android and Flutter agree on every field both can express. The differences that exist on purpose are each
 * asserted here.
 */
export function crossFormatAgreement(meta: AmplifyMeta): void {
  const web = convertObject(awsExportsFromMeta(meta));
  const files = mobileFilesFromMeta(meta);
  const conversions: [string, ConvertResult, 'ios' | 'android' | 'flutter', boolean][] = [
    ['ios amplifyconfiguration.json', convertChecked(files.iosAmplifyConfiguration, 'amplifyconfiguration.json', { platform: 'ios' }), 'ios', true],
    ['ios awsconfiguration.json', convertChecked(files.iosAwsConfiguration, 'awsconfiguration.json', { platform: 'ios' }), 'ios', false],
    [
      'android amplifyconfiguration.json',
      convertChecked(files.androidAmplifyConfiguration, 'amplifyconfiguration.json', { platform: 'android' }),
      'android',
      true,
    ],
    ['android awsconfiguration.json', convertChecked(files.androidAwsConfiguration, 'awsconfiguration.json', { platform: 'android' }), 'android', false],
    ['flutter amplifyconfiguration.dart', convertChecked(files.flutterDart, 'amplifyconfiguration.dart'), 'flutter', true],
  ];
  // Without --platform, the platform is inferred from the user agent the CLI wrote in the auth section: the same
  // channels. A file without one cannot tell iOS from Android: both push channels, and a finding that says so.
  for (const [text, name] of [
    [files.iosAmplifyConfiguration, 'ios amplifyconfiguration.json'],
    [files.androidAmplifyConfiguration, 'android amplifyconfiguration.json'],
  ] as const) {
    const unnamed = convert(text);
    const inferred = unnamed.outputs.notifications?.['channels'] as string[] | undefined;
    const given = conversions.find(([conversion]) => conversion === name)![1].outputs.notifications?.['channels'] as string[] | undefined;
    const hasUserAgent =
      (JSON.parse(text) as { auth?: { plugins?: { awsCognitoAuthPlugin?: { UserAgent?: unknown } } } }).auth?.plugins?.awsCognitoAuthPlugin?.UserAgent !==
      undefined;
    const push = given?.some((channel) => channel === 'APNS' || channel === 'FCM') ?? false;
    if (hasUserAgent || !push) {
      expect(inferred, `${name} without --platform`).toEqual(given);
    } else {
      expect(inferred, `${name} without --platform`).toEqual(expect.arrayContaining(given!));
      expect(
        unnamed.diagnostics.map((diagnostic) => diagnostic.code),
        `${name} without --platform`,
      ).toContain('PUSH_CHANNEL_AMBIGUOUS');
    }
  }
  for (const [name, result, platform, hasPlugins] of conversions) {
    checkAgainstWeb(name, web, result, meta, platform, hasPlugins);
    if (!hasPlugins) {
      // awsconfiguration.json is built from the same pushed resources as aws-exports.js: the same categories.
      for (const category of ['auth', 'data', 'storage'] as const) {
        expect(Boolean(result.outputs[category]), `${name}: ${category}`).toBe(Boolean(web.outputs[category]));
      }
      // The mobile generators take any Pinpoint app (notifications too) as analytics; the web one only channel-less apps.
      if (web.outputs.analytics) expect(Boolean(result.outputs.analytics), `${name}: analytics`).toBe(true);
    } else {
      // The plugin files are built from every resource in the meta file, pushed or not: at least the web ones.
      for (const category of ['auth', 'data', 'storage'] as const) {
        if (web.outputs[category]) expect(Boolean(result.outputs[category]), `${name}: ${category}`).toBe(true);
      }
      // REST APIs are named by API name on the web and by resource name on mobile: compare the endpoints.
      const endpoints = (outputs: ConvertResult['outputs']): string[] =>
        Object.values((outputs.custom?.['API'] as Record<string, { endpoint: string }> | undefined) ?? {}).map((api) => api.endpoint);
      expect(endpoints(result.outputs), `${name}: REST APIs`).toEqual(expect.arrayContaining(endpoints(web.outputs)));
      if (platform !== 'flutter' && web.outputs.geo) expect(Boolean(result.outputs.geo), `${name}: geo`).toBe(true);
    }
  }
}
