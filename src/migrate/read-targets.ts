import { FORMATS, type SourceFormat } from '../formats/index.js';
import { compileTable, type CompiledRow } from '../mapping/compiled-table.js';
import type { SourcePattern } from '../mapping/match-source.js';
import { isMapRow, type MapRow } from '../mapping/table-types.js';
import { getTable } from '../mapping/tables.js';
import { formatPointer, pointerTokens } from '../source/json-pointer.js';
import type { TransformName } from '../transforms/registry.js';
import type { ReadTarget } from './types.js';

/**
 * Where a Gen1 field that code reads lives in amplify_outputs.json, worked out from the mapping table of the format
 * (the rows that carry the field), never written out again here. What this file knows is only what each named
 * transform does to the form of a value: `undefined` when the value is carried as it is (a string stays the same
 * string, an object the same object), else what it becomes, in words. Typed by the registry's names, so that a new
 * transform cannot be added without saying which it is.
 */
const TRANSFORM_FORMS: Readonly<Record<TransformName, string | undefined>> = {
  copy: undefined,
  jsonObject: undefined,
  string: undefined,
  region: undefined,
  graphqlUrl: undefined,
  stringList: undefined,
  constant: 'a fixed value the conversion writes when the field is present, not the field itself',
  booleanValue: 'a boolean (a "true" or "false" string becomes true or false)',
  negatedBoolean: 'the opposite boolean (mandatory sign-in becomes whether guest access is allowed)',
  splitList: 'a list of strings (the comma-joined string split at its commas)',
  switchedOn: 'an entry of a list of strings, present when the switch is on',
  regionFromPoolId: 'the region prefix of the user pool id',
  mandatorySignIn: 'a boolean saying whether guest access is allowed ("enable" becomes false)',
  guestAccessFromProject: "a boolean saying whether guest access is allowed, read from the auth resource's settings",
  standardAttributes: 'a list of lower-case standard attribute names ("EMAIL" becomes "email")',
  verificationTypes: 'a list of lower-case attribute names ("EMAIL" becomes "email")',
  verificationAsRequired: 'entries of the list of required sign-up attributes',
  usernameAttributes: 'a list of lower-case attribute names (an empty list becomes ["username"])',
  loginMechanisms: 'a list of lower-case attribute names (the social providers it lists go to auth.oauth.identity_providers)',
  mfaConfiguration: 'one of "NONE", "OPTIONAL" or "REQUIRED" (OFF becomes NONE, ON becomes REQUIRED)',
  mfaMethods: 'a list of "SMS", "TOTP" or "EMAIL"',
  mfaMethod: 'an entry of the list of MFA methods, present when the method is enabled',
  passwordMinLength: 'a number',
  passwordCharacters: 'four booleans (require_lowercase, require_uppercase, require_numbers, require_symbols)',
  authenticationFlow: 'nothing: Gen2 libraries choose the authentication flow in code',
  userPoolGroups: 'a list of { <group name>: { precedence } } entries',
  groupList: 'a list of { <group name>: { precedence } } entries',
  requiredUserAttributes: 'a list of the names of the required attributes',
  socialProviders: 'a list of provider names ("AMAZON" becomes "LOGIN_WITH_AMAZON", "APPLE" "SIGN_IN_WITH_APPLE")',
  loginMechanismProviders: 'a list of provider names',
  responseType: 'the string "code" or "token"',
  oauthClientId: 'nothing of its own: the Hosted UI uses auth.user_pool_client_id',
  oauthDomain: 'the domain without "https://"',
  hostedUIDomain: 'the whole domain (<prefix>.auth.<region>.amazoncognito.com)',
  oauthMetadata: 'the fields of auth.oauth (the JSON string parsed)',
  graphqlApi: 'the fields of data (url, aws_region, default_authorization_type, api_key, authorization_types)',
  appsyncAuthType: 'a mode name such as "AMAZON_COGNITO_USER_POOLS" or "API_KEY"',
  additionalAuthTypes: 'a list of mode names, without the default mode',
  metaAdditionalModes: 'a list of mode names, without the default mode',
  appsyncModeBlock: 'an entry of the list of additional modes',
  appsyncModeApiKey: 'the API key of the API, when it is the API carried',
  appsyncDefaultBlock: 'the fields of data (url, aws_region, default_authorization_type, api_key)',
  graphqlAuthModeName: 'a mode name such as "AMAZON_COGNITO_USER_POOLS" or "API_KEY"',
  metaBuckets: 'a list of { name, bucket_name, aws_region } entries',
  bucketMap: 'a list of { name, bucket_name, aws_region } entries',
  pushChannels: 'entries of the list of channels ("APNS", "FCM")',
  analyticsRegion: 'the region of notifications, where it states none',
  metaChannel: 'an entry of the list of channels',
  geoMaps: 'an object { items: { <map>: { style } }, default }',
  geoIndex: 'an object { items: [names], default }',
  metaGeoResource: 'entries of geo.maps, geo.search_indices or geo.geofence_collections',
  restApis: 'an object by API name: { <name>: { endpoint, region, apiName } } (the list keyed by name)',
  restApi: 'an object by API name: { <name>: { endpoint, region, apiName } }',
  metaRestApi: 'an object by API name: { <name>: { endpoint, region, apiName } }',
  restApiMap: 'an object by API name: { <name>: { endpoint, region, apiName } }',
  predictions: 'the same object, with the speech generator voice renamed voiceId',
  metaPrediction: 'the predictions of amplify-js v6, by category',
  environmentNote: 'nothing: it only names the environment',
  hostingFields: 'nothing a client reads: hosting is not client configuration',
  pluginFields: 'nothing: fields of a CLI plugin are reported',
  pluginCategory: 'nothing: a CLI plugin category is reported',
};

