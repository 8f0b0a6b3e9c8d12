import { formatPointer } from '../source/json-pointer.js';
import type { ObjectEntry, ObjectNode, ReaderIssue, SourceDocument, SourceLocation, SourceNode } from '../source/source-node.js';

/**
 * Reads well-formed JSON (what the Amplify CLI writes) straight into the located value tree, in one pass over the
 * characters. It is the quick way, not the only one: on anything it is not sure of (a syntax error, a comment,
 * whitespace other than JSON's, a control character in a string, a root that is not an object, objects and arrays
 * nested more than `maxNesting` deep) it returns undefined, and the caller reads the text with the full parser,
 * which words the error. Whatever it accepts, it reads exactly as the full parser does (values, locations, duplicate
 * keys); a test holds the two to that.
 */
export function readStrictJson(
  text: string,
  start: number,
  end: number,
  locate: (offset: number) => SourceLocation,
  maxNesting: number,
): SourceDocument | undefined {
  const parser = new StrictJson(text, end, locate, maxNesting);
  try {
    const offset = parser.skipSpace(start);
    if (text.charCodeAt(offset) !== OPEN_BRACE) return undefined;
    const root = parser.value(offset);
    return parser.skipSpace(parser.position) === end ? { root: root as ObjectNode, issues: parser.issues } : undefined;
  } catch (error) {
    if (error === GIVE_UP) return undefined;
    throw error;
  }
}

/** JSON's white space: space, tab, line feed, carriage return (JavaScript allows more). */
export function isJsonSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

/** Thrown inside the reader to hand the text over to the full parser. */
const GIVE_UP = Symbol('give up');

const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const MINUS = 0x2d;

const ESCAPES: Record<number, string> = { 0x22: '"', 0x5c: '\\', 0x2f: '/', 0x62: '\b', 0x66: '\f', 0x6e: '\n', 0x72: '\r', 0x74: '\t' };
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

class StrictJson {
  /** Where the last value read ends. */
  position = 0;
  readonly issues: ReaderIssue[] = [];
  /** The keys and indices from the root to the value being read, for the pointer of a duplicate key. */
  private readonly path: string[] = [];
  /** Objects and arrays open around the value being read. */
  private depth = 0;

  constructor(
    private readonly text: string,
    private readonly end: number,
    private readonly locate: (offset: number) => SourceLocation,
    private readonly maxNesting: number,
  ) {}

  /** The offset of the next character that is not JSON whitespace. */
  skipSpace(offset: number): number {
    let at = offset;
    while (at < this.end && isJsonSpace(this.text.charCodeAt(at))) at++;
    return at;
  }

  /** The value that starts at `offset` (no whitespace before it); sets `position` to where it ends. */
  value(offset: number): SourceNode {
    const ch = this.text.charCodeAt(offset);
    if (ch === OPEN_BRACE) return this.object(offset);
    if (ch === OPEN_BRACKET) return this.array(offset);
    if (ch === QUOTE) return { kind: 'scalar', value: this.string(offset), loc: this.locate(offset) };
    if (ch === MINUS || (ch >= 0x30 && ch <= 0x39)) {
      NUMBER.lastIndex = offset;
      const match = NUMBER.exec(this.text);
      if (!match || offset + match[0].length > this.end) throw GIVE_UP;
      this.position = offset + match[0].length;
      return { kind: 'scalar', value: Number(match[0]), loc: this.locate(offset) };
    }
    for (const [word, value] of WORDS) {
      if (this.text.startsWith(word, offset) && offset + word.length <= this.end) {
        this.position = offset + word.length;
        return { kind: 'scalar', value, loc: this.locate(offset) };
      }
    }
    throw GIVE_UP;
  }

  private object(offset: number): ObjectNode {
    const entries: ObjectEntry[] = [];
    // The keys so far, as a set only in an object large enough for comparing them pairwise to cost more.
    let keys: Set<string> | undefined;
    const loc = this.locate(offset);
    this.enter();
    this.members(offset, CLOSE_BRACE, (at) => {
      if (this.text.charCodeAt(at) !== QUOTE) throw GIVE_UP;
      const key = this.string(at);
      const colon = this.skipSpace(this.position);
      if (this.text.charCodeAt(colon) !== COLON) throw GIVE_UP;
      const keyLoc = this.locate(at);
      if (keys === undefined && entries.length >= PAIRWISE_KEYS) keys = new Set(entries.map((entry) => entry.key));
      const repeated = keys === undefined ? hasKey(entries, key) : keys.has(key);
      keys?.add(key);
      if (repeated) this.issues.push({ code: 'DUPLICATE_KEY', pointer: formatPointer([...this.path, key]), loc: keyLoc, detail: key });
      this.path.push(key);
      entries.push({ key, keyLoc, node: this.value(this.skipSpace(colon + 1)) });
      this.path.pop();
    });
    this.depth--;
    return { kind: 'object', entries, loc };
  }

  private array(offset: number): SourceNode {
    const items: SourceNode[] = [];
    const loc = this.locate(offset);
    this.enter();
    this.members(offset, CLOSE_BRACKET, (at) => {
      this.path.push(String(items.length));
      items.push(this.value(at));
      this.path.pop();
    });
    this.depth--;
    return { kind: 'array', items, loc };
  }

  /** One level deeper: past the limit, the text is handed over (where the nesting check reports it). */
  private enter(): void {
    if (++this.depth > this.maxNesting) throw GIVE_UP;
  }

  /**
   * The members of the object or array whose opening bracket is at `offset`, separated by commas: `member` reads
   * each from where it starts and leaves `position` after it. Sets `position` after the closing bracket.
   */
  private members(offset: number, close: number, member: (at: number) => void): void {
    let at = this.skipSpace(offset + 1);
    if (this.text.charCodeAt(at) === close) {
      this.position = at + 1;
      return;
    }
    for (;;) {
      member(at);
      at = this.skipSpace(this.position);
      const next = this.text.charCodeAt(at);
      if (next === close) {
        this.position = at + 1;
        return;
      }
      if (next !== COMMA) throw GIVE_UP;
      at = this.skipSpace(at + 1);
    }
  }

  /** The string whose opening quote is at `offset`; sets `position` after its closing quote. */
  private string(offset: number): string {
    let result = '';
    let runStart = offset + 1;
    for (let at = offset + 1; at < this.end; at++) {
      const ch = this.text.charCodeAt(at);
      if (ch === QUOTE) {
        this.position = at + 1;
        return result + this.text.slice(runStart, at);
      }
      if (ch < 0x20) throw GIVE_UP;
      if (ch !== BACKSLASH) continue;
      result += this.text.slice(runStart, at);
      const escaped = this.text.charCodeAt(at + 1);
      if (escaped === 0x75) {
        const hex = this.text.slice(at + 2, at + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex) || at + 6 > this.end) throw GIVE_UP;
        result += String.fromCharCode(parseInt(hex, 16));
        at += 5;
      } else {
        const plain = ESCAPES[escaped];
        if (plain === undefined || at + 2 > this.end) throw GIVE_UP;
        result += plain;
        at += 1;
      }
      runStart = at + 1;
    }
    throw GIVE_UP;
  }
}

/** Up to this many keys, an object's keys are compared pairwise for a duplicate. */
const PAIRWISE_KEYS = 16;

/** Whether an object's entries so far have this key. */
function hasKey(entries: readonly ObjectEntry[], key: string): boolean {
  for (let i = entries.length - 1; i >= 0; i--) if (entries[i]!.key === key) return true;
  return false;
}

const WORDS: readonly (readonly [string, boolean | null])[] = [
  ['true', true],
  ['false', false],
  ['null', null],
];
