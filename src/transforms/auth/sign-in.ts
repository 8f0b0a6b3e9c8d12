import type { PlatformText } from '../../diagnostics/platform-text.js';
import { compareVersions, isOutputsVersion, type OutputsVersion } from '../../outputs/versions.js';
import { joinPointer } from '../../source/json-pointer.js';
import { REGION_PATTERN } from '../general.js';
import { DROP_REASONS } from '../drop-reasons.js';
import { describeValue, invalid } from '../support/report-value.js';
import type { Transform } from '../transform-context.js';

/** The first amplify_outputs.json version that lists EMAIL among the MFA methods. */
const EMAIL_MFA_VERSION: OutputsVersion = '1.4';

/** Transforms for auth: the user pool's region, guest access, MFA, the password policy and the sign-in flow. */

/** The region prefix of a Cognito user pool id (`us-east-1_AbCd` gives `us-east-1`). */
export const regionFromPoolId: Transform = (value) => {
  if (typeof value !== 'string') return undefined;
  const prefix = value.split('_')[0] ?? '';
  return REGION_PATTERN.test(prefix) ? prefix : undefined;
};

/** Gen1 `aws_mandatory_sign_in`: "enable" means no guest access; the Gen1 libraries read anything else as allowed. */
export const mandatorySignIn: Transform = (value, ctx) => {
  if (typeof value !== 'string') return invalid(ctx, '"enable" or "disable"', value);
  return value.trim().toLowerCase() !== 'enable';
};

const MFA_CONFIGURATION: Record<string, string> = { OFF: 'NONE', NONE: 'NONE', ON: 'REQUIRED', REQUIRED: 'REQUIRED', OPTIONAL: 'OPTIONAL' };

/** `OFF` / `ON` / `OPTIONAL` become `NONE` / `REQUIRED` / `OPTIONAL` (a rename, not a re-casing). */
export const mfaConfiguration: Transform = (value, ctx) => {
  const mapped = typeof value === 'string' ? MFA_CONFIGURATION[value.trim().toUpperCase()] : undefined;
  return mapped ?? invalid(ctx, 'OFF, ON or OPTIONAL', value);
};

const MFA_METHODS: Record<string, string> = {
  SMS: 'SMS',
  'SMS TEXT MESSAGE': 'SMS',
  SMS_MFA: 'SMS',
  TOTP: 'TOTP',
  SOFTWARE_TOKEN_MFA: 'TOTP',
  EMAIL: 'EMAIL',
  EMAIL_OTP: 'EMAIL',
  EMAIL_MFA: 'EMAIL',
};

/** MFA methods; EMAIL exists only from outputs version EMAIL_MFA_VERSION. */
export const mfaMethods: Transform = (value, ctx) => {
  if (!Array.isArray(value)) return invalid(ctx, 'a list of MFA methods', value);
  const result: string[] = [];
  value.forEach((item, index) => {
    if (item === undefined) return;
    const method = typeof item === 'string' ? MFA_METHODS[item.trim().toUpperCase()] : undefined;
    if (!method) {
      invalid(ctx, 'SMS, TOTP or EMAIL', item, joinPointer(ctx.pointer, index));
      return;
    }
    if (method === 'EMAIL') {
      const requested = ctx.settings.outputsVersion;
      if (isOutputsVersion(requested) && compareVersions(requested, EMAIL_MFA_VERSION) < 0) {
        ctx.report('VERSION_TOO_LOW', {
          pointer: joinPointer(ctx.pointer, index),
          message: `EMAIL as an MFA method needs amplify_outputs.json version ${EMAIL_MFA_VERSION} or later, and version ${requested} was requested, so it is left out.`,
          resolution: `Convert with --outputs-version ${EMAIL_MFA_VERSION} (or auto) if your Amplify libraries support email MFA.`,
          target: ctx.target,
        });
        return;
      }
      ctx.requireVersion(EMAIL_MFA_VERSION);
    }
    if (!result.includes(method)) result.push(method);
  });
  return result.length > 0 ? result : undefined;
};

