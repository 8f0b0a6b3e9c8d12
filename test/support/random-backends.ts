import fc from 'fast-check';
import type { AmplifyMeta } from './official-generator.js';

/**
 * Backends at random, recorded in amplify-meta.json the way the Gen1 CLI records them: which categories a project
 * has, how many resources of each, which were pushed, and every option the CLI's walkthroughs offer (sign-in
 * attributes, MFA, hosted UI, GraphQL authorization modes, notification channels, map styles, ...). The official
 * generators then write the client files from them, as `amplify push` would.
 */
const REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-southeast-2', 'ap-northeast-1', 'sa-east-1'];
const PUSHED = '2024-05-01T10:00:00.000Z';
const AUTH_MODES = ['API_KEY', 'AWS_IAM', 'AMAZON_COGNITO_USER_POOLS', 'OPENID_CONNECT', 'AWS_LAMBDA'];
const SIGN_UP_ATTRIBUTES = [
  'ADDRESS',
  'BIRTHDATE',
  'EMAIL',
  'FAMILY_NAME',
  'GENDER',
  'GIVEN_NAME',
  'LOCALE',
  'MIDDLE_NAME',
  'NAME',
  'NICKNAME',
  'PHONE_NUMBER',
  'PICTURE',
  'PREFERRED_USERNAME',
  'PROFILE',
  'UPDATED_AT',
  'WEBSITE',
  'ZONEINFO',
];
const PASSWORD_CHARACTERS = ['REQUIRES_LOWERCASE', 'REQUIRES_UPPERCASE', 'REQUIRES_NUMBERS', 'REQUIRES_SYMBOLS'];
const SCOPES = ['phone', 'email', 'openid', 'profile', 'aws.cognito.signin.user.admin'];
const SOCIAL = [
  ['GOOGLE', 'GoogleWebClient'],
  ['FACEBOOK', 'FacebookWebClient'],
  ['AMAZON', 'AmazonWebClient'],
  ['APPLE', 'AppleWebClient'],
] as const;
const MAP_STYLES = [
  'VectorEsriStreets',
  'VectorEsriTopographic',
  'VectorEsriNavigation',
  'VectorEsriDarkGrayCanvas',
  'VectorEsriLightGrayCanvas',
  'RasterEsriImagery',
  'VectorHereExplore',
  'VectorHereExploreTruck',
  'VectorHereContrast',
];
const CHANNELS = ['APNS', 'FCM', 'Email', 'SMS', 'InAppMessaging'];
const URLS = ['http://localhost:3000/', 'https://main.d1a2b3c4.amplifyapp.com/', 'myapp://', 'exp://127.0.0.1:19000/--/'];

type Resources = Record<string, Record<string, unknown>>;

const name = fc.stringMatching(/^[a-z][a-zA-Z0-9]{2,11}$/);
const hex = (length: number): fc.Arbitrary<string> => fc.stringMatching(new RegExp(`^[0-9a-f]{${length}}$`));
/** Pushed almost always; a resource added and never pushed now and then. */
const pushed = fc.oneof(
  { weight: 9, arbitrary: fc.constant<string | undefined>(PUSHED) },
  { weight: 1, arbitrary: fc.constant<string | undefined>(undefined) },
);
const subset = <T>(values: readonly T[], minLength = 0): fc.Arbitrary<T[]> => fc.subarray([...values], { minLength });

/** A resource as the CLI records it, with the bookkeeping of a pushed one (template, hash, dependencies). */
function resource(
  service: string,
  output: Record<string, unknown>,
  lastPushTimeStamp: string | undefined,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  const pushedFields = lastPushTimeStamp
    ? {
        providerMetadata: {
          s3TemplateURL: `https://s3.amazonaws.com/amplify-app-dev-deployment/amplify-cfn-templates/${service}-cloudformation-template.json`,
          logicalId: service.replace(/\W/g, ''),
        },
        lastPushTimeStamp,
        lastPushDirHash: 'H2TuFM7ivUuU6vZ3x2cG7Q6Zvyo=',
      }
    : {};
  return { service, providerPlugin: 'awscloudformation', dependsOn: [], ...extra, ...pushedFields, output };
}

