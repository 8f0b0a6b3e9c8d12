import type { PlatformText } from '../../diagnostics/platform-text.js';
import { joinPointer } from '../../source/json-pointer.js';
import { defineKey, isPlainObject } from '../../mapping/output-tree.js';
import { DROP_REASONS } from '../drop-reasons.js';
import { ENTRY_KEYS, entryName, isEntryOfType } from '../support/api-plugin-entries.js';
import { projectRegion } from '../support/meta-resources.js';
import { describeValue, invalid, reportUnknownKeys } from '../support/report-value.js';
import type { Transform } from '../transform-context.js';

/** Transforms for custom.API: REST APIs, by the documented Gen2 convention. */

/**
 * `aws_cloud_logic_custom: [{ name, endpoint, region, service? }]` becomes
 * `custom.API: { <name>: { endpoint, region, apiName, service? } }`, the shape Gen2 backends write with
 * `backend.addOutput` and that `Amplify.configure({ ...outputs, API: { REST: outputs.custom.API } })` reads.
 */
export const restApis: Transform = (value, ctx) => {
  if (!Array.isArray(value)) return invalid(ctx, 'a list of REST APIs', value);
  const apis: Record<string, Record<string, string>> = {};
  const projectRegion = ctx.lookup(String(ctx.options['regionFallback'] ?? ''));
  value.forEach((api, index) => {
    const pointer = joinPointer(ctx.pointer, index);
    if (api === undefined) return;
    if (!isPlainObject(api) || typeof api['name'] !== 'string' || typeof api['endpoint'] !== 'string' || api['name'] === '' || api['endpoint'] === '') {
      invalid(ctx, 'an API entry with a "name" and an "endpoint"', api, pointer);
      return;
    }
    reportUnknownKeys(ctx, api, ['name', 'endpoint', 'region', 'service', 'id', 'description', 'paths'], pointer);
    for (const key of ['id', 'description', 'paths']) {
      if (key in api) ctx.drop(joinPointer(pointer, key), DROP_REASONS.mobileHubApiDetails);
    }
    const entry: Record<string, string> = { endpoint: api['endpoint'] };
    const region = typeof api['region'] === 'string' && api['region'] !== '' ? api['region'] : typeof projectRegion === 'string' ? projectRegion : undefined;
    if (region) entry['region'] = region;
    entry['apiName'] = api['name'];
    if (typeof api['service'] === 'string') entry['service'] = api['service'];
    if (Object.hasOwn(apis, api['name'])) {
      ctx.report('CONFLICTING_VALUES', {
        pointer,
        message: `A second REST API is named "${api['name']}"; the first one is kept.`,
        resolution: 'Give each REST API its own name.',
      });
      return;
    }
    defineKey(apis, api['name'], entry);
  });
  return Object.keys(apis).length > 0 ? apis : undefined;
};

/** How a REST request carries the user pool token, in each platform's library. */
const USER_POOL_TOKEN: PlatformText = {
  web: 'Pass the user pool token yourself: headers: { Authorization: (await fetchAuthSession()).tokens?.idToken?.toString() }.',
  ios: 'Pass the user pool token yourself: the Authorization header holds the ID token of (try await Amplify.Auth.fetchAuthSession() as? AuthCognitoTokensProvider)?.getCognitoTokens().get().idToken.',
  android:
    'Pass the user pool token yourself: the Authorization header holds the ID token of (Amplify.Auth.fetchAuthSession() as AWSCognitoAuthSession).userPoolTokensResult.value?.idToken.',
  flutter:
    "Write 'authorization_type': 'AMAZON_COGNITO_USER_POOLS' in the API's rest_api entry (see REST_API_IN_CUSTOM); amplify_flutter then sends the user pool token.",
};

