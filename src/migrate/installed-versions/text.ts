/** Small readers for the machine-written text formats that record installed versions. Pure. */

/** The 1-based line of an offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) line++;
  return line;
}

/** A node of the block YAML subset lock files and pubspecs are written in: a scalar, or a mapping of keys. */
export interface YamlNode {
  line: number;
  value?: string;
  children?: Map<string, YamlNode>;
}

function unquote(text: string): string {
  const trimmed = text.trim();
  if (trimmed.length >= 2 && ((trimmed.startsWith('"') && trimmed.endsWith('"')) || (trimmed.startsWith("'") && trimmed.endsWith("'")))) {
    return trimmed.slice(1, -1);
  }
  return trimmed;
}

/** Splits `key: value` at the first colon outside quotes that ends the key (followed by a space or the line's end). */
function splitKey(content: string): [string, string] | undefined {
  let quote = '';
  for (let index = 0; index < content.length; index++) {
    const char = content[index];
    if (quote) {
      if (char === quote) quote = '';
      continue;
    }
    if ((char === '"' || char === "'") && index === 0) {
      quote = char;
      continue;
    }
    if (char === ':' && (index + 1 === content.length || content[index + 1] === ' ')) {
      return [unquote(content.slice(0, index)), content.slice(index + 1).trim()];
    }
  }
  return undefined;
}

/**
 * Reads block mappings (`key: value`, nested by indentation) with the line of each key; list items, flow collections
 * and multi-line scalars are kept as the raw text of their first line or skipped. Enough for pubspec.yaml,
 * pubspec.lock, pnpm-lock.yaml and Yarn 2+ yarn.lock, which are written by tools in this plain form.
 */
export function readYaml(text: string): YamlNode {
  const root: YamlNode = { line: 0, children: new Map() };
  const stack: { indent: number; node: YamlNode }[] = [{ indent: -1, node: root }];
  const lines = text.split(/\r?\n/);
  let blockIndent = -1;
  lines.forEach((raw, index) => {
    const content = raw.trimStart();
    const indent = raw.length - content.length;
    if (blockIndent >= 0) {
      if (content === '' || indent > blockIndent) return;
      blockIndent = -1;
    }
    if (content === '' || content.startsWith('#') || content === '---' || content.startsWith('- ') || content === '-') return;
    const pair = splitKey(content);
    if (!pair) return;
    while (stack.length > 1 && (stack.at(-1)?.indent ?? -1) >= indent) stack.pop();
    const parent = stack.at(-1)?.node ?? root;
    const value = pair[1].replace(/\s+#.*$/, '');
    const node: YamlNode = { line: index + 1 };
    if (value === '') {
      node.children = new Map();
      stack.push({ indent, node });
    } else if (value === '|' || value === '>' || /^[|>][-+]?\d*$/.test(value)) {
      blockIndent = indent;
    } else {
      node.value = unquote(value);
    }
    parent.children ??= new Map();
    parent.children.set(pair[0], node);
  });
  return root;
}

/** The node at a path of keys. */
export function yamlAt(node: YamlNode | undefined, ...keys: string[]): YamlNode | undefined {
  let current = node;
  for (const key of keys) current = current?.children?.get(key);
  return current;
}

/**
 * The text with comments replaced by spaces (newlines kept, so offsets and lines stay), strings kept: `//` and
 * `/* *\/` (nested, as Swift and Kotlin allow), and `#` line comments when `hash` is set (Podfile, TOML).
 */
export function blankComments(text: string, options: { hash?: boolean; slash?: boolean } = { slash: true }): string {
  const out = text.split('');
  let index = 0;
  const blank = (start: number, end: number) => {
    for (let at = start; at < end; at++) if (out[at] !== '\n' && out[at] !== '\r') out[at] = ' ';
  };
  while (index < text.length) {
    const char = text[index];
    const next = text[index + 1];
    if (char === '"' || char === "'" || char === '`') {
      const triple = text.startsWith(char.repeat(3), index);
      const close = triple ? char.repeat(3) : char;
      let at = index + close.length;
      while (at < text.length && !text.startsWith(close, at)) {
        if (text[at] === '\\') at++;
        if (!triple && text[at] === '\n' && char !== '`') break;
        at++;
      }
      index = at + close.length;
      continue;
    }
    if (options.slash !== false && char === '/' && next === '/') {
      const end = text.indexOf('\n', index);
      blank(index, end === -1 ? text.length : end);
      index = end === -1 ? text.length : end;
      continue;
    }
    if (options.slash !== false && char === '/' && next === '*') {
      let depth = 1;
      let at = index + 2;
      while (at < text.length && depth > 0) {
        if (text.startsWith('/*', at)) {
          depth++;
          at += 2;
        } else if (text.startsWith('*/', at)) {
          depth--;
          at += 2;
        } else at++;
      }
      blank(index, at);
      index = at;
      continue;
    }
    if (options.hash && char === '#') {
      const end = text.indexOf('\n', index);
      blank(index, end === -1 ? text.length : end);
      index = end === -1 ? text.length : end;
      continue;
    }
    index++;
  }
  return out.join('');
}

/** The folder part of a path ("" for a file at the root). */
export function dirOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? '' : path.slice(0, slash);
}

/** The last part of a path. */
export function baseOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