function auth(region: string): fc.Arbitrary<Resources> {
  const frontendAuthConfig = fc.record({
    socialProviders: subset(SOCIAL.map(([provider]) => provider)),
    usernameAttributes: fc.constantFrom([], ['EMAIL'], ['PHONE_NUMBER'], ['EMAIL', 'PHONE_NUMBER']),
    signupAttributes: subset(SIGN_UP_ATTRIBUTES),
    passwordProtectionSettings: fc.record({
      passwordPolicyMinLength: fc.oneof(fc.integer({ min: 6, max: 99 }), fc.integer({ min: 6, max: 99 }).map(String)),
      passwordPolicyCharacters: subset(PASSWORD_CHARACTERS),
    }),
    mfaConfiguration: fc.constantFrom('OFF', 'ON', 'OPTIONAL'),
    mfaTypes: fc.constantFrom(['SMS'], ['TOTP'], ['SMS', 'TOTP']),
    verificationMechanisms: subset(['EMAIL', 'PHONE_NUMBER']),
  });
  const hostedUi = fc.record({
    HostedUIDomain: name.map((domain) => `${domain.toLowerCase()}-dev`),
    OAuthMetadata: fc
      .record({
        AllowedOAuthFlows: fc.constantFrom(['code'], ['implicit']),
        AllowedOAuthScopes: subset(SCOPES, 1),
        CallbackURLs: subset(URLS, 1),
        LogoutURLs: subset(URLS, 1),
      })
      .map((metadata) => JSON.stringify(metadata)),
  });
  return fc
    .record({
      resourceName: name,
      pools: fc.constantFrom('both', 'both', 'both', 'user pool', 'identity pool'),
      id: hex(9),
      hostedUi: fc.option(hostedUi, { nil: undefined }),
      social: subset(SOCIAL.map(([, output]) => output)),
      clientSecret: fc.boolean(),
      serviceType: fc.constantFrom('managed', 'imported'),
      customAuth: fc.boolean(),
      config: fc.option(frontendAuthConfig, { nil: undefined }),
      groups: fc.option(subset(['Admins', 'Editors', 'Users'], 1), { nil: undefined }),
      lastPush: pushed,
    })
    .map(({ resourceName, pools, id, hostedUi, social, clientSecret, serviceType, customAuth, config, groups, lastPush }) => {
      const userPool = pools !== 'identity pool';
      const identityPool = pools !== 'user pool';
      const output: Record<string, unknown> = {
        ...(userPool
          ? {
              UserPoolId: `${region}_${id.toUpperCase()}`,
              UserPoolName: `${resourceName}_userpool`,
              UserPoolArn: `arn:aws:cognito-idp:${region}:000000000000:userpool/${region}_${id.toUpperCase()}`,
              CreatedSNSRole: `arn:aws:iam::000000000000:role/sns${id}-dev`,
              AppClientIDWeb: `web${id}${'0'.repeat(14)}`,
              AppClientID: `native${id}${'0'.repeat(11)}`,
              // Projects made by older CLI versions have a native app client with a secret.
              ...(clientSecret ? { AppClientSecret: `secret${id}${'0'.repeat(40)}` } : {}),
              ...(hostedUi ?? {}),
            }
          : {}),
        ...(identityPool
          ? { IdentityPoolId: `${region}:${id.slice(0, 8)}-0000-4000-8000-000000000000`, IdentityPoolName: `${resourceName}_identitypool` }
          : {}),
        ...Object.fromEntries(social.map((key) => [key, `${key.toLowerCase()}-${id}`])),
      };
      const resources: Resources = {
        [resourceName]: resource('Cognito', output, lastPush, {
          customAuth,
          serviceType,
          ...(userPool && config ? { frontendAuthConfig: hostedUi ? config : { ...config, socialProviders: [] } } : {}),
        }),
      };
      if (userPool && groups) {
        resources['userPoolGroups'] = resource(
          'Cognito-UserPool-Groups',
          Object.fromEntries(groups.map((group) => [`${group}GroupRole`, `arn:aws:iam::000000000000:role/${group}`])),
          lastPush,
        );
      }
      return resources;
    });
}

