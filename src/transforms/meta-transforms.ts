import { formatPointer, joinPointer, parsePointer } from '../source/json-pointer.js';
import { defineKey, isPlainObject } from '../mapping/output-tree.js';
import { DROP_REASONS } from './drop-reasons.js';
import type { Transform, TransformContext } from './transform-context.js';
import { describeValue, invalid } from './value-transforms.js';

/** Transforms for amplify-meta.json resources (field-map.md section 7). */

/** The name of the resource a pointer is in (its second token: /<category>/<resource>/...). */
function resourceName(pointer: string): string {
  return parsePointer(pointer)[1] ?? '';
}

function projectRegion(ctx: TransformContext): string | undefined {
  const region = ctx.lookup('/providers/awscloudformation/Region');
  return typeof region === 'string' ? region : undefined;
}

/** `HostedUIDomain` is only the prefix: the domain is `<prefix>.auth.<region>.amazoncognito.com`. */
export const hostedUIDomain: Transform = (value, ctx) => {
  if (typeof value !== 'string' || value.trim() === '') return invalid(ctx, 'a domain prefix', value);
  if (value.includes('.')) return value.trim();
  const region = projectRegion(ctx);
  if (!region) return invalid(ctx, 'a project region to build the Hosted UI domain with', value);
  return `${value.trim()}.auth.${region}.amazoncognito.com`;
};

/** `OAuthMetadata` is a JSON string: scopes, callback and logout URL lists, and the OAuth flows. */
export const oauthMetadata: Transform = (value, ctx) => {
  let metadata: unknown;
  try {
    metadata = typeof value === 'string' ? JSON.parse(value) : value;
  } catch {
    return invalid(ctx, 'a JSON string', value);
  }
  if (!isPlainObject(metadata)) return invalid(ctx, 'a JSON object', value);
  const result: Record<string, unknown> = {};
  const list = (key: string): string[] | undefined => {
    const items = metadata[key];
    return Array.isArray(items) ? [...new Set(items.filter((item): item is string => typeof item === 'string' && item.trim() !== ''))] : undefined;
  };
  const scopes = list('AllowedOAuthScopes');
  if (scopes) result['scopes'] = scopes;
  const signIn = list('CallbackURLs');
  if (signIn?.length) result['redirect_sign_in_uri'] = signIn;
  const signOut = list('LogoutURLs');
  if (signOut?.length) result['redirect_sign_out_uri'] = signOut;
  const flows = list('AllowedOAuthFlows') ?? [];
  // The CLI takes the first flow, and writes the implicit grant as "token".
  if (flows[0] === 'implicit') result['response_type'] = 'token';
  else if (flows[0] === 'code') result['response_type'] = 'code';
  return result;
};

/**
 * Guest access from the project folder (cli-inputs.json or parameters.json of the auth resource), which
 * amplify-meta.json lacks. Without those files nothing is written, and the fallback row assumes guest access.
 */
export const guestAccessFromProject: Transform = (_value, ctx) => {
  const files = ctx.settings.projectFiles ?? {};
  const name = resourceName(ctx.pointer);
  for (const file of [`amplify/backend/auth/${name}/cli-inputs.json`, `amplify/backend/auth/${name}/parameters.json`]) {
    const text = files[file];
    if (text === undefined) continue;
    try {
      const parsed = JSON.parse(text) as Record<string, unknown>;
      const config = isPlainObject(parsed['cognitoConfig']) ? parsed['cognitoConfig'] : parsed;
      const allowed = config['allowUnauthenticatedIdentities'];
      if (typeof allowed === 'boolean') return allowed;
      if (allowed === 'true' || allowed === 'false') return allowed === 'true';
    } catch {
      ctx.note('INVALID_VALUE', { message: `${file} is not valid JSON; guest access is taken as allowed.`, resolution: 'Fix the file.', target: ctx.target });
    }
  }
  return undefined;
};

