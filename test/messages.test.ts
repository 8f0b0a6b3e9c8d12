import { describe, expect, it } from 'vitest';
import { convert, isConversionError, type ConvertOptions, type Diagnostic } from '../src/index.js';
import { fixtureCases } from './support/fixture-cases.js';

/**
 * The words of the findings. The fixtures hold what each finding is (code, severity, category, where, target);
 * the full message and resolution are held here, for one or two findings of each kind of cause, so that a
 * rewording changes one test on purpose, not every fixture.
 */

/** The one finding of `code` at `pointer` that converting `text` reports. */
function finding(text: string, options: ConvertOptions, code: string, pointer: string): Diagnostic {
  const found = convert(text, options).diagnostics.filter((d) => d.code === code && d.source.pointer === pointer);
  expect(found, `one ${code} at ${pointer}`).toHaveLength(1);
  return found[0]!;
}

/** The finding that refuses `text`. */
function refusal(text: string, options: ConvertOptions): Diagnostic {
  try {
    convert(text, options);
  } catch (error) {
    if (isConversionError(error)) return error.diagnostic;
    throw error;
  }
  throw new Error('the input was converted, not refused');
}

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/** The texts of a finding, as the report shows them. */
const words = ({ message, resolution }: Diagnostic) => ({ message, resolution });

