import { parseAmplifyOutputs, parseAWSExports } from '@aws-amplify/core/internals/utils';
import type { ConvertResult, DiagnosticCode } from '../../src/index.js';

/**
 * The yardstick: amplify-js's own parsers. parseAWSExports(gen1) and parseAmplifyOutputs(converted) must give
 * the same settings; every difference must be explained by a diagnostic of one of the codes listed for its path.
 */
const EXPLANATIONS: [prefix: string, codes: DiagnosticCode[]][] = [
  ['Auth.Cognito.allowGuestAccess', ['GUEST_ACCESS_ASSUMED']],
  ['Auth.Cognito.signUpVerificationMethod', ['LIBRARY_OPTION']],
  ['Auth.Cognito.loginWith.username', ['USERNAME_SIGN_IN', 'SIGN_IN_ATTRIBUTES_UNSTATED', 'OLDER_CLI_SIGN_IN_MECHANISMS']],
  ['Auth.Cognito.loginWith.email', ['SIGN_IN_ATTRIBUTES_UNSTATED', 'INVALID_VALUE', 'OLDER_CLI_SIGN_IN_MECHANISMS']],
  ['Auth.Cognito.loginWith.phone', ['SIGN_IN_ATTRIBUTES_UNSTATED', 'INVALID_VALUE', 'OLDER_CLI_SIGN_IN_MECHANISMS']],
  ['Auth.Cognito.loginWith.oauth.redirectSignIn', ['VALUE_NORMALIZED']],
  ['Auth.Cognito.loginWith.oauth.redirectSignOut', ['VALUE_NORMALIZED']],
  ['Auth.Cognito.loginWith.oauth.scopes', ['VALUE_NORMALIZED', 'INVALID_VALUE']],
  ['Auth.Cognito.loginWith.oauth.responseType', ['INVALID_VALUE', 'DEFAULT_APPLIED']],
  ['Auth.Cognito.loginWith.oauth.providers', ['UNSUPPORTED_PROVIDER', 'OLDER_CLI_SIGN_IN_MECHANISMS']],
  ['Auth.Cognito.loginWith.oauth', ['SECTION_INCOMPLETE', 'NON_LITERAL_VALUE']],
  ['Auth.Cognito.userAttributes', ['INVALID_VALUE', 'VERIFICATION_ATTRIBUTE_REQUIRED']],
  ['Auth.Cognito.passwordFormat.minLength', ['DEFAULT_APPLIED', 'INVALID_VALUE', 'VALUE_NORMALIZED']],
  ['Auth.Cognito.passwordFormat', ['INVALID_VALUE']],
  ['Auth.Cognito.mfa', ['INVALID_VALUE', 'VERSION_TOO_LOW']],
  ['Auth.Cognito.userPoolId', ['NESTED_BLOCK_USED', 'EMPTY_VALUE']],
  ['Auth.Cognito.userPoolClientId', ['NESTED_BLOCK_USED', 'EMPTY_VALUE']],
  ['Auth.Cognito.identityPoolId', ['NESTED_BLOCK_USED', 'EMPTY_VALUE']],
  ['Auth', ['AUTH_WITHOUT_USER_POOL', 'SECTION_INCOMPLETE', 'NESTED_BLOCK_USED']],
  ['API.GraphQL.region', ['REGION_FALLBACK']],
  ['API.GraphQL.defaultAuthMode', ['AUTH_MODE_FALLBACK']],
  ['API.GraphQL', ['SECTION_INCOMPLETE']],
  ['API.REST', ['REST_API_IN_CUSTOM']],
  ['Storage.S3.dangerouslyConnectToHttpEndpointForTesting', ['MOCK_ENDPOINT']],
  ['Storage.S3.region', ['REGION_FALLBACK']],
  ['Storage', ['SECTION_INCOMPLETE']],
  ['Analytics.Pinpoint.region', ['REGION_FALLBACK']],
  ['Analytics', ['SECTION_INCOMPLETE', 'NESTED_BLOCK_USED']],
  ['Notifications', ['CONFLICTING_VALUES', 'SECTION_INCOMPLETE']],
  ['Geo.LocationService.region', ['REGION_FALLBACK']],
  ['Geo.LocationService', ['DEFAULT_APPLIED', 'INVALID_VALUE', 'UNKNOWN_FIELD']],
  ['Predictions', ['PREDICTIONS_IN_CUSTOM']],
  ['Interactions', ['INTERACTIONS_NOT_SUPPORTED']],
];

export interface Difference {
  path: string;
  gen1: unknown;
  gen2: unknown;
  /** The diagnostic code that explains it, or undefined. */
  explainedBy?: DiagnosticCode;
}

export interface Comparison {
  /** False when parseAWSExports refuses the input (it requires aws_project_region). */
  comparable: boolean;
  differences: Difference[];
}

export function compareWithAmplify(original: Record<string, unknown>, result: ConvertResult): Comparison {
  let gen1: Record<string, unknown>;
  try {
    gen1 = parseAWSExports(original) as Record<string, unknown>;
  } catch {
    return { comparable: false, differences: [] };
  }
  const gen2 = parseAmplifyOutputs(result.outputs as never) as Record<string, unknown>;
  normalizeGen1(gen1);
  const left = flatten(gen1);
  const right = flatten(gen2);
  const paths = [...new Set([...left.keys(), ...right.keys()])].sort();
  const codes = new Set(result.diagnostics.map((diagnostic) => diagnostic.code));
  const differences: Difference[] = [];
  for (const path of paths) {
    const a = left.get(path);
    const b = right.get(path);
    if (JSON.stringify(a) === JSON.stringify(b)) continue;
    const candidates = EXPLANATIONS.filter(([prefix]) => path === prefix || path.startsWith(`${prefix}.`)).flatMap(([, list]) => list);
    differences.push({ path, gen1: a, gen2: b, explainedBy: candidates.find((code) => codes.has(code)) });
  }
  return { comparable: true, differences };
}

/** Gen1 guest access only matters with an identity pool. */
function normalizeGen1(config: Record<string, unknown>): void {
  const cognito = (config['Auth'] as { Cognito?: Record<string, unknown> } | undefined)?.Cognito;
  if (cognito && !cognito['identityPoolId']) delete cognito['allowGuestAccess'];
}

/**
 * Leaves by dotted path. false, undefined, empty lists and empty objects carry no setting in amplify-js (a flag
 * that is off and a flag that is absent behave alike), so they are left out on both sides.
 */
function flatten(value: unknown, prefix = '', into = new Map<string, unknown>()): Map<string, unknown> {
  if (Array.isArray(value)) {
    if (value.length > 0) into.set(prefix, value);
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value)) flatten(child, prefix ? `${prefix}.${key}` : key, into);
  } else if (value !== undefined && value !== false && value !== null) {
    into.set(prefix, value);
  }
  return into;
}
