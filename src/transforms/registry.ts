import { authenticationFlow, mandatorySignIn, mfaConfiguration, mfaMethods, passwordCharacters, passwordMinLength, regionFromPoolId } from './auth/sign-in.js';
import { loginMechanisms, standardAttributes, usernameAttributes, verificationAsRequired, verificationTypes } from './auth/attributes.js';
import { hostedUIDomain, loginMechanismProviders, oauthClientId, oauthDomain, oauthMetadata, responseType, socialProviders } from './auth/oauth.js';
import { guestAccessFromProject, userPoolGroups } from './auth/project-files.js';
import { environmentNote } from './custom/environment.js';
import { hostingFields, pluginCategory, pluginFields } from './custom/field-groups.js';
import { metaPrediction, predictions } from './custom/predictions.js';
import { metaRestApi, restApi, restApis } from './custom/rest-apis.js';
import { appsyncDefaultBlock, appsyncModeApiKey, appsyncModeBlock, graphqlApi } from './data/api.js';
import { graphqlUrl } from './data/local-endpoint.js';
import { additionalAuthTypes, appsyncAuthType, metaAdditionalModes } from './data/auth-modes.js';
import { booleanValue, constant, copy, jsonObject, negatedBoolean, region, splitList, string, stringList } from './general.js';
import { geoIndex, geoMaps, metaGeoResource } from './geo/resources.js';
import { metaChannel, pushChannels } from './notifications/channels.js';
import { metaBuckets } from './storage/buckets.js';
import { switchedOn } from './switches.js';
import { groupList } from './auth/group-list.js';
import { mfaMethod } from './auth/mfa-method.js';
import { requiredUserAttributes } from './auth/user-attributes.js';
import { graphqlAuthModeName } from './data/auth-mode-names.js';
import { bucketMap } from './storage/bucket-map.js';
import { restApiMap } from './custom/rest-api-map.js';
import { analyticsRegion } from './notifications/analytics-region.js';
import type { Transform } from './transform-context.js';

/**
 * The named transforms a mapping row may use (`"transform": "<name>"`), by the part of amplify_outputs.json they
 * write. A name is the key a table uses: renaming one means changing the tables in mappings/ too.
 */
export const TRANSFORMS = Object.freeze({
  // Any target.
  copy,
  jsonObject,
  string,
  constant,
  region,
  booleanValue,
  negatedBoolean,
  splitList,
  stringList,
  switchedOn,
  // auth
  regionFromPoolId,
  mandatorySignIn,
  guestAccessFromProject,
  standardAttributes,
  verificationTypes,
  verificationAsRequired,
  usernameAttributes,
  loginMechanisms,
  mfaConfiguration,
  mfaMethods,
  mfaMethod,
  passwordMinLength,
  passwordCharacters,
  authenticationFlow,
  userPoolGroups,
  groupList,
  requiredUserAttributes,
  // auth.oauth
  socialProviders,
  loginMechanismProviders,
  responseType,
  oauthClientId,
  oauthDomain,
  hostedUIDomain,
  oauthMetadata,
  // data
  graphqlUrl,
  appsyncAuthType,
  additionalAuthTypes,
  metaAdditionalModes,
  graphqlApi,
  appsyncModeBlock,
  appsyncModeApiKey,
  appsyncDefaultBlock,
  graphqlAuthModeName,
  // storage
  metaBuckets,
  bucketMap,
  // notifications
  pushChannels,
  analyticsRegion,
  metaChannel,
  // geo
  geoMaps,
  geoIndex,
  metaGeoResource,
  // custom
  restApis,
  restApi,
  metaRestApi,
  restApiMap,
  predictions,
  metaPrediction,
  environmentNote,
  hostingFields,
  pluginFields,
  pluginCategory,
} satisfies Record<string, Transform>);

export type TransformName = keyof typeof TRANSFORMS;

/** The transform of a map row that names none. */
export const DEFAULT_TRANSFORM: TransformName = 'copy';

/** Whether a name (read from a table) is one of the transforms; inherited properties such as "toString" are not. */
export function isTransformName(name: string): name is TransformName {
  return Object.hasOwn(TRANSFORMS, name);
}
