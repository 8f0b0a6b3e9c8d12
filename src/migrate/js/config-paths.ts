import { jsParser } from '../../readers/js-parser.js';
import type { types } from 'recast';
import { namedTypes, recast } from './parse-module.js';
import type { ConfigBinding } from './config-uses.js';

const n = namedTypes;

/** The key a member expression reads when it is known without running the code: `.name`, `['name']`, `[0]`. */
export function keyOf(node: types.namedTypes.MemberExpression | types.namedTypes.OptionalMemberExpression): string | undefined {
  const property = node.property as types.namedTypes.Node;
  if (!node.computed) return n.Identifier.check(property) ? property.name : undefined;
  if (n.StringLiteral.check(property)) return property.value;
  if (n.NumericLiteral.check(property)) return String(property.value);
  if (n.Literal.check(property)) {
    const value = (property as { value: unknown }).value;
    return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
  }
  if (n.TemplateLiteral.check(property) && property.expressions.length === 0 && property.quasis.length === 1) {
    return property.quasis[0]?.value.cooked ?? undefined;
  }
  return undefined;
}

/** The value at keys of a JSON value (own properties only), or undefined. */
export function valueAt(value: unknown, keys: readonly string[]): unknown {
  let current = value;
  for (const key of keys) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** Whether keys name a place amplify_outputs.json has. */
export function readsOutputs(outputs: unknown, keys: readonly string[]): boolean {
  return valueAt(outputs, keys) !== undefined;
}

/** The category a Gen2 pointer belongs to: its first token (auth, data, storage...). */
export function categoryOf(pointer: string): string {
  return pointer.split('/')[1] || 'file';
}

/** `config.storage.bucket_name`: the binding's expression followed by the tokens, as code. */
export function pathText(root: string, tokens: readonly string[]): string {
  return root + tokens.map((token) => (isIdentifierName(token) ? `.${token}` : `[${JSON.stringify(token)}]`)).join('');
}

export function isIdentifierName(token: string): boolean {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(token);
}

/** The text of the binding's root expression (`config`, `cfg.default`). */
export function rootText(binding: ConfigBinding): string {
  return binding.throughDefault ? `${binding.name}.default` : binding.name;
}

const snippetParser = {
  parse: (source: string) => jsParser().parse(source, { sourceType: 'module', plugins: ['jsx', 'typescript'], tokens: true }),
};

/**
 * Code written as text and parsed, so that it prints as written (recast prints nodes it built itself in its own
 * layout, an object over several lines): an expression, a pattern or a statement.
 */
export function parseSnippet(kind: 'expression', text: string): types.namedTypes.Node;
export function parseSnippet(kind: 'pattern' | 'statement', text: string): types.namedTypes.Node;
export function parseSnippet(kind: 'expression' | 'pattern' | 'statement', text: string): types.namedTypes.Node {
  const source = kind === 'expression' ? `_ = ${text};` : kind === 'pattern' ? `const ${text} = _;` : text;
  const file = recast().parse(source, { parser: snippetParser }) as types.namedTypes.File;
  const statement = file.program.body[0] as types.namedTypes.Node;
  if (kind === 'statement') {
    // A statement added to a body is printed on its own line(s); with its location kept, recast would glue two added
    // statements together. Its parts keep their text.
    delete (statement as { loc?: unknown }).loc;
    return statement;
  }
  if (kind === 'pattern') return ((statement as types.namedTypes.VariableDeclaration).declarations[0] as types.namedTypes.VariableDeclarator).id;
  return ((statement as types.namedTypes.ExpressionStatement).expression as types.namedTypes.AssignmentExpression).right;
}

/** The text of a node as it is printed (its original text when it was not changed). */
export function textOf(node: types.namedTypes.Node): string {
  return recast().print(node).code;
}

/**
 * After statements were added to the module's body: its directives ('use client') printed afresh. recast reprints a
 * changed body with the directives' own text, which ends with their semicolon, and adds one more (`"use client";;`).
 */
export function refreshDirectives(file: types.namedTypes.File): void {
  const program = file.program as types.namedTypes.Program & { directives?: types.namedTypes.Node[] };
  if (!program.directives || program.directives.length === 0) return;
  program.directives = program.directives.map((directive) => ({ ...directive, loc: null, original: undefined }) as typeof directive);
}