/** How a REST request is signed with the identity pool credentials, in each platform's library. */
const IAM_SIGNING: PlatformText = {
  web: 'No action is needed for IAM: amplify-js signs REST requests with the identity pool credentials.',
  ios: 'Sign the requests yourself (Signature Version 4) with the identity pool credentials of Amplify.Auth.fetchAuthSession() (AuthAWSCredentialsProvider).',
  android:
    'Sign the requests yourself (Signature Version 4) with the identity pool credentials of (Amplify.Auth.fetchAuthSession() as AWSCognitoAuthSession).awsCredentialsResult.',
  flutter:
    "Write 'authorization_type': 'AWS_IAM' in the API's rest_api entry (see REST_API_IN_CUSTOM); amplify_flutter then signs the requests with the identity pool credentials.",
};

/** Any other authorization: amplify-js signs with IAM unless told otherwise; the native libraries are told in code. */
const OTHER_AUTHORIZATION: PlatformText = {
  web: IAM_SIGNING.web,
  ios: 'Authorize the requests in code as the API expects (an x-api-key header for an API key).',
  android: 'Authorize the requests in code as the API expects (an x-api-key header for an API key).',
  flutter: 'Authorize the requests in code as the API expects (an x-api-key header for an API key).',
};

/** A REST entry becomes `custom.API.<name>` by the documented Gen2 convention. */
export const restApi: Transform = (value, ctx) => {
  if (!isEntryOfType(value, 'REST')) return undefined;
  const name = entryName(ctx);
  reportUnknownKeys(ctx, value, ENTRY_KEYS);
  ctx.drop(joinPointer(ctx.pointer, 'endpointType'), DROP_REASONS.endpointType);
  if (typeof value['endpoint'] !== 'string' || value['endpoint'] === '')
    return invalid(ctx, 'an endpoint URL', value['endpoint'], joinPointer(ctx.pointer, 'endpoint'));
  const entry: Record<string, string> = { endpoint: value['endpoint'] };
  if (typeof value['region'] === 'string' && value['region'] !== '') entry['region'] = value['region'];
  entry['apiName'] = name;
  if ('authorizationType' in value) {
    ctx.report('REST_AUTHORIZATION', {
      pointer: joinPointer(ctx.pointer, 'authorizationType'),
      message: `The REST API "${name}" is authorized with ${describeValue(value['authorizationType'])}; custom.API has no field for it.`,
      resolution:
        value['authorizationType'] === 'AMAZON_COGNITO_USER_POOLS'
          ? USER_POOL_TOKEN
          : value['authorizationType'] === 'AWS_IAM'
            ? IAM_SIGNING
            : OTHER_AUTHORIZATION,
    });
  }
  if ('apiKey' in value)
    ctx.report('REST_AUTHORIZATION', {
      pointer: joinPointer(ctx.pointer, 'apiKey'),
      message: `The REST API "${name}" has an API key; custom.API has no field for it.`,
      resolution: 'Send the key as an x-api-key header in code.',
    });
  const api: Record<string, Record<string, string>> = {};
  defineKey(api, name, entry);
  return api;
};

/** An API Gateway or ElasticContainer REST API: `custom.API.<ApiName>`. */
export const metaRestApi: Transform = (value, ctx) => {
  const output = isPlainObject(value) ? value['output'] : undefined;
  if (!isPlainObject(output) || typeof output['ApiName'] !== 'string' || typeof output['RootUrl'] !== 'string') {
    return invalid(ctx, 'a REST API with ApiName and RootUrl outputs', value);
  }
  for (const key of Object.keys(output)) {
    if (key !== 'ApiName' && key !== 'RootUrl') ctx.drop(joinPointer(joinPointer(ctx.pointer, 'output'), key), DROP_REASONS.deploymentOutput);
  }
  const entry: Record<string, string> = { endpoint: output['RootUrl'] };
  const region = projectRegion(ctx);
  if (region) entry['region'] = region;
  entry['apiName'] = output['ApiName'];
  const api: Record<string, unknown> = {};
  defineKey(api, output['ApiName'], entry);
  return api;
};
