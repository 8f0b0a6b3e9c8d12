import { isPlainObject } from '../mapping/output-tree.js';

/** The hand-written formats, told apart by the shape of their object. */
export type HandWrittenFormat = 'amplify-js-v5' | 'amplify-js-v5-auth' | 'amplify-js-v6';

/** amplify-js v6 ResourcesConfig: the provider blocks below each category. */
const V6_BLOCKS: Record<string, readonly string[]> = {
  Auth: ['Cognito'],
  API: ['GraphQL', 'REST', 'Events'],
  Storage: ['S3'],
  Analytics: ['Pinpoint', 'Kinesis', 'KinesisFirehose', 'Personalize'],
  Geo: ['LocationService'],
  Notifications: ['PushNotification'],
  Interactions: ['LexV1', 'LexV2'],
};

/** amplify-js v5: the fields or provider blocks below each category. */
const V5_BLOCKS: Record<string, readonly string[]> = {
  Auth: ['userPoolId', 'userPoolWebClientId', 'identityPoolId', 'region', 'oauth', 'mandatorySignIn', 'authenticationFlowType', 'cookieStorage'],
  API: ['endpoints', 'graphql_endpoint', 'graphql_region', 'aws_appsync_graphqlEndpoint'],
  Storage: ['AWSS3', 'bucket'],
  Analytics: ['AWSPinpoint', 'AWSKinesis', 'AWSKinesisFirehose', 'AmazonPersonalize', 'disabled', 'autoSessionRecord'],
  Geo: ['AmazonLocationService'],
  Interactions: ['bots'],
  PushNotification: ['appId'],
};

/** The fields of a bare v5 Auth object (what Auth.configure took). */
const V5_AUTH_FIELDS = ['userPoolId', 'userPoolWebClientId', 'identityPoolId'];

/**
 * Whether a configuration object is one written by hand for amplify-js rather than by the Gen1 CLI, and in which
 * shape. A file with any top-level aws_* key is the CLI's (perhaps edited by hand, and read by its table); the others
 * are told by their category blocks. The object needs its first two levels only.
 */
export function detectHandWritten(object: Record<string, unknown>): { format: HandWrittenFormat; reason: string } | undefined {
  const keys = Object.keys(object);
  if (keys.some((key) => key.startsWith('aws_'))) return undefined;
  const found = (blocks: Record<string, readonly string[]>): string | undefined => {
    for (const [category, names] of Object.entries(blocks)) {
      const block = object[category];
      const name = isPlainObject(block) ? names.find((candidate) => Object.hasOwn(block, candidate)) : undefined;
      if (name) return `${category}.${name}`;
    }
    return undefined;
  };
  const v6 = found(V6_BLOCKS);
  if (v6) return { format: 'amplify-js-v6', reason: `an amplify-js v6 configuration (${v6})` };
  const v5 = found(V5_BLOCKS);
  if (v5) return { format: 'amplify-js-v5', reason: `an amplify-js v5 configuration (${v5})` };
  const auth = V5_AUTH_FIELDS.find((field) => Object.hasOwn(object, field));
  if (auth) return { format: 'amplify-js-v5-auth', reason: `amplify-js v5 Auth settings (${auth})` };
  return undefined;
}