/** The minimum password length: a number or a numeric string, 6 to 99 as Cognito allows. */
export const passwordMinLength: Transform = (value, ctx) => {
  const length = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(length) || length < 6 || length > 99) return invalid(ctx, 'a whole number from 6 to 99', value);
  if (typeof value === 'string') ctx.note('VALUE_NORMALIZED', { message: `The length "${value}" is written as the number ${length}.`, target: ctx.target });
  return length;
};

const PASSWORD_CHARACTERS: Record<string, string> = {
  REQUIRES_LOWERCASE: 'require_lowercase',
  REQUIRES_UPPERCASE: 'require_uppercase',
  REQUIRES_NUMBERS: 'require_numbers',
  REQUIRES_SYMBOLS: 'require_symbols',
};

/** `passwordPolicyCharacters` (a list of REQUIRES_*) becomes the four require_* booleans. */
export const passwordCharacters: Transform = (value, ctx) => {
  if (!Array.isArray(value)) return invalid(ctx, 'a list of REQUIRES_* values', value);
  const policy: Record<string, boolean> = {
    require_numbers: false,
    require_lowercase: false,
    require_uppercase: false,
    require_symbols: false,
  };
  value.forEach((item, index) => {
    if (item === undefined) return;
    const key = typeof item === 'string' ? PASSWORD_CHARACTERS[item.trim().toUpperCase()] : undefined;
    if (key) policy[key] = true;
    else invalid(ctx, 'REQUIRES_LOWERCASE, REQUIRES_UPPERCASE, REQUIRES_NUMBERS or REQUIRES_SYMBOLS', item, joinPointer(ctx.pointer, index));
  });
  return policy;
};

/** How sign-in asks for the custom authentication flow, in each platform's library. */
const CUSTOM_FLOW: PlatformText = {
  web: 'Pass options: { authFlowType: "CUSTOM_WITH_SRP" } (or "CUSTOM_WITHOUT_SRP") to signIn.',
  ios: 'Pass options: AuthSignInRequest.Options(pluginOptions: AWSAuthSignInOptions(authFlowType: .customWithSRP)) (or .customWithoutSRP) to Amplify.Auth.signIn.',
  android:
    'Pass AWSCognitoAuthSignInOptions.builder().authFlowType(AuthFlowType.CUSTOM_AUTH_WITH_SRP).build() (or CUSTOM_AUTH_WITHOUT_SRP) to Amplify.Auth.signIn.',
  flutter:
    'Pass options: const SignInOptions(pluginOptions: CognitoSignInPluginOptions(authFlowType: AuthenticationFlowType.customAuthWithSrp)) (or customAuthWithoutSrp) to Amplify.Auth.signIn.',
};

/** How sign-in asks for the user password flow, in each platform's library. */
const PASSWORD_FLOW: PlatformText = {
  web: 'Pass options: { authFlowType: "USER_PASSWORD_AUTH" } to signIn if the app needs that flow.',
  ios: 'Pass options: AuthSignInRequest.Options(pluginOptions: AWSAuthSignInOptions(authFlowType: .userPassword)) to Amplify.Auth.signIn if the app needs that flow.',
  android:
    'Pass AWSCognitoAuthSignInOptions.builder().authFlowType(AuthFlowType.USER_PASSWORD_AUTH).build() to Amplify.Auth.signIn if the app needs that flow.',
  flutter:
    'Pass options: const SignInOptions(pluginOptions: CognitoSignInPluginOptions(authFlowType: AuthenticationFlowType.userPasswordAuth)) to Amplify.Auth.signIn if the app needs that flow.',
};

/**
 * The mobile authentication flow: USER_SRP_AUTH is what Gen2 libraries use anyway and is dropped as redundant;
 * other flows are chosen in code with Gen2, and reported.
 */
export const authenticationFlow: Transform = (value, ctx) => {
  if (value === 'USER_SRP_AUTH') {
    ctx.drop(ctx.pointer, DROP_REASONS.srpFlow);
  } else {
    ctx.report('LIBRARY_OPTION', {
      message: `The authentication flow ${describeValue(value)} has no field in amplify_outputs.json; Gen2 libraries use USER_SRP_AUTH unless the code asks for another.`,
      resolution: value === 'CUSTOM_AUTH' ? CUSTOM_FLOW : PASSWORD_FLOW,
    });
  }
  return undefined;
};