/** `Cognito-UserPool-Groups` outputs are `<Group>GroupRole` ARNs; precedence comes from the project folder. */
export const userPoolGroups: Transform = (value, ctx) => {
  const output = isPlainObject(value) ? value['output'] : undefined;
  if (!isPlainObject(output)) return invalid(ctx, 'a resource with outputs', value);
  const names = Object.keys(output).filter((key) => key.endsWith('GroupRole')).map((key) => key.slice(0, -'GroupRole'.length));
  for (const key of Object.keys(output)) {
    if (!key.endsWith('GroupRole')) ctx.drop(joinPointer(joinPointer(ctx.pointer, 'output'), key), DROP_REASONS.deploymentOutput);
  }
  if (names.length === 0) return undefined;
  const precedence = readPrecedence(ctx);
  if (!precedence) {
    ctx.note('GROUP_PRECEDENCE_UNKNOWN', {
      resolution: 'Convert the project folder (convert path/to/project) so that the precedence file is read, or add "precedence" to each group in amplify_outputs.json.',
      target: ctx.target,
    });
  }
  return names.map((name) => {
    const group: Record<string, unknown> = {};
    const rank = precedence?.get(name);
    defineKey(group, name, rank === undefined ? {} : { precedence: rank });
    return group;
  });
};

function readPrecedence(ctx: TransformContext): Map<string, number> | undefined {
  const text = ctx.settings.projectFiles?.['amplify/backend/auth/userPoolGroups/user-pool-group-precedence.json'];
  if (text === undefined) return undefined;
  try {
    const list = JSON.parse(text) as unknown;
    if (!Array.isArray(list)) return undefined;
    const ranks = new Map<string, number>();
    for (const entry of list) {
      if (isPlainObject(entry) && typeof entry['groupName'] === 'string' && typeof entry['precedence'] === 'number') ranks.set(entry['groupName'], entry['precedence']);
    }
    return ranks;
  } catch {
    return undefined;
  }
}

