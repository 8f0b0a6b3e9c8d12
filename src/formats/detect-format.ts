import { stripByteOrderMark } from '../readers/line-index.js';
import type { SourceFormat } from './index.js';
import { isPlainObject } from '../mapping/output-tree.js';
import type { ObjectNode, SourceDocument, SourceNode } from '../source/source-node.js';
import { readAwsExports } from '../readers/read-aws-exports.js';
import { detectHandWritten } from './detect-hand-written.js';

export interface DetectedFormat {
  /** The format, or `amplify-outputs` for a file that already is Gen2, or `unknown`. */
  format: SourceFormat | 'amplify-outputs' | 'unknown';
  /** Why, in a few words, for messages. */
  reason: string;
}

const WEB_TOP_LEVEL_KEYS = ['oauth', 'geo', 'Notifications', 'Analytics', 'predictions', 'Auth', 'modelIntrospection'];
const AWSCONFIGURATION_KEYS = [
  'CognitoUserPool',
  'CredentialsProvider',
  'IdentityManager',
  'AppSync',
  'S3TransferUtility',
  'PinpointAnalytics',
  'DynamoDBObjectMapper',
];

/**
 * Tells the format from the content's shape, never from the file name: two different formats are both called
 * amplifyconfiguration.json.
 */
export function detectFormat(text: string): DetectedFormat {
  const detected = detectFormatByText(text);
  if (detected.format !== 'aws-exports') return detected;
  let document: SourceDocument;
  try {
    document = readAwsExports(text, '');
  } catch {
    // What cannot be read is left to the aws-exports reader, which says where and why.
    return detected;
  }
  return detectSourceDocument(detected, document);
}

/**
 * What the text alone tells, before it is read: JSON (with its format), a Dart constant, or JavaScript source, which
 * detectSourceDocument then tells apart once it is read.
 */
export function detectFormatByText(text: string): DetectedFormat {
  const trimmed = stripByteOrderMark(text).trimStart();
  const dart = DART_STRING.exec(text);
  if (dart) {
    const end = text.indexOf("'''", dart.index + dart[0].length);
    const inner = end < 0 ? undefined : detectJson(text.slice(dart.index + dart[0].length, end).trim());
    if (inner?.format === 'amplify-outputs') return { format: 'amplify-outputs', reason: `a Dart constant holding ${inner.reason}` };
    return { format: 'amplifyconfiguration-dart', reason: "a Dart constant holding the configuration in '''...'''" };
  }
  if (!trimmed.startsWith('{')) return { format: 'aws-exports', reason: 'JavaScript or TypeScript source' };
  return detectJson(trimmed);
}

/**
 * The format of JavaScript source once read: a configuration written by hand for amplify-js (v5, its Auth settings
 * alone, or v6), or else what the Gen1 CLI writes. Other formats are told by their text and are kept.
 */
export function detectSourceDocument(detected: DetectedFormat, document: SourceDocument): DetectedFormat {
  if (detected.format !== 'aws-exports' || document.root.kind !== 'object') return detected;
  return detectHandWritten(twoLevels(document.root) as Record<string, unknown>) ?? detected;
}

/** Where a Dart file holds the configuration: a constant assigned a '''...''' string. */
const DART_STRING = /\bamplify_?config(?:uration)?\s*=\s*r?'''/i;

/** Whether detectFormat reads the text as JSON: an object's braces first, and no Dart constant. */
export function isJsonText(text: string): boolean {
  return stripByteOrderMark(text).trimStart().startsWith('{') && !DART_STRING.test(text);
}

/**
 * The format of a JSON object already read into a source tree: what detectFormat says of its text, without parsing
 * the text again. The tree must be the one JSON.parse of the text would give (the strict JSON reader's is).
 */
export function detectJsonDocument(root: ObjectNode): DetectedFormat {
  return detectJsonObject(twoLevels(root) as Record<string, unknown>);
}

/** The plain value of a node down to the second level, which is all detection looks at; below, empty stand-ins. */
function twoLevels(node: SourceNode, depth = 0): unknown {
  if (node.kind === 'scalar') return node.value;
  if (node.kind === 'array') return depth < 2 ? node.items.map((item) => twoLevels(item, depth + 1)) : [];
  if (node.kind === 'unresolved') return undefined;
  const result = Object.create(null) as Record<string, unknown>;
  if (depth < 2) for (const entry of node.entries) result[entry.key] = twoLevels(entry.node, depth + 1);
  return result;
}

function detectJson(trimmed: string): DetectedFormat {
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch {
    // Not valid JSON: read as JSON anyway so that the error points at the fault.
    return { format: 'amplifyconfiguration-json', reason: 'a JSON document' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { format: 'unknown', reason: 'JSON that is not an object' };
  return detectJsonObject(value as Record<string, unknown>);
}

function detectJsonObject(object: Record<string, unknown>): DetectedFormat {
  const keys = Object.keys(object);
  if (keys.some((key) => key.startsWith('aws_'))) return { format: 'amplifyconfiguration-json', reason: 'top-level aws_* keys' };
  if (typeof object['version'] === 'string' && object['version'].startsWith('1')) {
    return { format: 'amplify-outputs', reason: `"version": "${object['version']}"` };
  }
  const providers = object['providers'];
  if (typeof providers === 'object' && providers !== null && 'awscloudformation' in providers) {
    return { format: 'amplify-meta', reason: 'a providers.awscloudformation block' };
  }
  if (keys.some((key) => isPlainObject(object[key]) && isPlainObject(object[key]['plugins']))) {
    return { format: 'amplifyconfiguration-mobile', reason: 'categories with "plugins"' };
  }
  if (keys.some((key) => AWSCONFIGURATION_KEYS.includes(key))) return { format: 'awsconfiguration', reason: 'AWS Mobile SDK blocks such as CognitoUserPool' };
  // A backend without resources still gets a file with only its header.
  if (keys.length > 0 && keys.every((key) => key === 'UserAgent' || key === 'Version')) {
    if (object['Version'] === '1.0')
      return { format: 'amplifyconfiguration-mobile', reason: 'a mobile amplifyconfiguration.json header ("Version": "1.0") without categories' };
    if (object['Version'] === '0.1.0') return { format: 'awsconfiguration', reason: 'an awsconfiguration.json header ("Version": "0.1.0") without blocks' };
  }
  const handWritten = detectHandWritten(object);
  if (handWritten) return handWritten;
  if (keys.some((key) => WEB_TOP_LEVEL_KEYS.includes(key))) return { format: 'amplifyconfiguration-json', reason: 'Gen1 web configuration keys' };
  return { format: 'unknown', reason: 'no Gen1 configuration keys' };
}