/** A GraphQL authorization mode with the settings the CLI records for it. */
function modeConfig(mode: string): Record<string, unknown> {
  if (mode === 'API_KEY') return { authenticationType: mode, apiKeyConfig: { apiKeyExpirationDays: 7, description: 'api key' } };
  if (mode === 'AMAZON_COGNITO_USER_POOLS') return { authenticationType: mode, userPoolConfig: { userPoolId: 'authapp' } };
  if (mode === 'OPENID_CONNECT')
    return {
      authenticationType: mode,
      openIDConnectConfig: { name: 'oidc', issuerUrl: 'https://issuer.example.com', clientId: 'client', iatTTL: 0, authTTL: 0 },
    };
  if (mode === 'AWS_LAMBDA') return { authenticationType: mode, lambdaAuthorizerConfig: { lambdaFunction: 'authorizer', ttlSeconds: 300 } };
  return { authenticationType: mode };
}

function api(region: string): fc.Arbitrary<Resources> {
  const graphQl = fc.record({
    resourceName: name,
    id: hex(26),
    // How the CLI recorded the authorization: authConfig; securityType (older CLIs); neither (the oldest).
    recorded: fc.constantFrom('authConfig', 'authConfig', 'securityType', 'neither'),
    modes: fc.shuffledSubarray(AUTH_MODES, { minLength: 1 }),
    lastPush: pushed,
  });
  const rest = fc.record({ resourceName: name, apiName: name, id: hex(10), lastPush: pushed, container: fc.boolean(), restrictAccess: fc.boolean() });
  return fc
    .record({ graphQl: fc.option(graphQl, { nil: undefined }), rest: fc.uniqueArray(rest, { maxLength: 3, selector: (api) => api.resourceName }) })
    .map(({ graphQl, rest }) => {
      const resources: Resources = {};
      if (graphQl) {
        const [first, ...others] = graphQl.modes as [string, ...string[]];
        const output: Record<string, unknown> = {
          GraphQLAPIIdOutput: graphQl.id,
          GraphQLAPIEndpointOutput: `https://${graphQl.id}.appsync-api.${region}.amazonaws.com/graphql`,
          ...(graphQl.modes.includes('API_KEY') ? { GraphQLAPIKeyOutput: `da2-${graphQl.id}` } : {}),
          ...(graphQl.recorded === 'securityType'
            ? { securityType: first }
            : graphQl.recorded === 'authConfig'
              ? { authConfig: { defaultAuthentication: modeConfig(first), additionalAuthenticationProviders: others.map(modeConfig) } }
              : {}),
        };
        resources[graphQl.resourceName] = resource('AppSync', output, graphQl.lastPush);
      }
      for (const api of rest) {
        if (resources[api.resourceName]) continue;
        const output = { ApiName: api.apiName, RootUrl: `https://${api.id}.execute-api.${region}.amazonaws.com/dev`, ApiId: api.id };
        resources[api.resourceName] = api.container
          ? resource('ElasticContainer', output, api.lastPush, { apiType: 'REST', restrictAccess: api.restrictAccess })
          : resource('API Gateway', output, api.lastPush, api.restrictAccess ? { authorizationType: 'AMAZON_COGNITO_USER_POOLS' } : {});
      }
      return resources;
    });
}