/** The transform name of a map row (copy when it names none). */
function transformName(row: MapRow): TransformName {
  const name = typeof row.transform === 'string' ? row.transform : (row.transform?.name ?? 'copy');
  return name as TransformName;
}

/** How a pattern's tokens sit against a pointer's: the same length, shorter (an ancestor) or longer (a descendant). */
function matchesPrefix(pattern: SourcePattern, tokens: readonly string[], length: number): boolean {
  for (let index = 0; index < length; index += 1) {
    if (!pattern.any[index] && pattern.tokens[index] !== tokens[index]) return false;
  }
  return true;
}

type CompiledMap = Extract<CompiledRow, { row: MapRow }>;

function isCompiledMap(entry: CompiledRow): entry is CompiledMap {
  return isMapRow(entry.row);
}

/** The form a map row gives the value it reads, or undefined when it carries it as it is, where it is. */
function formOf(entry: CompiledMap): string | undefined {
  const row = entry.row;
  const form = TRANSFORM_FORMS[transformName(row)];
  if (form !== undefined) return form;
  if (row.where !== undefined || row.select !== undefined || row.unselected !== undefined) {
    return 'the same value, but only for the one resource carried (the first, or the one chosen with --select)';
  }
  if (row.role === 'fallback') return 'the same value, but only where the section states none of its own';
  return undefined;
}

/**
 * The read table of a Gen1 format: for a JSON pointer into the Gen1 configuration (`/aws_user_files_s3_bucket`,
 * `/oauth/redirectSignIn`, `/auth/plugins/awsCognitoAuthPlugin/...`), where amplify_outputs.json holds the value,
 * and whether a read can simply move there. Undefined for a field amplify_outputs.json does not carry (reported or
 * dropped by the conversion, or unknown to the format).
 *
 * - A field a row carries as it is: its target, `sameValue` (and so is everything below it: `.length` of a string,
 *   the fields of a free-form object).
 * - A field a row changes (a comma-joined string split into a list, a renamed mode, several fields merged): the
 *   target of its first row, with the form it takes. A field read by fallback rows only (`aws_project_region`)
 *   names each place it fills.
 * - A block whose fields are carried one by one (`oauth`): the place most of them go, with where each goes.
 */
