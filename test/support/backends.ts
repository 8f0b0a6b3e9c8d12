import type { AmplifyMeta } from './official-generator.js';

const PUSHED = '2024-05-01T10:00:00.000Z';

function meta(region: string, resources: Record<string, Record<string, Record<string, unknown>>>): AmplifyMeta {
  return { providers: { awscloudformation: { Region: region, StackName: 'amplify-app-dev-12345' } }, ...resources };
}

/** Varied backends, each built the way the CLI records them in amplify-meta.json. */
export const BACKENDS: Record<string, AmplifyMeta> = {
  'auth with hosted UI, social providers and everything frontendAuthConfig holds': meta('us-east-1', {
    auth: {
      app1234: {
        service: 'Cognito',
        lastPushTimeStamp: PUSHED,
        output: {
          UserPoolId: 'us-east-1_Gen1Pool1',
          AppClientIDWeb: 'webclient000000000000000001',
          AppClientID: 'nativeclient00000000000001',
          IdentityPoolId: 'us-east-1:aaaaaaaa-0000-0000-0000-000000000001',
          HostedUIDomain: 'app1234-dev',
          OAuthMetadata: JSON.stringify({
            AllowedOAuthFlows: ['code'],
            AllowedOAuthScopes: ['phone', 'email', 'openid', 'profile', 'aws.cognito.signin.user.admin'],
            CallbackURLs: ['http://localhost:3000/', 'https://main.example.com/'],
            LogoutURLs: ['http://localhost:3000/'],
          }),
          GoogleWebClient: 'google-client.apps.googleusercontent.com',
        },
        frontendAuthConfig: {
          socialProviders: ['GOOGLE', 'FACEBOOK', 'AMAZON', 'APPLE'],
          usernameAttributes: ['EMAIL'],
          signupAttributes: ['EMAIL', 'NAME', 'PHONE_NUMBER'],
          passwordProtectionSettings: { passwordPolicyMinLength: 12, passwordPolicyCharacters: ['REQUIRES_LOWERCASE', 'REQUIRES_SYMBOLS'] },
          mfaConfiguration: 'OPTIONAL',
          mfaTypes: ['SMS', 'TOTP'],
          verificationMechanisms: ['EMAIL', 'PHONE_NUMBER'],
        },
      },
    },
  }),
  'implicit grant and username sign-in': meta('eu-west-1', {
    auth: {
      implicitAuth: {
        service: 'Cognito',
        lastPushTimeStamp: PUSHED,
        output: {
          UserPoolId: 'eu-west-1_Gen1Pool2',
          AppClientIDWeb: 'webclient000000000000000002',
          AppClientID: 'nativeclient00000000000002',
          IdentityPoolId: 'eu-west-1:aaaaaaaa-0000-0000-0000-000000000002',
          HostedUIDomain: 'implicit-dev',
          OAuthMetadata: JSON.stringify({
            AllowedOAuthFlows: ['implicit'],
            AllowedOAuthScopes: ['openid'],
            CallbackURLs: ['myapp://'],
            LogoutURLs: ['myapp://'],
          }),
        },
        frontendAuthConfig: {
          socialProviders: [],
          usernameAttributes: [],
          signupAttributes: [],
          passwordProtectionSettings: { passwordPolicyMinLength: 8, passwordPolicyCharacters: [] },
          mfaConfiguration: 'ON',
          mfaTypes: ['TOTP'],
          verificationMechanisms: ['EMAIL'],
        },
      },
    },
  }),
  'GraphQL API, REST APIs, storage, DynamoDB, hosting': meta('ap-northeast-1', {
    auth: {
      pool: {
        service: 'Cognito',
        lastPushTimeStamp: PUSHED,
        output: {
          UserPoolId: 'ap-northeast-1_Gen1Pool3',
          AppClientIDWeb: 'webclient000000000000000003',
          AppClientID: 'nativeclient00000000000003',
          IdentityPoolId: 'ap-northeast-1:aaaaaaaa-0000-0000-0000-000000000003',
        },
      },
    },
    api: {
      shop: {
        service: 'AppSync',
        lastPushTimeStamp: PUSHED,
        output: {
          GraphQLAPIEndpointOutput: 'https://shopapi0000000000000000000.appsync-api.ap-northeast-1.amazonaws.com/graphql',
          GraphQLAPIKeyOutput: 'da2-generatorkey000000000000',
          authConfig: {
            defaultAuthentication: { authenticationType: 'AMAZON_COGNITO_USER_POOLS' },
            additionalAuthenticationProviders: [{ authenticationType: 'API_KEY' }],
          },
        },
      },
      orders: {
        service: 'API Gateway',
        lastPushTimeStamp: PUSHED,
        output: { ApiName: 'orders', RootUrl: 'https://orders00000.execute-api.ap-northeast-1.amazonaws.com/dev' },
      },
      admin: {
        service: 'API Gateway',
        lastPushTimeStamp: PUSHED,
        output: { ApiName: 'AdminQueries', RootUrl: 'https://admin000000.execute-api.ap-northeast-1.amazonaws.com/dev' },
      },
      notPushed: { service: 'API Gateway', output: { ApiName: 'draft', RootUrl: 'https://draft000000.execute-api.ap-northeast-1.amazonaws.com/dev' } },
    },
    storage: {
      media: { service: 'S3', lastPushTimeStamp: PUSHED, output: { BucketName: 'media-bucket-dev', Region: 'ap-northeast-1' } },
      table: {
        service: 'DynamoDB',
        lastPushTimeStamp: PUSHED,
        output: { Name: 'table-dev', Region: 'ap-northeast-1', Arn: 'arn:aws:dynamodb:ap-northeast-1:000000000000:table/table-dev' },
      },
    },
    hosting: {
      S3AndCloudFront: {
        service: 'S3AndCloudFront',
        lastPushTimeStamp: PUSHED,
        output: { HostingBucketName: 'site-dev', Region: 'ap-northeast-1', CloudFrontSecureURL: 'https://d0000000000.cloudfront.net' },
      },
    },
  }),
  'API with the older securityType field and a Lambda default mode': meta('us-west-2', {
    api: {
      legacy: {
        service: 'AppSync',
        lastPushTimeStamp: PUSHED,
        output: { GraphQLAPIEndpointOutput: 'https://legacyapi000000000000000000.appsync-api.us-west-2.amazonaws.com/graphql', securityType: 'AWS_LAMBDA' },
      },
    },
  }),
  'analytics, notifications on every channel, geo': meta('us-east-2', {
    auth: {
      geoAuth: {
        service: 'Cognito',
        lastPushTimeStamp: PUSHED,
        output: {
          UserPoolId: 'us-east-2_Gen1Pool5',
          AppClientIDWeb: 'webclient000000000000000005',
          AppClientID: 'nativeclient00000000000005',
          IdentityPoolId: 'us-east-2:aaaaaaaa-0000-0000-0000-000000000005',
        },
      },
    },
    analytics: {
      app: { service: 'Pinpoint', lastPushTimeStamp: PUSHED, output: { Id: 'pinpoint00000000000000000000000a', Region: 'us-east-1', appName: 'app-dev' } },
    },
    notifications: {
      app: {
        service: 'Pinpoint',
        output: {
          Id: 'pinpoint00000000000000000000000b',
          Region: 'us-east-1',
          InAppMessaging: { Enabled: true, ApplicationId: 'pinpoint00000000000000000000000b' },
          APNS: { Enabled: true, ApplicationId: 'pinpoint00000000000000000000000b' },
          Email: { Enabled: true, ApplicationId: 'pinpoint00000000000000000000000b' },
          SMS: { Enabled: true, ApplicationId: 'pinpoint00000000000000000000000b' },
        },
      },
    },
    geo: {
      map1: { service: 'Map', isDefault: true, lastPushTimeStamp: PUSHED, output: { Name: 'map1-dev', Style: 'VectorEsriStreets', Region: 'us-east-2' } },
      map2: { service: 'Map', isDefault: false, lastPushTimeStamp: PUSHED, output: { Name: 'map2-dev', Style: 'VectorHereExplore', Region: 'us-east-2' } },
      index1: { service: 'PlaceIndex', isDefault: true, lastPushTimeStamp: PUSHED, output: { Name: 'index1-dev', Region: 'us-east-2' } },
      fences: { service: 'GeofenceCollection', isDefault: true, lastPushTimeStamp: PUSHED, output: { Name: 'fences-dev', Region: 'us-east-2' } },
    },
  }),
  'predictions, Lex, identity pool only': meta('us-east-1', {
    auth: { guests: { service: 'Cognito', lastPushTimeStamp: PUSHED, output: { IdentityPoolId: 'us-east-1:aaaaaaaa-0000-0000-0000-000000000006' } } },
    predictions: {
      speech: {
        service: 'Polly',
        convertType: 'speechGenerator',
        lastPushTimeStamp: PUSHED,
        output: { region: 'us-east-1', voice: 'Matthew', language: 'en-US' },
      },
      labels: { service: 'Rekognition', identifyType: 'identifyLabels', lastPushTimeStamp: PUSHED, output: { region: 'us-east-1', type: 'LABELS' } },
      sentiment: { service: 'Comprehend', interpretType: 'interpretText', lastPushTimeStamp: PUSHED, output: { region: 'us-east-1', type: 'ALL' } },
      model: { service: 'SageMaker', inferType: 'inferModel', lastPushTimeStamp: PUSHED, output: { region: 'us-east-1', endpointName: 'model-endpoint' } },
    },
    interactions: { bot: { service: 'Lex', lastPushTimeStamp: PUSHED, output: { BotName: 'OrderBot_dev', Region: 'us-east-1' } } },
  }),
};