function storage(region: string): fc.Arbitrary<Resources> {
  const table = fc.record({ resourceName: name, lastPush: pushed });
  return fc
    .record({
      // The project's region, or another one (an imported bucket).
      bucket: fc.option(fc.record({ resourceName: name, lastPush: pushed, region: fc.constantFrom(region, region, 'us-east-1') }), { nil: undefined }),
      tables: fc.uniqueArray(table, { maxLength: 2, selector: (t) => t.resourceName }),
    })
    .map(({ bucket, tables }) => {
      const resources: Resources = {};
      if (bucket) {
        resources[bucket.resourceName] = resource(
          'S3',
          { BucketName: `${bucket.resourceName.toLowerCase()}-bucket-dev`, Region: bucket.region },
          bucket.lastPush,
        );
      }
      for (const table of tables) {
        resources[table.resourceName] ??= resource(
          'DynamoDB',
          {
            Name: `${table.resourceName}-dev`,
            Region: region,
            Arn: `arn:aws:dynamodb:${region}:000000000000:table/${table.resourceName}-dev`,
            PartitionKeyName: 'id',
            PartitionKeyType: 'S',
          },
          table.lastPush,
        );
      }
      return resources;
    });
}

function pinpoint(appId: string, region: string): Record<string, unknown> {
  return { Id: appId, Region: region, appName: `app-${appId.slice(0, 6)}` };
}

function analytics(): fc.Arbitrary<Resources> {
  const stream = fc.option(fc.record({ resourceName: name, region: fc.constantFrom(...REGIONS) }), { nil: undefined });
  return fc
    .record({ resourceName: name, id: hex(32), region: fc.constantFrom(...REGIONS), lastPush: pushed, stream })
    .map(({ resourceName, id, region, lastPush, stream }) => ({
      [resourceName]: resource('Pinpoint', pinpoint(id, region), lastPush),
      ...(stream && stream.resourceName !== resourceName
        ? {
            [stream.resourceName]: resource(
              'Kinesis',
              {
                kinesisStreamArn: `arn:aws:kinesis:${stream.region}:000000000000:stream/${stream.resourceName}-dev`,
                kinesisStreamId: `${stream.resourceName}-dev`,
                kinesisStreamShardCount: 1,
              },
              PUSHED,
            ),
          }
        : {}),
    }));
}

/** Notifications live on a Pinpoint app of their own (no push time stamp: the CLI pushes channels itself). */
function notifications(): fc.Arbitrary<Resources> {
  return fc
    .record({
      resourceName: name,
      id: hex(32),
      region: fc.constantFrom(...REGIONS),
      channels: fc.array(fc.tuple(fc.constantFrom(...CHANNELS), fc.boolean()), { minLength: 1, maxLength: 5 }),
    })
    .map(({ resourceName, id, region, channels }) => ({
      [resourceName]: resource(
        'Pinpoint',
        { ...pinpoint(id, region), ...Object.fromEntries(channels.map(([channel, enabled]) => [channel, { Enabled: enabled, ApplicationId: id }])) },
        undefined,
      ),
    }));
}

function geo(region: string): fc.Arbitrary<Resources> {
  const item = fc.record({ resourceName: name, lastPush: pushed });
  const kind = (service: string, style: boolean): fc.Arbitrary<Resources> =>
    fc.tuple(fc.uniqueArray(item, { maxLength: 3, selector: (r) => r.resourceName }), fc.nat(), fc.constantFrom(...MAP_STYLES)).map(([items, pick, mapStyle]) =>
      Object.fromEntries(
        items.map((entry, index) => [
          `${entry.resourceName}${service}`,
          resource(
            service,
            {
              Name: `${entry.resourceName}-dev`,
              Region: region,
              Arn: `arn:aws:geo:${region}:000000000000:${service.toLowerCase()}/${entry.resourceName}-dev`,
              ...(style ? { Style: mapStyle } : {}),
            },
            entry.lastPush,
            {
              isDefault: index === pick % items.length,
              accessType: 'AuthorizedAndGuestUsers',
              ...(style ? { mapStyle } : service === 'PlaceIndex' ? { dataProvider: 'Esri', dataSourceIntendedUse: 'SingleUse' } : {}),
            },
          ),
        ]),
      ),
    );
  return fc
    .tuple(kind('Map', true), kind('PlaceIndex', false), kind('GeofenceCollection', false))
    .map(([maps, indices, collections]) => ({ ...maps, ...indices, ...collections }));
}

