import * as apiPlugin from './api-plugin-transforms.js';
import * as auth from './auth-transforms.js';
import * as custom from './custom-transforms.js';
import * as data from './data-transforms.js';
import * as geo from './geo-transforms.js';
import * as meta from './meta-transforms.js';
import * as notifications from './notification-transforms.js';
import type { Transform } from './transform-context.js';
import * as values from './value-transforms.js';

/** The named transforms a mapping row may use (`"transform": "<name>"`). */
export const TRANSFORMS: Readonly<Record<string, Transform>> = Object.freeze({
  copy: values.copy,
  jsonObject: values.jsonObject,
  string: values.string,
  constant: values.constant,
  region: values.region,
  regionFromPoolId: values.regionFromPoolId,
  booleanValue: values.booleanValue,
  negatedBoolean: values.negatedBoolean,
  mandatorySignIn: values.mandatorySignIn,
  splitList: values.splitList,
  stringList: values.stringList,
  standardAttributes: auth.standardAttributes,
  verificationTypes: auth.verificationTypes,
  verificationAsRequired: auth.verificationAsRequired,
  usernameAttributes: auth.usernameAttributes,
  mfaConfiguration: auth.mfaConfiguration,
  mfaMethods: auth.mfaMethods,
  passwordMinLength: auth.passwordMinLength,
  passwordCharacters: auth.passwordCharacters,
  socialProviders: auth.socialProviders,
  responseType: auth.responseType,
  oauthClientId: auth.oauthClientId,
  appsyncAuthType: data.appsyncAuthType,
  additionalAuthTypes: data.additionalAuthTypes,
  geoMaps: geo.geoMaps,
  geoIndex: geo.geoIndex,
  restApis: custom.restApis,
  predictions: custom.predictions,
  pushChannels: notifications.pushChannels,
  authenticationFlow: auth.authenticationFlow,
  oauthDomain: auth.oauthDomain,
  appsyncModeBlock: data.appsyncModeBlock,
  appsyncDefaultBlock: data.appsyncDefaultBlock,
  graphqlApi: apiPlugin.graphqlApi,
  restApi: apiPlugin.restApi,
  hostedUIDomain: meta.hostedUIDomain,
  oauthMetadata: meta.oauthMetadata,
  guestAccessFromProject: meta.guestAccessFromProject,
  userPoolGroups: meta.userPoolGroups,
  metaAdditionalModes: meta.metaAdditionalModes,
  metaRestApi: meta.metaRestApi,
  metaBuckets: meta.metaBuckets,
  metaChannel: meta.metaChannel,
  metaGeoResource: meta.metaGeoResource,
  metaPrediction: meta.metaPrediction,
  environmentNote: meta.environmentNote,
});

export type TransformName = keyof typeof TRANSFORMS;
