import { InternalFault } from '../errors.js';
import { formatPointer, parsePointer, pointerTokens } from '../source/json-pointer.js';

/** Reading and writing plain JSON values at JSON pointers, for the output being built. */

export type JsonObject = Record<string, unknown>;

export function isPlainObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function getAt(root: JsonObject, pointer: string): unknown {
  let current: unknown = root;
  for (const token of pointerTokens(pointer)) {
    if (!isPlainObject(current) || !Object.hasOwn(current, token)) return undefined;
    current = current[token];
  }
  return current;
}

/** Sets a value, creating the objects on the way (as null-prototype-free plain objects). */
export function setAt(root: JsonObject, pointer: string, value: unknown): void {
  const tokens = pointerTokens(pointer);
  if (tokens.length === 0) throw new InternalFault('A value was to replace the whole output (a target pointer of "").');
  let current = root;
  for (let i = 0; i < tokens.length - 1; i++) {
    const token = tokens[i]!;
    const next = Object.hasOwn(current, token) ? current[token] : undefined;
    if (isPlainObject(next)) {
      current = next;
    } else {
      const created: JsonObject = {};
      defineKey(current, token, created);
      current = created;
    }
  }
  defineKey(current, tokens[tokens.length - 1]!, value);
}

export function deleteAt(root: JsonObject, pointer: string): void {
  const tokens = parsePointer(pointer);
  const last = tokens.pop();
  if (last === undefined) return;
  const parent = tokens.length === 0 ? root : getAt(root, formatPointer(tokens));
  if (isPlainObject(parent)) delete parent[last];
}

/**
 * Sets an own data property, safe for any key: on a plain object only "__proto__" is an accessor (inherited from
 * Object.prototype), so only that key needs defining; the others take the much faster assignment.
 */
export function defineKey(target: object, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else (target as Record<string, unknown>)[key] = value;
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => deepEqual(item, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const keysA = Object.keys(a);
    const keysB = Object.keys(b);
    return keysA.length === keysB.length && keysA.every((key) => Object.hasOwn(b, key) && deepEqual(a[key], b[key]));
  }
  return false;
}

/** A deep copy made of plain objects and arrays (no shared references, no prototypes from the input). */
export function cloneJson<T>(value: T): T {
  if (Array.isArray(value)) return value.filter((item) => item !== undefined).map(cloneJson) as T;
  if (isPlainObject(value)) {
    const copy: JsonObject = {};
    for (const key of Object.keys(value)) if (value[key] !== undefined) defineKey(copy, key, cloneJson(value[key]));
    return copy as T;
  }
  return value;
}