function predictions(region: string): fc.Arbitrary<Resources> {
  const all: [string, Record<string, unknown>][] = [
    ['speech', resource('Polly', { region, voice: 'Matthew', language: 'en-US' }, PUSHED, { convertType: 'speechGenerator' })],
    ['translate', resource('Translate', { region, sourceLang: 'en', targetLang: 'de' }, PUSHED, { convertType: 'translateText' })],
    ['transcribe', resource('Transcribe', { region, language: 'en-US' }, PUSHED, { convertType: 'transcription' })],
    ['labels', resource('Rekognition', { region, type: 'LABELS' }, PUSHED, { identifyType: 'identifyLabels' })],
    [
      'entities',
      resource('Rekognition', { region, celebrityDetectionEnabled: true, collectionId: 'faces-dev', maxEntities: '50' }, PUSHED, {
        identifyType: 'identifyEntities',
      }),
    ],
    ['text', resource('RekognitionAndTextract', { region, format: 'PLAIN' }, PUSHED, { identifyType: 'identifyText' })],
    ['sentiment', resource('Comprehend', { region, type: 'ALL' }, PUSHED, { interpretType: 'interpretText' })],
    ['model', resource('SageMaker', { region, endpointName: 'model-endpoint' }, PUSHED, { inferType: 'inferModel' })],
  ];
  return subset(all, 1).map((chosen) => Object.fromEntries(chosen));
}

function interactions(region: string): fc.Arbitrary<Resources> {
  return fc
    .uniqueArray(name, { minLength: 1, maxLength: 2 })
    .map((bots) => Object.fromEntries(bots.map((bot) => [bot, resource('Lex', { BotName: `${bot}_dev`, Region: region }, PUSHED)])));
}

function hosting(region: string): fc.Arbitrary<Resources> {
  return fc.constantFrom('secure', 'website', 'amplifyhosting').map(
    (kind): Resources =>
      kind === 'amplifyhosting'
        ? { amplifyhosting: resource('amplifyhosting', {}, PUSHED, { type: 'manual' }) }
        : {
            S3AndCloudFront: resource(
              'S3AndCloudFront',
              {
                HostingBucketName: 'site-dev',
                Region: region,
                ...(kind === 'secure'
                  ? { CloudFrontSecureURL: 'https://d0000000000.cloudfront.net' }
                  : { WebsiteURL: `http://site-dev.s3-website-${region}.amazonaws.com` }),
              },
              PUSHED,
            ),
          },
  );
}

function functions(region: string): fc.Arbitrary<Resources> {
  return fc
    .uniqueArray(name, { minLength: 1, maxLength: 2 })
    .map((names) =>
      Object.fromEntries(
        names.map((fn) => [
          fn,
          resource('Lambda', { Name: `${fn}-dev`, Region: region, Arn: `arn:aws:lambda:${region}:000000000000:function:${fn}-dev` }, PUSHED, { build: true }),
        ]),
      ),
    );
}

function custom(): fc.Arbitrary<Resources> {
  return fc
    .uniqueArray(name, { minLength: 1, maxLength: 2 })
    .map((names) =>
      Object.fromEntries(
        names.map((resourceName) => [resourceName, resource('customCDK', { topicArn: `arn:aws:sns:us-east-1:000000000000:${resourceName}` }, PUSHED)]),
      ),
    );
}

/** An amplify-meta.json with a random set of categories, each with random resources and options. */
export const amplifyMeta: fc.Arbitrary<AmplifyMeta> = fc.constantFrom(...REGIONS).chain((region) =>
  fc
    .record(
      {
        auth: auth(region),
        api: api(region),
        storage: storage(region),
        analytics: analytics(),
        notifications: notifications(),
        geo: geo(region),
        predictions: predictions(region),
        interactions: interactions(region),
        hosting: hosting(region),
        function: functions(region),
        custom: custom(),
      },
      { requiredKeys: [] },
    )
    .chain((categories) => fc.boolean().map((shared) => (shared ? withSharedPinpointApp(categories) : categories)))
    .map((categories) => ({
      providers: {
        awscloudformation: {
          Region: region,
          StackName: `amplify-app-dev-${region}`,
          AuthRoleName: 'amplify-app-dev-authRole',
          UnauthRoleName: 'amplify-app-dev-unauthRole',
        },
      },
      ...Object.fromEntries(Object.entries(categories).filter(([, resources]) => resources !== undefined && Object.keys(resources).length > 0)),
    })),
);

