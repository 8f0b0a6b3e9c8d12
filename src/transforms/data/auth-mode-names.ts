import { describeValue, invalid } from '../support/report-value.js';
import type { Transform } from '../transform-context.js';

/** The names amplify-js v6 gives the GraphQL authorization modes, and the amplify_outputs.json name of each. */
const MODE_NAMES: Record<string, string> = {
  apiKey: 'API_KEY',
  iam: 'AWS_IAM',
  identityPool: 'AWS_IAM',
  userPool: 'AMAZON_COGNITO_USER_POOLS',
  oidc: 'OPENID_CONNECT',
  lambda: 'AWS_LAMBDA',
};

/**
 * amplify-js v6 `defaultAuthMode` (`apiKey`, `userPool`, `iam`, `oidc`, `lambda`) becomes the amplify_outputs.json
 * mode. `identityPool` signs with the identity pool's credentials, which is AWS_IAM; `none` has no counterpart.
 */
export const graphqlAuthModeName: Transform = (value, ctx) => {
  if (value === 'identityPool') {
    ctx.note('VALUE_NORMALIZED', {
      message: 'The mode "identityPool" signs requests with the identity pool credentials: it is written as AWS_IAM, which amplify-js reads back as "iam".',
      target: ctx.target,
    });
  }
  if (typeof value === 'string' && Object.hasOwn(MODE_NAMES, value)) return MODE_NAMES[value];
  if (value === 'none') {
    ctx.report('INVALID_VALUE', {
      message: `The GraphQL authorization mode ${describeValue(value)} (no authorization) has no counterpart in amplify_outputs.json.`,
      resolution: "Set data.default_authorization_type to the mode the API accepts, and pass authMode: 'none' to the requests that need it.",
      target: ctx.target,
    });
    return undefined;
  }
  return invalid(ctx, `one of ${Object.keys(MODE_NAMES).join(', ')}`, value);
};
