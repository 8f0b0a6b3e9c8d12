/**
 * Nesting limits. A text nested deeper than MAX_TEXT_NESTING is refused before it is parsed, since the parsers
 * recurse and would run out of stack (@babel/parser does at about 300 levels of objects). An object passed to
 * convertObject is read down to MAX_VALUE_DEPTH; deeper values are reported as unresolved. Gen1 configurations
 * nest a few levels.
 */
export const MAX_VALUE_DEPTH = 200;
export const MAX_TEXT_NESTING = 200;

/**
 * The offset of the first bracket that opens more than `limit` levels of `{`, `[` or `(`, outside strings and
 * comments, or undefined. JavaScript's quotes and comments are skipped too, so that one scan serves JSON and
 * JavaScript (regular expression literals are not told apart: a limit this far above real files allows for them).
 */
export function excessiveNesting(text: string, limit = MAX_TEXT_NESTING): number | undefined {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 0x22 || ch === 0x27 || ch === 0x60) {
      // A string: skip to its closing quote (escapes included); a line break ends a broken '...' or "...".
      for (i++; i < text.length; i++) {
        const inner = text.charCodeAt(i);
        if (inner === 0x5c) i++;
        else if (inner === ch || (inner === 0x0a && ch !== 0x60)) break;
      }
    } else if (ch === 0x2f && text.charCodeAt(i + 1) === 0x2f) {
      const end = text.indexOf('\n', i);
      i = end < 0 ? text.length : end;
    } else if (ch === 0x2f && text.charCodeAt(i + 1) === 0x2a) {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 1;
    } else if (ch === 0x7b || ch === 0x5b || ch === 0x28) {
      if (++depth > limit) return i;
    } else if (ch === 0x7d || ch === 0x5d || ch === 0x29) {
      if (depth > 0) depth--;
    }
  }
  return undefined;
}