/** Notifications added to a project with analytics use its Pinpoint app: the same resource name and app id. */
function withSharedPinpointApp(categories: Partial<Record<string, Resources>>): Partial<Record<string, Resources>> {
  const analyticsApp = Object.entries(categories['analytics'] ?? {}).find(([, resource]) => resource['service'] === 'Pinpoint');
  const notificationsApp = Object.values(categories['notifications'] ?? {})[0];
  if (!analyticsApp || !notificationsApp) return categories;
  const [resourceName, analytics] = analyticsApp;
  const app = analytics['output'] as { Id: string; Region: string; appName: string };
  const channels = Object.entries(notificationsApp['output'] as Record<string, unknown>).filter(([key]) => CHANNELS.includes(key));
  const output = {
    ...pinpoint(app.Id, app.Region),
    ...Object.fromEntries(channels.map(([channel, settings]) => [channel, { ...(settings as object), ApplicationId: app.Id }])),
  };
  return { ...categories, notifications: { [resourceName]: resource('Pinpoint', output, undefined) } };
}

/** The backend as if every resource had been pushed. */
export function everyResourcePushed(meta: AmplifyMeta): AmplifyMeta {
  const pushed = (resource: unknown): unknown =>
    typeof resource === 'object' && resource !== null && 'service' in resource && 'output' in resource ? { lastPushTimeStamp: PUSHED, ...resource } : resource;
  return Object.fromEntries(
    Object.entries(meta).map(([category, resources]) =>
      category === 'providers' || typeof resources !== 'object' || resources === null
        ? [category, resources]
        : [category, Object.fromEntries(Object.entries(resources).map(([name, resource]) => [name, pushed(resource)]))],
    ),
  ) as AmplifyMeta;
}

/**
 * A backend with the project files the CLI keeps beside amplify-meta.json, which the meta file lacks: each auth
 * resource's cli-inputs.json (guest access) and the user pool groups' precedence.
 */
export const projectWithFiles: fc.Arbitrary<{ meta: AmplifyMeta; projectFiles: Record<string, string> }> = amplifyMeta.chain((meta) => {
  const auth = (meta['auth'] ?? {}) as Resources;
  const pools = Object.keys(auth).filter((resourceName) => auth[resourceName]!['service'] === 'Cognito');
  const groups = Object.keys((auth['userPoolGroups']?.['output'] as Record<string, unknown> | undefined) ?? {}).map((key) => key.slice(0, -'GroupRole'.length));
  return fc
    .record({
      guests: fc.tuple(...pools.map(() => fc.boolean())),
      precedence: fc.shuffledSubarray(groups, { minLength: groups.length, maxLength: groups.length }),
    })
    .map(({ guests, precedence }) => {
      const projectFiles: Record<string, string> = {};
      pools.forEach((resourceName, index) => {
        const cognitoConfig = {
          resourceName,
          serviceName: 'Cognito',
          identityPoolName: `${resourceName}_identitypool`,
          allowUnauthenticatedIdentities: guests[index],
          authSelections: 'identityPoolAndUserPool',
        };
        projectFiles[`amplify/backend/auth/${resourceName}/cli-inputs.json`] = JSON.stringify({ version: '1', cognitoConfig }, null, 2);
      });
      if (groups.length > 0) {
        projectFiles['amplify/backend/auth/userPoolGroups/user-pool-group-precedence.json'] = JSON.stringify(
          precedence.map((groupName, index) => ({ groupName, precedence: index + 1 })),
          null,
          2,
        );
      }
      return { meta, projectFiles };
    });
});
