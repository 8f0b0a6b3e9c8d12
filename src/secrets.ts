import { isPlainObject } from './mapping/output-tree.js';
import { pointerTokens } from './source/json-pointer.js';

/**
 * The fields whose values are secrets, by the name they have in amplify_outputs.json or in a Gen1 file: an API key,
 * an app client secret. Their values are never shown in a message.
 */
const SECRET_FIELD_NAMES: ReadonlySet<string> = new Set([
  'api_key',
  'app_client_secret',
  'aws_appsync_apiKey',
  'ApiKey',
  'GraphQLAPIKeyOutput',
  'AppClientSecret',
  'appClientSecret',
]);

/** Whether the field at a JSON pointer (or with this name) holds a secret. */
export function isSecretField(pointerOrName: string): boolean {
  const name = pointerOrName.startsWith('/') ? pointerTokens(pointerOrName).at(-1) : pointerOrName;
  return name !== undefined && SECRET_FIELD_NAMES.has(name);
}

/** Whether a value holds a secret field anywhere inside it (an object that carries an API key, say). */
export function holdsSecret(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(holdsSecret);
  if (!isPlainObject(value)) return false;
  return Object.entries(value).some(([key, inner]) => SECRET_FIELD_NAMES.has(key) || holdsSecret(inner));
}
