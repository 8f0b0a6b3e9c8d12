import { describe, expect, it } from 'vitest';
import { convert, DIAGNOSTIC_CODES, isConversionError, type Diagnostic } from '../src/index.js';
import { getTables } from '../src/mapping/tables.js';
import { isReportRow } from '../src/mapping/table-types.js';
import { corpusFiles } from './support/corpus.js';
import { fixtureCases } from './support/fixture-cases.js';
import { readFileSync } from 'node:fs';

const NO_ACTION = 'No action is needed.';
const CORPUS_FOLDERS = ['aws-exports', 'amplifyconfiguration', 'awsconfiguration', 'amplify-meta', 'amplifyconfiguration-dart'];

/** The findings of a conversion, or the one finding of a refusal. */
function findings(text: string, options: Parameters<typeof convert>[1]): Diagnostic[] {
  try {
    return convert(text, options).diagnostics;
  } catch (error) {
    if (isConversionError(error)) return [error.diagnostic];
    throw error;
  }
}

function expectActionable(diagnostic: Diagnostic, where: string): void {
  if (diagnostic.severity === 'info') return;
  expect(diagnostic.resolution, `${where}: ${diagnostic.code} at ${diagnostic.source.pointer}`).not.toBe(NO_ACTION);
  expect(diagnostic.resolution.length, `${where}: ${diagnostic.code}`).toBeGreaterThan(10);
}

/** Every finding a person must act on says what to do. */
describe('resolutions', () => {
  it('every code of error or warning severity has its own resolution, an action', () => {
    for (const [code, info] of Object.entries(DIAGNOSTIC_CODES)) {
      if (info.severity === 'info') continue;
      // A resolution by platform: each platform's text is an action.
      const resolution = 'resolution' in info ? info.resolution : undefined;
      const texts = typeof resolution === 'object' ? Object.values(resolution) : [resolution];
      for (const text of texts) expect(text, code).toMatch(/^(?!No action is needed\.$).{10,}[.)]$/s);
    }
  });

  it('a report row that raises a finding to an error or warning gives a resolution, or its code has one', () => {
    for (const table of getTables()) {
      for (const category of Object.values(table.categories)) {
        for (const row of category.rows.filter(isReportRow)) {
          const info = DIAGNOSTIC_CODES[row.report];
          const severity = row.severity ?? info.severity;
          if (severity !== 'info') expect(row.resolution ?? ('resolution' in info ? info.resolution : undefined), `${table.id} ${row.source}`).toBeDefined();
        }
      }
    }
  });

  it('every error and warning of the fixtures and the corpus says what to do', () => {
    for (const fixture of fixtureCases())
      for (const diagnostic of findings(fixture.text, { ...fixture.options, fileName: fixture.fileName })) expectActionable(diagnostic, fixture.name);
    for (const file of CORPUS_FOLDERS.flatMap((folder) => corpusFiles(folder)))
      for (const diagnostic of findings(readFileSync(file, 'utf8'), { fileName: file })) expectActionable(diagnostic, file);
  });

  it('a JSON file that is not an object, read as awsconfiguration, says what to do', () => {
    const [diagnostic] = findings('[1]', { from: 'awsconfiguration', fileName: 'x.json' });
    expect(diagnostic?.severity).toBe('error');
    expectActionable(diagnostic!, 'x.json');
  });
});

