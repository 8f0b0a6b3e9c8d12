import { InternalFault } from '../errors.js';
/** RFC 6901 JSON pointers: encoding, decoding and joining. */

export function escapePointerToken(token: string): string {
  // Most keys need no escape; the check is much cheaper than the replacements.
  if (!token.includes('~') && !token.includes('/')) return token;
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function unescapePointerToken(token: string): string {
  if (!token.includes('~')) return token;
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** The pointer of a list of tokens (the inverse of parsePointer). */
export function formatPointer(tokens: readonly string[]): string {
  return tokens.map((token) => `/${escapePointerToken(token)}`).join('');
}

export function joinPointer(base: string, token: string | number): string {
  return `${base}/${escapePointerToken(String(token))}`;
}

const parsed = new Map<string, readonly string[]>();

/** The tokens of a pointer, shared and read-only: parses are kept, as the same pointers recur. */
export function pointerTokens(pointer: string): readonly string[] {
  let tokens = parsed.get(pointer);
  if (!tokens) {
    if (pointer !== '' && !pointer.startsWith('/')) throw new InternalFault(`Not a JSON pointer: ${pointer}`);
    tokens = pointer === '' ? [] : pointer.slice(1).split('/').map(unescapePointerToken);
    if (parsed.size < 20_000) parsed.set(pointer, tokens);
  }
  return tokens;
}

/** The tokens of a pointer, as a new array the caller may change. */
export function parsePointer(pointer: string): string[] {
  return pointerTokens(pointer).slice();
}

/** True when `pointer` is `ancestor` itself or lies below it. */
export function isWithinPointer(pointer: string, ancestor: string): boolean {
  return pointer === ancestor || pointer.startsWith(`${ancestor}/`);
}
