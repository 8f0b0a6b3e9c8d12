import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { convert, convertObject, validateOutputs, type ConvertOptions, type ConvertResult } from '../src/index.js';
import { expectEveryFieldAccountedFor } from './support/accounting.js';
import { BACKENDS } from './support/backends.js';
import { corpusFiles, HAS_CORPUS } from './support/corpus.js';
import { mobileFilesFromMeta } from './support/mobile-generators.js';
import { awsExportsFromMeta, serviceResourceMapping, type AmplifyMeta } from './support/official-generator.js';
import { readDocument } from './support/read-document.js';

/**
 * Cross-format agreement: for one backend, the conversions of the files the Gen1 CLI writes for the web, iOS,
 * Android and Flutter agree on every field both can express. The differences that exist on purpose are each
 * asserted below.
 */
type Flat = Map<string, string>;

function flatten(value: unknown, prefix = '', into: Flat = new Map()): Flat {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) flatten(child, `${prefix}/${key}`, into);
  } else {
    into.set(prefix, JSON.stringify(value));
  }
  return into;
}

function convertChecked(text: string, fileName: string, options: ConvertOptions = {}): ConvertResult {
  const result = convert(text, { ...options, fileName });
  expect(validateOutputs(result.outputs).valid, fileName).toBe(true);
  expectEveryFieldAccountedFor(readDocument(text, fileName), result);
  return result;
}

function cognito(meta: AmplifyMeta): { output: Record<string, unknown> } | undefined {
  const pushed = serviceResourceMapping(meta)['Cognito'] as { output: Record<string, unknown> }[] | undefined;
  return pushed?.[0];
}

function additionalModes(meta: AmplifyMeta): string[] {
  const appsync = (serviceResourceMapping(meta)['AppSync'] as { output: { authConfig?: { defaultAuthentication?: { authenticationType: string }; additionalAuthenticationProviders?: { authenticationType: string }[] } } }[] | undefined)?.[0];
  const config = appsync?.output.authConfig;
  const main = config?.defaultAuthentication?.authenticationType;
  return [...new Set((config?.additionalAuthenticationProviders ?? []).map((provider) => provider.authenticationType).filter((mode) => mode !== main))];
}

/** Pointers whose values differ between the web and the mobile files on purpose; each is checked on its own. */
const DOCUMENTED = new Set(['/auth/user_pool_client_id', '/notifications/channels', '/auth/oauth/response_type', '/data/authorization_types']);

function checkAgainstWeb(name: string, web: ConvertResult, mobile: ConvertResult, meta: AmplifyMeta, platform: 'ios' | 'android' | 'flutter'): void {
  const left = flatten(web.outputs);
  const right = flatten(mobile.outputs);
  for (const [pointer, value] of right) {
    if (pointer === '/version' || DOCUMENTED.has(pointer) || !left.has(pointer)) continue;
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
  // Only the mobile files know the additional GraphQL modes.
  if (mobile.outputs.data) {
    expect(web.outputs.data?.['authorization_types'], name).toEqual([]);
    expect(mobile.outputs.data['authorization_types'], name).toEqual(expect.arrayContaining(additionalModes(meta)));
  }
  // One push channel per platform; a Flutter app has both (a guess, reported).
  const channels = (mobile.outputs.notifications?.['channels'] as string[] | undefined) ?? [];
  if (channels.length > 0) {
    if (platform === 'ios') expect(channels, name).not.toContain('FCM');
    if (platform === 'android') expect(channels, name).not.toContain('APNS');
  }
}

function agreement(meta: AmplifyMeta): void {
  const web = convertObject(awsExportsFromMeta(meta));
  const files = mobileFilesFromMeta(meta);
  const conversions: [string, ConvertResult, 'ios' | 'android' | 'flutter', boolean][] = [
    ['ios amplifyconfiguration.json', convertChecked(files.iosAmplifyConfiguration, 'amplifyconfiguration.json', { platform: 'ios' }), 'ios', true],
    ['ios awsconfiguration.json', convertChecked(files.iosAwsConfiguration, 'awsconfiguration.json', { platform: 'ios' }), 'ios', false],
    ['android amplifyconfiguration.json', convertChecked(files.androidAmplifyConfiguration, 'amplifyconfiguration.json', { platform: 'android' }), 'android', true],
    ['android awsconfiguration.json', convertChecked(files.androidAwsConfiguration, 'awsconfiguration.json', { platform: 'android' }), 'android', false],
    ['flutter amplifyconfiguration.dart', convertChecked(files.flutterDart, 'amplifyconfiguration.dart'), 'flutter', true],
  ];
  // Without --platform, the platform is inferred from the user agent the CLI wrote: the same channels.
  for (const [text, name] of [
    [files.iosAmplifyConfiguration, 'ios amplifyconfiguration.json'],
    [files.androidAmplifyConfiguration, 'android amplifyconfiguration.json'],
  ] as const) {
    const inferred = convert(text).outputs.notifications?.['channels'];
    const given = conversions.find(([conversion]) => conversion === name)![1].outputs.notifications?.['channels'];
    expect(inferred, `${name} without --platform`).toEqual(given);
  }
  for (const [name, result, platform, hasPlugins] of conversions) {
    checkAgainstWeb(name, web, result, meta, platform);
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

describe('the files the Gen1 CLI writes for web, iOS, Android and Flutter agree after conversion', () => {
  for (const [name, meta] of Object.entries(BACKENDS)) {
    it(name, () => agreement(meta));
  }
});

describe.skipIf(!HAS_CORPUS)('cross-format agreement on the corpus amplify-meta files', () => {
  for (const file of corpusFiles('amplify-meta')) {
    it(path.basename(file), () => agreement(JSON.parse(readFileSync(file, 'utf8')) as AmplifyMeta));
  }
});