/** Resolutions that show code say it in the library of the conversion's platform. */
describe('resolutions by platform', () => {
  const MOBILE = readFileSync(new URL('../fixtures/convert/amplifyconfiguration-mobile/plugins-everything/amplifyconfiguration.json', import.meta.url), 'utf8');
  const WITH_PROVIDER = MOBILE.replace('"socialProviders": []', '"socialProviders": ["MyOIDC"]');
  const DART = `const amplifyconfig = '''${WITH_PROVIDER}''';\n`;
  const EXAMPLE = readFileSync(new URL('../fixtures/convert/aws-exports/example-app/src/aws-exports.js', import.meta.url), 'utf8');
  const resolutionOf = (diagnostics: Diagnostic[], code: string): string => {
    const found = diagnostics.find((diagnostic) => diagnostic.code === code);
    if (!found) throw new Error(`no ${code} among ${diagnostics.map((diagnostic) => diagnostic.code).join(', ')}`);
    return found.resolution;
  };

  it('a resolution by platform always has the amplify-js text, the default', () => {
    const byPlatform = Object.values(DIAGNOSTIC_CODES).flatMap((info) => (typeof info.resolution === 'object' ? [info.resolution] : []));
    expect(byPlatform.length).toBeGreaterThan(3);
    for (const resolution of byPlatform) expect(typeof resolution.web).toBe('string');
  });

  it('a Dart input gets Dart advice', () => {
    const diagnostics = convert(DART, { fileName: 'lib/amplifyconfiguration.dart' }).diagnostics;
    const rest = resolutionOf(diagnostics, 'REST_API_IN_CUSTOM');
    expect(rest).toContain("config['rest_api']");
    expect(rest).toContain('await Amplify.configure(jsonEncode(config));');
    expect(rest).not.toContain('parseAmplifyConfig');
    expect(resolutionOf(diagnostics, 'UNSUPPORTED_PROVIDER')).toContain('Amplify.Auth.signInWithWebUI(provider: AuthProvider.custom("MyOIDC"))');
  });

  it('the same file for iOS gets Swift advice, for Android Kotlin, and without a platform the default', () => {
    const of = (platform?: 'ios' | 'android') => convert(WITH_PROVIDER, { fileName: 'amplifyconfiguration.json', platform }).diagnostics;
    expect(resolutionOf(of('ios'), 'UNSUPPORTED_PROVIDER')).toContain('Amplify.Auth.signInWithWebUI(for: .custom("MyOIDC"), presentationAnchor: window)');
    expect(resolutionOf(of('ios'), 'REST_API_IN_CUSTOM')).toMatch(/^amplify-swift has no such setting/);
    expect(resolutionOf(of('android'), 'UNSUPPORTED_PROVIDER')).toContain('Amplify.Auth.signInWithSocialWebUI(AuthProvider.custom("MyOIDC"), activity');
    expect(resolutionOf(of('android'), 'REST_API_IN_CUSTOM')).toMatch(/^amplify-android has no such setting/);
    expect(resolutionOf(of(), 'UNSUPPORTED_PROVIDER')).toContain('signInWithRedirect({ provider: { custom: "MyOIDC" } })');
    // A mobile file of no known platform keeps the table's text for all native libraries.
    expect(resolutionOf(of(), 'REST_API_IN_CUSTOM')).toMatch(/^The native Amplify libraries do not read REST APIs/);
  });

  it('a web file keeps the amplify-js advice', () => {
    const rest = resolutionOf(convert(EXAMPLE, { fileName: 'src/aws-exports.js' }).diagnostics, 'REST_API_IN_CUSTOM');
    expect(rest).toMatch(/^Pass the APIs to Amplify yourself: const config = parseAmplifyConfig\(outputs\);/);
  });

  it("a table row's text by platform, with the source value filled in", () => {
    const meta = JSON.stringify({
      providers: { awscloudformation: { Region: 'eu-west-1', StackName: 'amplify-shop-main-1' } },
      auth: {
        guests: {
          service: 'Cognito',
          lastPushTimeStamp: '2024-05-01T10:00:00.000Z',
          output: { IdentityPoolId: 'eu-west-1:11111111-2222-3333-4444-555555555555' },
        },
      },
    });
    const flutter = resolutionOf(convert(meta, { fileName: 'amplify-meta.json', platform: 'flutter' }).diagnostics, 'AUTH_WITHOUT_USER_POOL');
    expect(flutter).toContain('amplify_flutter cannot get guest credentials');
    expect(flutter).toContain('eu-west-1:11111111-2222-3333-4444-555555555555');
    const web = resolutionOf(convert(meta, { fileName: 'amplify-meta.json' }).diagnostics, 'AUTH_WITHOUT_USER_POOL');
    expect(web).toContain("identityPoolId: 'eu-west-1:11111111-2222-3333-4444-555555555555'");
  });
});