describe('messages', () => {
  it('a value known only when the file runs (non-literal)', () => {
    const text = [
      'const awsmobile = {',
      "  aws_project_region: 'us-east-1',",
      '  aws_user_pools_id: process.env.POOL_ID,',
      '};',
      'export default awsmobile;',
      '',
    ].join('\n');
    expect(words(finding(text, { fileName: 'src/aws-exports.js' }, 'NON_LITERAL_VALUE', '/aws_user_pools_id'))).toEqual({
      message: 'The value `process.env.POOL_ID` (member expression (for example process.env)) is known only when the file runs, so it is not converted.',
      resolution:
        'Replace it with the literal value your deployed environment uses (for example from `amplify pull`), or set this field in amplify_outputs.json by hand.',
    });
  });

  it('two fields that set one target to different values (conflict)', () => {
    const text = [
      'const awsmobile = {',
      "  aws_project_region: 'us-east-1',",
      "  aws_mobile_analytics_app_id: '11111111111111111111111111111111',",
      "  aws_mobile_analytics_app_region: 'us-east-1',",
      "  Analytics: { AWSPinpoint: { appId: '22222222222222222222222222222222', region: 'us-east-1' } },",
      '};',
      'export default awsmobile;',
      '',
    ].join('\n');
    expect(words(finding(text, { fileName: 'aws-exports.js' }, 'CONFLICTING_VALUES', '/Analytics/AWSPinpoint/appId'))).toEqual({
      message:
        'This field sets analytics.amazon_pinpoint.app_id to "22222222222222222222222222222222", but /aws_mobile_analytics_app_id already set it to "11111111111111111111111111111111"; the earlier value is kept.',
      resolution: 'Check which value is right for the deployed backend and make the Gen1 file consistent.',
    });
  });

  it('a section without a field it requires (incomplete section)', () => {
    const text = json({ aws_project_region: 'us-east-1', aws_user_pools_id: 'us-east-1_abc' });
    expect(words(finding(text, { fileName: 'amplifyconfiguration.json' }, 'SECTION_INCOMPLETE', '/aws_user_pools_id'))).toEqual({
      message:
        'auth needs auth.user_pool_client_id, which the input does not provide, so it is left out of amplify_outputs.json with the 2 fields that went into it.',
      resolution: 'Add the user pool id, its web client id and its region (from the Cognito console or `amplify pull`) to the Gen1 file and convert again.',
    });
  });

  it('an entry without a field it requires (missing required field)', () => {
    const text = json({
      UserAgent: 'aws-amplify-cli/2.0',
      Version: '1.0',
      api: { plugins: { awsAPIPlugin: { shop: { endpointType: 'GraphQL', region: 'us-west-2', authorizationType: 'API_KEY', apiKey: 'da2-key' } } } },
    });
    expect(words(finding(text, { fileName: 'amplifyconfiguration.json' }, 'INVALID_VALUE', '/api/plugins/awsAPIPlugin/shop'))).toEqual({
      message: 'Expected an endpoint URL, found no value: the input has no endpoint here.',
      resolution: 'Correct the value in the Gen1 file (or regenerate it with the Amplify CLI) and convert again.',
    });
  });

  it('an app client with a secret, which is never shown', () => {
    const secret = 'thesecretvalueofthisappclient0000';
    const text = json({
      UserAgent: 'aws-amplify-cli/2.0',
      Version: '1.0',
      auth: {
        plugins: {
          awsCognitoAuthPlugin: {
            CognitoUserPool: { Default: { PoolId: 'us-east-1_abc', AppClientId: 'client123', AppClientSecret: secret, Region: 'us-east-1' } },
          },
        },
      },
    });
    const diagnostic = finding(
      text,
      { fileName: 'amplifyconfiguration.json' },
      'CLIENT_SECRET',
      '/auth/plugins/awsCognitoAuthPlugin/CognitoUserPool/Default/AppClientSecret',
    );
    expect(words(diagnostic)).toEqual({
      message:
        'The app client has a client secret. Gen2 libraries never send one, so sign-in with this client fails; the secret itself is not carried (and never shown).',
      resolution:
        'Use an app client without a secret: the web client (AppClientIDWeb in amplify/backend/amplify-meta.json, the one aws-exports.js names), or create one in the Cognito console, and set auth.user_pool_client_id to it.',
    });
  });

  it('a setting the requested outputs version cannot hold (version too low)', () => {
    const text = json({
      aws_project_region: 'us-east-1',
      aws_user_pools_id: 'us-east-1_abc',
      aws_user_pools_web_client_id: 'client123',
      aws_cognito_mfa_types: ['SMS', 'EMAIL'],
    });
    expect(words(finding(text, { fileName: 'amplifyconfiguration.json', outputsVersion: '1' }, 'VERSION_TOO_LOW', '/aws_cognito_mfa_types/1'))).toEqual({
      message: 'EMAIL as an MFA method needs amplify_outputs.json version 1.4 or later, and version 1 was requested, so it is left out.',
      resolution: 'Convert with --outputs-version 1.4 (or auto) if your Amplify libraries support email MFA.',
    });
  });

  it('a field no mapping row covers (unknown field)', () => {
    const text = json({ aws_project_region: 'us-east-1', aws_my_setting: 'x' });
    expect(words(finding(text, { fileName: 'amplifyconfiguration.json' }, 'UNKNOWN_FIELD', '/aws_my_setting'))).toEqual({
      message: '"aws_my_setting" is not a field the Gen1 tools write, and no mapping row covers it, so it is not carried.',
      resolution: 'If your app reads this field, carry it yourself (for example under custom in amplify_outputs.json); otherwise remove it.',
    });
  });

  it('a $ in the string of a .dart file (Dart interpolation)', () => {
    const config = {
      UserAgent: 'aws-amplify-cli/2.0',
      Version: '1.0',
      auth: { plugins: { awsCognitoAuthPlugin: { CognitoUserPool: { Default: { PoolId: 'us-east-1_abc', AppClientId: '$clientId', Region: 'us-east-1' } } } } },
    };
    const text = `const amplifyconfig = '''${JSON.stringify(config, null, 2)}''';\n`;
    expect(words(finding(text, { fileName: 'lib/amplifyconfiguration.dart' }, 'DART_INTERPOLATION', ''))).toEqual({
      message: 'The configuration string contains `$clientId`, which Dart reads as an interpolation; it was read as the literal text.',
      resolution: "In a Dart app, write the string as raw (r'''...''') or escape the $ so that it compiles.",
    });
  });

  it('a conversion that carries nothing, and the resources the project never pushed (nothing carried)', () => {
    const deployed = json({ providers: { awscloudformation: { Region: 'us-east-2', StackName: 'amplify-todo-dev-1' } } });
    const projectFiles = {
      'amplify/backend/backend-config.json': json({ api: { todo: { service: 'AppSync' } }, hosting: { amplifyhosting: { service: 'amplifyhosting' } } }),
    };
    expect(words(finding(deployed, { fileName: 'amplify/#current-cloud-backend/amplify-meta.json', projectFiles }, 'NOTHING_CARRIED', ''))).toEqual({
      message:
        'Nothing in the input could be carried: amplify_outputs.json would hold only its version. The project lists a resource never pushed (api/todo, in amplify/backend/backend-config.json), which the converted file does not have.',
      resolution: 'Run `amplify push` to deploy the resources, then convert again (or `amplify pull` if another machine pushed them).',
    });
    expect(words(finding(json({ aws_project_region: 'us-east-1' }), { fileName: 'amplifyconfiguration.json' }, 'NOTHING_CARRIED', ''))).toEqual({
      message: 'Nothing in the input could be carried: amplify_outputs.json would hold only its version, and would configure nothing.',
      resolution:
        'Read the other findings; convert the configuration of a deployed environment (after `amplify push` or `amplify pull`), or the project folder, whose amplify-meta.json records what was deployed.',
    });
  });

  it('the category of a third-party CLI plugin, once, naming its outputs but not their values (unknown field)', () => {
    const meta = json({
      providers: { awscloudformation: { Region: 'us-west-2', StackName: 'amplify-streamer-dev-1' } },
      video: {
        live: {
          service: 'video',
          providerPlugin: 'awscloudformation',
          lastPushTimeStamp: '2021-02-03T04:05:06.000Z',
          output: { oMediaLivePrimaryIngestUrl: 'rtmp://203.0.113.10:1935/live/secretstreamkey', oPrimaryHlsEgress: 'https://example.com/index.m3u8' },
        },
      },
    });
    const result = convert(meta, { fileName: 'amplify/backend/amplify-meta.json' });
    expect(result.diagnostics.filter((d) => d.code === 'UNKNOWN_FIELD').map((d) => d.source.pointer)).toEqual(['/video']);
    expect(words(finding(meta, { fileName: 'amplify/backend/amplify-meta.json' }, 'UNKNOWN_FIELD', '/video'))).toEqual({
      message:
        '"video" is not a category of the Amplify CLI but of a third-party CLI plugin (service "video"); amplify_outputs.json has no place for it, and Gen1 client files never held it. The outputs the app may read: live.oMediaLivePrimaryIngestUrl, live.oPrimaryHlsEgress.',
      resolution:
        'If the app reads these values, keep them in amplify_outputs.json under custom (in a Gen2 backend: backend.addOutput({ custom: { ... } })) and read them from there; otherwise remove them.',
    });
  });

  it('a file that does not parse, and one that already is Gen2 (refusals)', () => {
    expect(words(refusal('{\n  "aws_project_region": "us-east-1",\n}\n', { fileName: 'amplifyconfiguration.json' }))).toEqual({
      message: 'The configuration is not valid JSON: property name expected.',
      resolution: 'Fix the JSON (or restore the file the Amplify CLI generated) and run again.',
    });
    expect(words(refusal('{\n  "version": "1.3"\n}\n', { fileName: 'amplify_outputs.json' }))).toEqual({
      message: 'The file already is an amplify_outputs.json ("version": "1.3"); there is nothing to convert.',
      resolution: 'Point the command at the Gen1 file (aws-exports.js or amplifyconfiguration.json) instead.',
    });
  });

  it('configurations written by hand: library behaviour, MFA methods without a status', () => {
    const v5 = "export default { userPoolId: 'us-east-1_Abc', userPoolWebClientId: 'c', cookieStorage: { domain: 'example.com' } };\n";
    expect(words(finding(v5, { fileName: 'src/auth.js' }, 'LIBRARY_OPTION', '/cookieStorage'))).toEqual({
      message: 'cookieStorage told amplify-js v5 to keep tokens in cookies; amplify_outputs.json has no such field.',
      resolution:
        'In amplify-js v6 call cognitoUserPoolsTokenProvider.setKeyValueStorage(new CookieStorage({ domain, secure, ... })) from aws-amplify/utils after Amplify.configure.',
    });
    const v6 = "export default { Auth: { Cognito: { userPoolId: 'us-east-1_Abc', userPoolClientId: 'c', mfa: { totpEnabled: true } } } };\n";
    expect(words(finding(v6, { fileName: 'src/config.js' }, 'MFA_STATUS_UNSTATED', '/Auth/Cognito/mfa/totpEnabled'))).toEqual({
      message:
        'The input lists MFA methods but does not say whether MFA is on, optional or off. The methods are carried to auth.mfa_methods, but amplify-js reads them from amplify_outputs.json only together with auth.mfa_configuration.',
      resolution: 'If the user pool uses MFA, set Auth.Cognito.mfa.status (on or optional) in the input, or auth.mfa_configuration in amplify_outputs.json.',
    });
  });

  it('a module that exports several objects by name and none by default (refusal)', () => {
    const several = 'export const dev = { Auth: {} };\nexport const prod = { Auth: {} };\n';
    expect(words(refusal(several, { fileName: 'src/config.js' }))).toEqual({
      message: 'The file exports 2 objects (`dev`, `prod`) and no default, so which one is the configuration cannot be told.',
      resolution:
        'Add `export default <name>;` for the one the app passes to Amplify.configure (for example `export default dev;`), or convert a file that exports only it.',
    });
  });

  it('of every fixture show values as text and end as sentences', () => {
    const texts: string[] = [];
    for (const fixture of fixtureCases()) {
      const options = { ...fixture.options, fileName: fixture.fileName };
      let diagnostics: Diagnostic[];
      try {
        diagnostics = convert(fixture.text, options).diagnostics;
      } catch (error) {
        if (!isConversionError(error)) throw error;
        diagnostics = [error.diagnostic];
      }
      for (const d of diagnostics) texts.push(...[d.message, d.resolution].map((text) => `${fixture.name} ${d.code}: ${text}`));
    }
    expect(texts.length).toBeGreaterThan(100);
    expect(texts.filter((text) => /\bundefined\b|\[object |\bNaN\b/.test(text))).toEqual([]);
    expect(texts.filter((text) => !/[.!?]$/.test(text))).toEqual([]);
  });
});