export function readTargetsOf(format: SourceFormat): (gen1Pointer: string) => ReadTarget | undefined {
  const compiled = compileTable(getTable(FORMATS[format].table));
  const rows = compiled.rows;
  const cache = new Map<string, ReadTarget | undefined>();
  const find = (pointer: string): ReadTarget | undefined => {
    const tokens = pointerTokens(pointer);
    const depth = tokens.length;
    if (depth === 0) return undefined;
    const carrying = rows.filter(isCompiledMap).filter((entry) => entry.row.role !== 'presence' && !entry.row.whenEmpty);
    // The rows that read the field itself.
    const exact = carrying.filter((entry) => entry.pattern.tokens.length === depth && matchesPrefix(entry.pattern, tokens, depth));
    if (exact.length > 0) return exactTarget(exact);
    // A block whose fields are carried.
    const below = carrying.filter((entry) => entry.pattern.tokens.length > depth && matchesPrefix(entry.pattern, tokens, depth));
    if (below.length > 0) return blockTarget(below, tokens);
    // A field that is reported or dropped is not carried, even below a row that reads its block.
    const fate = rows.find(
      (entry) => !isMapRow(entry.row) && !entry.row.whenEmpty && entry.pattern.tokens.length === depth && matchesPrefix(entry.pattern, tokens, depth),
    );
    if (fate) return undefined;
    // A part of a value a row reads.
    const above = carrying.filter((entry) => entry.pattern.tokens.length < depth && matchesPrefix(entry.pattern, tokens, entry.pattern.tokens.length));
    const nearest = above.sort((a, b) => b.pattern.tokens.length - a.pattern.tokens.length)[0];
    if (!nearest) return undefined;
    const form = formOf(nearest);
    const rest = tokens.slice(nearest.pattern.tokens.length);
    if (form === undefined && nearest.pattern.exact) return { pointer: nearest.row.target + formatPointer(rest), sameValue: true };
    return { pointer: nearest.row.target, sameValue: false, form: form ?? 'part of a value carried for one of several resources' };
  };
  return (pointer) => {
    if (cache.has(pointer)) return cache.get(pointer);
    const target = find(pointer);
    if (cache.size < 5_000) cache.set(pointer, target);
    return target;
  };
}

/** The target of a field read by rows of its own: the first primary row's; fallbacks alone name every place. */
function exactTarget(exact: readonly CompiledMap[]): ReadTarget {
  const primary = exact.filter((entry) => entry.row.role !== 'fallback');
  if (primary.length === 0) {
    const places = [...new Set(exact.map((entry) => entry.row.target))];
    const form = `no single place: it fills ${places.join(', ')}, each only where that section states none of its own`;
    return { pointer: places[0] as string, sameValue: false, form };
  }
  const first = primary[0] as CompiledMap;
  const others = [...new Set(primary.slice(1).map((entry) => entry.row.target))].filter((target) => target !== first.row.target);
  const form = formOf(first);
  const merged = first.row.merge !== undefined;
  // Other rows may derive something else from the field (the region of a user pool id): the first carries it.
  if (form === undefined && !merged && first.pattern.exact) return { pointer: first.row.target, sameValue: true };
  const parts = [form ?? (merged ? 'the same value, merged with what other fields give the same place' : 'the same value')];
  if (others.length > 0) parts.push(`parts of it also go to ${others.join(', ')}`);
  return { pointer: first.row.target, sameValue: false, form: parts.join('; ') };
}

/** The target of a block whose fields are carried one by one: the place they all go below, and where each goes. */
function blockTarget(below: readonly CompiledMap[], tokens: readonly string[]): ReadTarget {
  const primary = below.filter((entry) => entry.row.role !== 'fallback');
  const counted = primary.length > 0 ? primary : below;
  let common = pointerTokens((counted[0] as CompiledMap).row.target);
  for (const entry of counted) {
    const target = pointerTokens(entry.row.target);
    let length = 0;
    while (length < common.length && length < target.length && common[length] === target[length]) length += 1;
    common = common.slice(0, length);
  }
  const moves = [...new Set(counted.map((entry) => `${formatPointer(entry.pattern.tokens.slice(tokens.length)).slice(1)} → ${entry.row.target}`))];
  const listed = moves.length > MOVES_LISTED ? [...moves.slice(0, MOVES_LISTED), `and ${moves.length - MOVES_LISTED} more`] : moves;
  return { pointer: formatPointer(common), sameValue: false, form: `an object of other fields: ${listed.join(', ')}` };
}

/** How many of a block's fields its form names. */
const MOVES_LISTED = 8;