describe('REST authorization advice by platform', () => {
  const MOBILE = readFileSync(new URL('../fixtures/convert/amplifyconfiguration-mobile/plugins-everything/amplifyconfiguration.json', import.meta.url), 'utf8');
  const authorization = (platform?: 'ios' | 'android' | 'flutter'): string[] =>
    convert(MOBILE, { fileName: 'amplifyconfiguration.json', platform })
      .diagnostics.filter((diagnostic) => diagnostic.code === 'REST_AUTHORIZATION' && diagnostic.source.pointer.endsWith('/authorizationType'))
      .map((diagnostic) => diagnostic.resolution);

  it('says how the user pool token or the signature is sent, in the platform library', () => {
    expect(authorization()).toEqual(expect.arrayContaining([expect.stringContaining('fetchAuthSession()).tokens?.idToken')]));
    expect(authorization('flutter')).toEqual(expect.arrayContaining([expect.stringContaining("'authorization_type': 'AMAZON_COGNITO_USER_POOLS'")]));
    expect(authorization('ios')).toEqual(expect.arrayContaining([expect.stringContaining('AuthCognitoTokensProvider')]));
    expect(authorization('android')).toEqual(expect.arrayContaining([expect.stringContaining('AWSCognitoAuthSession).userPoolTokensResult')]));
    for (const platform of ['ios', 'android', 'flutter'] as const) expect(authorization(platform).join(' ')).not.toContain('amplify-js');
  });
});

describe('REST authorization advice by mode', () => {
  it('an API authorized with an API key is not told to sign with IAM on a native platform', () => {
    const MOBILE = readFileSync(
      new URL('../fixtures/convert/amplifyconfiguration-mobile/plugins-everything/amplifyconfiguration.json', import.meta.url),
      'utf8',
    );
    const partners = convert(MOBILE, { fileName: 'amplifyconfiguration.json', platform: 'ios' }).diagnostics.find(
      (diagnostic) => diagnostic.code === 'REST_AUTHORIZATION' && diagnostic.source.pointer.endsWith('/partners/authorizationType'),
    );
    expect(partners?.resolution).toBe('Authorize the requests in code as the API expects (an x-api-key header for an API key).');
  });
});

describe('authentication flow advice by platform', () => {
  it('the flow of a Flutter file is chosen with amplify_flutter options; of an iOS or Android file, with theirs', () => {
    const DART = readFileSync(new URL('../fixtures/convert/amplifyconfiguration-dart/flutter-dart/lib/amplifyconfiguration.dart', import.meta.url), 'utf8');
    const flowOf = (text: string, fileName: string, platform?: 'ios' | 'android') =>
      convert(text, { fileName, platform }).diagnostics.find(
        (diagnostic) => diagnostic.code === 'LIBRARY_OPTION' && diagnostic.source.pointer.endsWith('/authenticationFlowType'),
      )?.resolution;
    expect(flowOf(DART, 'lib/amplifyconfiguration.dart')).toBe(
      'Pass options: const SignInOptions(pluginOptions: CognitoSignInPluginOptions(authFlowType: AuthenticationFlowType.customAuthWithSrp)) (or customAuthWithoutSrp) to Amplify.Auth.signIn.',
    );
    const json = DART.slice(DART.indexOf("'''") + 3, DART.lastIndexOf("'''"));
    expect(flowOf(json, 'amplifyconfiguration.json', 'ios')).toContain('AWSAuthSignInOptions(authFlowType: .customWithSRP)');
    expect(flowOf(json, 'amplifyconfiguration.json', 'android')).toContain('authFlowType(AuthFlowType.CUSTOM_AUTH_WITH_SRP)');
    expect(flowOf(json, 'amplifyconfiguration.json')).toBe('Pass options: { authFlowType: "CUSTOM_WITH_SRP" } (or "CUSTOM_WITHOUT_SRP") to signIn.');
  });
});

describe('username sign-in advice by platform', () => {
  it('an iOS app is told that "username", which amplify-swift cannot decode, is left out', () => {
    const MOBILE = readFileSync(
      new URL('../fixtures/convert/amplifyconfiguration-mobile/plugins-everything/amplifyconfiguration.json', import.meta.url),
      'utf8',
    );
    const older = MOBILE.replace('"usernameAttributes": ["PHONE_NUMBER"]', '"loginMechanisms": ["PREFERRED_USERNAME"]');
    expect(older).not.toBe(MOBILE);
    const advice = (platform?: 'ios' | 'android') =>
      convert(older, { fileName: 'amplifyconfiguration.json', platform }).diagnostics.find((diagnostic) => diagnostic.code === 'USERNAME_SIGN_IN')?.resolution;
    expect(advice('ios')).toMatch(/^No action is needed for the iOS app\./);
    expect(convert(older, { fileName: 'amplifyconfiguration.json', platform: 'ios' }).outputs.auth?.['username_attributes'] ?? []).not.toContain('username');
    expect(advice('android')).toMatch(/^No action is needed for JavaScript apps\./);
    expect(advice()).toMatch(/^No action is needed for JavaScript apps\./);
  });
});