/** `authConfig.additionalAuthenticationProviders[].authenticationType`, without the default mode. */
export const metaAdditionalModes: Transform = (value, ctx) => {
  // Older CLIs record null for "no additional modes".
  if (value === null) return [];
  if (!Array.isArray(value)) return invalid(ctx, 'a list of authentication providers', value);
  const main = ctx.lookup(`${formatPointer(parsePointer(ctx.pointer).slice(0, 3))}/authConfig/defaultAuthentication/authenticationType`);
  const modes: string[] = [];
  value.forEach((provider, index) => {
    const type = isPlainObject(provider) ? provider['authenticationType'] : undefined;
    const mode = type === 'LAMBDA' ? 'AWS_LAMBDA' : type;
    if (typeof mode !== 'string' || !['API_KEY', 'AWS_IAM', 'AMAZON_COGNITO_USER_POOLS', 'OPENID_CONNECT', 'AWS_LAMBDA'].includes(mode)) {
      invalid(ctx, 'a GraphQL authorization type', type, joinPointer(joinPointer(ctx.pointer, index), 'authenticationType'));
      return;
    }
    for (const key of Object.keys(provider as object)) {
      if (key !== 'authenticationType') ctx.drop(joinPointer(joinPointer(ctx.pointer, index), key), DROP_REASONS.serverAuthSettings);
    }
    if (mode !== main && !modes.includes(mode)) modes.push(mode);
  });
  return modes;
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

/** Every pushed S3 bucket, as `storage.buckets` (version 1.1), when there is more than one. */
export const metaBuckets: Transform = (value, ctx) => {
  const deployedBuckets = ctx.once('deployed S3 buckets', () => {
    const storage = ctx.lookup('/storage');
    return isPlainObject(storage)
      ? Object.values(storage).filter((resource) => isPlainObject(resource) && resource['service'] === 'S3' && isPlainObject(resource['output']) && resource['lastPushTimeStamp'] !== undefined).length
      : 0;
  });
  if (deployedBuckets < 2) return undefined;
  const output = isPlainObject(value) ? value['output'] : undefined;
  if (!isPlainObject(output) || typeof output['BucketName'] !== 'string') return invalid(ctx, 'a bucket with a BucketName output', value);
  const region = typeof output['Region'] === 'string' ? output['Region'] : projectRegion(ctx);
  if (!region) return invalid(ctx, 'a bucket region', output['Region']);
  return [{ name: resourceName(ctx.pointer), bucket_name: output['BucketName'], aws_region: region }];
};

const CHANNELS: Record<string, string> = { APNS: 'APNS', FCM: 'FCM', InAppMessaging: 'IN_APP_MESSAGING', Email: 'EMAIL', EMAIL: 'EMAIL', SMS: 'SMS' };

/** A notification channel that is enabled: `APNS`, `FCM`, `InAppMessaging`, `Email` or `SMS`. */
export const metaChannel: Transform = (value, ctx) => {
  const name = parsePointer(ctx.pointer).pop() ?? '';
  const channel = CHANNELS[name];
  if (!channel || !isPlainObject(value)) return undefined;
  if (value['Enabled'] !== true) {
    ctx.drop(ctx.pointer, DROP_REASONS.disabledChannel);
    return undefined;
  }
  return [channel];
};

/** Map, PlaceIndex and GeofenceCollection resources, gathered into geo.maps, search_indices and geofence_collections. */
export const metaGeoResource: Transform = (value, ctx) => {
  const output = isPlainObject(value) ? value['output'] : undefined;
  if (!isPlainObject(value) || !isPlainObject(output) || typeof output['Name'] !== 'string') return invalid(ctx, 'a geo resource with a Name output', value);
  const service = value['service'];
  const name = output['Name'];
  for (const key of Object.keys(output)) {
    if (!['Name', 'Style', 'Region'].includes(key)) ctx.drop(joinPointer(joinPointer(ctx.pointer, 'output'), key), DROP_REASONS.deploymentOutput);
  }
  // Resources of the same kind that are carried: deployed, as the table's NEVER_PUSHED rows require (a time stamp
  // and outputs), and named, as this transform requires. Worked out once for all the resources of a kind.
  const { flagged, first } = ctx.once(`carried geo resources: ${String(service)}`, () => {
    const geo = ctx.lookup('/geo');
    const carried = (resource: unknown): boolean =>
      isPlainObject(resource) && resource['service'] === service && resource['lastPushTimeStamp'] !== undefined && isPlainObject(resource['output']) && typeof resource['output']['Name'] === 'string';
    const siblings = isPlainObject(geo) ? Object.values(geo).filter(carried) : [];
    return { flagged: siblings.some((resource) => (resource as Record<string, unknown>)['isDefault'] === true), first: siblings[0] as Record<string, unknown> | undefined };
  });
  const isDefault = value['isDefault'] === true || (!flagged && first !== undefined && (first['output'] as Record<string, unknown>)['Name'] === name);
  if (!flagged && isDefault) {
    ctx.note('DEFAULT_APPLIED', { message: `No ${String(service)} resource is marked as the default; "${name}", the first, was made the default.`, target: ctx.target });
  }
  if (service === 'Map') {
    const items: Record<string, unknown> = {};
    defineKey(items, name, typeof output['Style'] === 'string' ? { style: output['Style'] } : {});
    return { maps: { items, ...(isDefault ? { default: name } : {}) } };
  }
  const key = service === 'PlaceIndex' ? 'search_indices' : 'geofence_collections';
  return { [key]: { items: [name], ...(isDefault ? { default: name } : {}) } };
};

/**
 * Predictions resources, in the shape the Gen1 web generator gives them (and amplify-js v6 reads), for
 * `custom.Predictions`.
 */
export const metaPrediction: Transform = (value, ctx) => {
  if (!isPlainObject(value) || !isPlainObject(value['output'])) return invalid(ctx, 'a predictions resource with outputs', value);
  const output = value['output'];
  const region = output['region'];
  const text = (key: string): unknown => output[key];
  const outputPointer = joinPointer(ctx.pointer, 'output');
  const used = (...keys: string[]): void => {
    for (const key of Object.keys(output)) if (!keys.includes(key)) ctx.drop(joinPointer(outputPointer, key), DROP_REASONS.deploymentOutput);
  };
  switch (value['service']) {
    case 'Translate':
      used('region', 'sourceLang', 'targetLang');
      return { convert: { translateText: { region, proxy: false, defaults: { sourceLanguage: text('sourceLang'), targetLanguage: text('targetLang') } } } };
    case 'Polly':
      used('region', 'voice', 'language');
      return { convert: { speechGenerator: { region, proxy: false, defaults: { voiceId: text('voice') } } } };
    case 'Transcribe':
      used('region', 'language');
      return { convert: { transcription: { region, proxy: false, defaults: { language: text('language') } } } };
    case 'Rekognition':
    case 'RekognitionAndTextract': {
      const type = value['identifyType'];
      if (type === 'identifyText') {
        used('region', 'format');
        return { identify: { identifyText: { proxy: false, region, defaults: { format: text('format') } } } };
      }
      if (type === 'identifyEntities') {
        used('region', 'celebrityDetectionEnabled', 'collectionId', 'maxEntities');
        const entities: Record<string, unknown> = { proxy: false, region, celebrityDetectionEnabled: Boolean(text('celebrityDetectionEnabled')) };
        const maxEntities = text('maxEntities');
        if (text('collectionId')) {
          entities['defaults'] = { collectionId: text('collectionId'), maxEntities: typeof maxEntities === 'number' || typeof maxEntities === 'string' ? Number.parseInt(String(maxEntities), 10) : undefined };
        }
        return { identify: { identifyEntities: entities } };
      }
      used('region', 'type');
      return { identify: { identifyLabels: { proxy: false, region, defaults: { type: text('type') } } } };
    }
    case 'Comprehend':
      used('region', 'type');
      return { interpret: { interpretText: { region, proxy: false, defaults: { type: text('type') } } } };
    case 'SageMaker':
      used('region', 'endpointName');
      return { infer: { inferModel: { region, proxy: false, endpoint: text('endpointName') } } };
    default:
      ctx.report('UNKNOWN_FIELD', {
        message: value['service'] === undefined ? 'The predictions resource names no service, so the converter cannot tell what it is.' : `The predictions service ${describeValue(value['service'])} is not one the converter knows.`,
        resolution: 'Configure it in code.',
      });
      return undefined;
  }
};

/**
 * The stack name says which environment amplify-meta.json belongs to; with team-provider-info.json from the
 * project folder, the environments are named in a notice. Never writes.
 */
export const environmentNote: Transform = (value, ctx) => {
  ctx.drop(ctx.pointer, DROP_REASONS.deploymentMetadata);
  const text = ctx.settings.projectFiles?.['amplify/team-provider-info.json'];
  if (text === undefined || typeof value !== 'string') return undefined;
  try {
    const environments = JSON.parse(text) as Record<string, { awscloudformation?: { StackName?: string } }>;
    const names = Object.keys(environments);
    const current = names.find((name) => environments[name]?.awscloudformation?.StackName === value);
    if (names.length > 1) {
      ctx.note('ENVIRONMENT_NOTE', {
        message: current
          ? `The project has the environments ${names.join(', ')}; amplify-meta.json (stack ${value}) belongs to "${current}", and so does the converted file.`
          : `The project has the environments ${names.join(', ')}; none of them has the stack ${value} of amplify-meta.json, which may be stale.`,
        resolution: current ? 'Run `amplify env checkout <env>` and convert again for another environment.' : 'Run `amplify pull` for the environment you want, then convert again.',
      });
    }
  } catch {
    ctx.note('ENVIRONMENT_NOTE', { message: 'amplify/team-provider-info.json is not valid JSON; the environment is not named.', resolution: 'Fix the file.' });
  }
  return undefined;
};
