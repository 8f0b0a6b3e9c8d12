import type { types } from 'recast';
import type { ConfigBinding } from './config-uses.js';
import { recast } from './parse-module.js';

type Node = types.namedTypes.Node;
type AnyNode = Node & Record<string, unknown>;
/** The little of ast-types' Scope and NodePath used here. */
interface Scope {
  node: unknown;
  lookup(name: string): Scope | null;
}

interface AnyPath {
  node: AnyNode;
  parent: AnyPath | null;
  name: string | number;
  scope: Scope | null;
}

/** A 1-based line and column. */
export interface Position {
  line: number;
  column: number;
}

/** One place a module loads a path that names a Gen1 configuration file. */
export interface ConfigLoad {
  specifier: string;
  /** The quote the specifier is written with. */
  quote: string;
  /** What kind of load it is, in words: "import", "require", "re-export", "test mock path"... */
  what: string;
  position: Position;
  /** The local names the loaded configuration is bound to, once the load is retargeted. */
  bindings: ConfigBinding[];
  /** Why amplify_outputs.json cannot take the place of the loaded module here (and the Gen1 keys read), if it cannot. */
  unsupported?: { why: string; keys?: string[] };
  /**
   * The edits of the module's text that make the load load `replacement` instead (and what must change with it,
   * such as a `.default`).
   */
  edits(replacement: string): TextEdit[];
}

/** Text from `start` to `end` (offsets into the parsed text) to be replaced by `text`. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/** Applies edits that do not overlap. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let result = text;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  return result;
}

/** What lies between an object and its `.default` (nothing else: no comment, which would be lost). */
const DEFAULT_ACCESS = /^\s*(?:\??\.\s*default|\??\.?\[\s*(['"])default\1\s*\])$/;

/** A comment or a string that names a Gen1 configuration file without being the path of a load. */
export interface Mention extends Position {
  text: string;
}

export interface FoundLoads {
  loads: ConfigLoad[];
  comments: Mention[];
  strings: Mention[];
}

const JEST_LIKE_REQUIRE = new Set(['requireActual', 'requireMock']);
const VITEST_LIKE_IMPORT = new Set(['importActual', 'importMock']);
const MOCK_PATH = new Set(['mock', 'doMock', 'unmock', 'dontMock', 'doUnmock', 'setMock', 'createMockFromModule', 'genMockFromModule']);
const LOAD_IN_COMMENT = /\b(?:import|require|from|mock|importActual|requireActual)\b/;

/**
 * Finds, in a module parsed by parseSyntax (whose offsets are into `text`), every load of a path that holds one of `names` (import, export ... from, require,
 * import(), the module paths of jest and vitest mocks, TypeScript's `import x = require()` and `import()` types),
 * with the local names each binds and the edits of `text` (the text `file` was parsed from) that retarget it; and
 * the comments and other strings that name one. Changes nothing.
 */
export function findConfigLoads(file: types.namedTypes.File, text: string, names: readonly string[]): FoundLoads {
  const named = (value: string) => names.some((name) => value.includes(name));
  const found: FoundLoads = { loads: [], comments: [], strings: [] };
  const source = sourceOf(text);
  recast().types.visit(file, {
    visitStringLiteral(path) {
      const node = path.node as AnyNode & { value: string };
      if (named(node.value)) {
        const load = classify(path as unknown as AnyPath, file, source);
        if (load) found.loads.push(load);
        else found.strings.push({ ...positionOf(node), text: node.value });
      }
      return false;
    },
    visitTemplateLiteral(path) {
      for (const quasi of path.node.quasis) {
        if (named(quasi.value.raw)) found.strings.push({ ...positionOf(quasi as Node), text: quasi.value.raw });
      }
      this.traverse(path);
    },
  });
  const comments = ((file as unknown as { comments?: unknown[] }).comments ?? []) as { value: string; loc: { start: { line: number; column: number } } }[];
  for (const comment of comments) {
    if (named(comment.value) && LOAD_IN_COMMENT.test(comment.value))
      found.comments.push({ line: comment.loc.start.line, column: comment.loc.start.column + 1, text: comment.value });
  }
  return found;
}

function positionOf(node: Node): Position {
  const start = node.loc?.start;
  return { line: start?.line ?? 1, column: (start?.column ?? 0) + 1 };
}

/** The specifier written with the quote of the one it replaces. */
function written(replacement: string, quote: string): string {
  return quote + replacement.replaceAll('\\', '\\\\').replaceAll(quote, `\\${quote}`) + quote;
}

/** The text a module was parsed from, and where a node is in it. */
interface Source {
  text: string;
  span(node: unknown): { start: number; end: number };
}

function sourceOf(text: string): Source {
  return { text, span: (node) => ({ start: (node as { start: number }).start, end: (node as { end: number }).end }) };
}

/** The load a specifier belongs to, or undefined when the string is not the path of a load. */
function classify(path: AnyPath, file: types.namedTypes.File, source: Source): ConfigLoad | undefined {
  const node = path.node as AnyNode & { value: string; extra?: { raw?: string } };
  const parentPath = path.parent as AnyPath | null;
  if (!parentPath) return undefined;
  const parent = parentPath.node;
  const quote = node.extra?.raw?.startsWith("'") ? "'" : '"';
  const base = {
    specifier: node.value,
    quote,
    position: positionOf(node),
    bindings: [] as ConfigBinding[],
    edits: (replacement: string): TextEdit[] => [{ ...source.span(node), text: written(replacement, quote) }],
  };
  switch (parent.type) {
    case 'ImportDeclaration':
      return path.name === 'source' ? importDeclaration(base, parent) : undefined;
    case 'ExportNamedDeclaration':
      return path.name === 'source' ? reexport(base, parent) : undefined;
    case 'ExportAllDeclaration':
      return path.name === 'source' ? { ...base, what: 're-export', unsupported: { why: 're-exports everything it exports by name' } } : undefined;
    case 'TSExternalModuleReference': {
      const declaration = parentPath.parent?.node as AnyNode | undefined;
      const id = declaration?.type === 'TSImportEqualsDeclaration' ? (declaration.id as { name: string }) : undefined;
      const declarationPath = parentPath.parent as AnyPath;
      return {
        ...base,
        what: 'import',
        bindings: id ? [{ name: id.name, throughDefault: false }] : [],
        edits: withDefaultsDropped(base.edits, id?.name, declarationPath, file, source),
      };
    }
    case 'TSImportType':
      return { ...base, what: 'type import' };
    case 'CallExpression':
    case 'ImportExpression':
      if (path.name !== 0 && !(parent.type === 'ImportExpression' && path.name === 'source')) return undefined;
      return call(base, parentPath, file, source);
    default:
      return undefined;
  }
}

type Base = Pick<ConfigLoad, 'specifier' | 'quote' | 'position' | 'bindings' | 'edits'>;

function importDeclaration(base: Base, declaration: AnyNode): ConfigLoad {
  const bindings: ConfigBinding[] = [];
  const byName: string[] = [];
  for (const specifier of (declaration.specifiers ?? []) as AnyNode[]) {
    const local = (specifier.local as { name: string } | undefined)?.name ?? '';
    if (specifier.type === 'ImportDefaultSpecifier') bindings.push({ name: local, throughDefault: false });
    else if (specifier.type === 'ImportNamespaceSpecifier') bindings.push({ name: local, throughDefault: true });
    else {
      const imported = specifier.imported as { name?: string; value?: string };
      const name = imported.name ?? imported.value ?? '';
      if (name === 'default') bindings.push({ name: local, throughDefault: false });
      else byName.push(name);
    }
  }
  if (byName.length > 0) return { ...base, what: 'import', unsupported: { why: `imports ${byName.join(', ')} by name`, keys: byName } };
  return { ...base, what: 'import', bindings: declaration.importKind === 'type' ? [] : bindings };
}

function reexport(base: Base, declaration: AnyNode): ConfigLoad {
  const byName: string[] = [];
  for (const specifier of (declaration.specifiers ?? []) as AnyNode[]) {
    if (specifier.type === 'ExportNamespaceSpecifier') continue;
    const local = specifier.local as { name?: string; value?: string } | undefined;
    const name = local?.name ?? local?.value ?? '';
    if (name !== 'default') byName.push(name);
  }
  if (byName.length > 0) return { ...base, what: 're-export', unsupported: { why: `re-exports ${byName.join(', ')} by name`, keys: byName } };
  return { ...base, what: 're-export' };
}

function memberName(member: AnyNode): string | undefined {
  const property = member.property as AnyNode & { name?: string; value?: unknown };
  if (!member.computed && property.type === 'Identifier') return property.name;
  if (member.computed && (property.type === 'StringLiteral' || property.type === 'Literal') && typeof property.value === 'string') return property.value;
  return undefined;
}

function isMember(node: AnyNode | undefined): boolean {
  return node?.type === 'MemberExpression' || node?.type === 'OptionalMemberExpression';
}

/** A load through a call: require(), import(), jest and vitest's module paths, require.resolve(). */
function call(base: Base, callPath: AnyPath, file: types.namedTypes.File, source: Source): ConfigLoad | undefined {
  const callNode = callPath.node;
  if (callNode.type === 'ImportExpression') return dynamicImport(base, callPath, 'dynamic import');
  const callee = callNode.callee as AnyNode;
  if (callee.type === 'Import') return dynamicImport(base, callPath, 'dynamic import');
  if (callee.type === 'Identifier' && callee.name === 'require') return required(base, callPath, file, source, 'require');
  if (callee.type !== 'MemberExpression') return undefined;
  const object = callee.object as AnyNode & { name?: string };
  const method = memberName(callee);
  if (object.type !== 'Identifier' || method === undefined) return undefined;
  if (object.name === 'require' && method === 'resolve') return { ...base, what: 'require.resolve' };
  if (object.name !== 'jest' && object.name !== 'vi') return undefined;
  if (JEST_LIKE_REQUIRE.has(method)) return required(base, callPath, file, source, `${object.name}.${method}`);
  if (VITEST_LIKE_IMPORT.has(method)) return dynamicImport(base, callPath, `${object.name}.${method}`);
  if (MOCK_PATH.has(method)) return { ...base, what: `${object.name}.${method} path` };
  return undefined;
}

/** The names an object pattern takes out of a module: all `default: name`, else the keys (the load cannot be rewritten). */
function destructured(pattern: AnyNode): { name: string } | { keys: string[] } {
  const keys: string[] = [];
  let name: string | undefined;
  for (const property of pattern.properties as AnyNode[]) {
    const key = property.type === 'ObjectProperty' || property.type === 'Property' ? memberName({ ...property, property: property.key } as AnyNode) : undefined;
    const value = property.value as AnyNode | undefined;
    if (key === 'default' && value?.type === 'Identifier' && name === undefined) name = value.name as string;
    else keys.push(key ?? '...');
  }
  return keys.length === 0 && name !== undefined ? { name } : { keys };
}

/**
 * require() and jest.requireActual(): a required JSON file is the object itself, where the required Gen1 ES module
 * was its namespace. So `require(gen1).default` becomes `require(outputs)`, `const { default: config } =` becomes
 * `const config =`, and `config.default` on a name bound to the module becomes `config`.
 */
function required(base: Base, callPath: AnyPath, file: types.namedTypes.File, source: Source, what: string): ConfigLoad {
  const outerPath = callPath.parent as AnyPath;
  const outer = outerPath.node;
  if (isMember(outer) && outer.object === callPath.node) {
    const key = memberName(outer);
    if (key !== 'default') return { ...base, what, unsupported: { why: `reads ${key ?? 'a computed key'} on it`, keys: key ? [key] : [] } };
    const access = { start: source.span(callPath.node).end, end: source.span(outer).end };
    if (!DEFAULT_ACCESS.test(source.text.slice(access.start, access.end)))
      return { ...base, what, unsupported: { why: 'reads .default on it in a way that cannot be rewritten safely (parentheses or a comment around it)' } };
    const declarator = outerPath.parent?.node as AnyNode | undefined;
    const id = declarator?.type === 'VariableDeclarator' && declarator.init === outer ? (declarator.id as AnyNode) : undefined;
    return {
      ...base,
      what,
      bindings: id?.type === 'Identifier' ? [{ name: id.name as string, throughDefault: false }] : [],
      edits: (replacement) => [...base.edits(replacement), { ...access, text: '' }],
    };
  }
  if (outer.type === 'VariableDeclarator' && outer.init === callPath.node) {
    const id = outer.id as AnyNode;
    if (id.type === 'Identifier') {
      const name = id.name as string;
      return { ...base, what, bindings: [{ name, throughDefault: false }], edits: withDefaultsDropped(base.edits, name, outerPath, file, source) };
    }
    if (id.type === 'ObjectPattern') {
      const taken = destructured(id);
      if ('keys' in taken)
        return {
          ...base,
          what,
          unsupported: { why: `takes ${taken.keys.join(', ')} out of it`, keys: taken.keys.filter((key) => key !== 'default' && key !== '...') },
        };
      if (/\/[/*]/.test(source.text.slice(source.span(id).start, source.span(id).end)))
        return { ...base, what, unsupported: { why: 'takes its default out with a comment in the pattern' } };
      return {
        ...base,
        what,
        bindings: [{ name: taken.name, throughDefault: false }],
        edits: (replacement) => [...base.edits(replacement), { ...source.span(id), text: taken.name }],
      };
    }
  }
  return { ...base, what };
}

/**
 * Adds to a load's edits the dropping of `.default` where `name` (declared at `declarationPath`) is read through it:
 * the module's namespace had the configuration at `.default`, the JSON file is the configuration.
 */
function withDefaultsDropped(
  edits: (replacement: string) => TextEdit[],
  name: string | undefined,
  declarationPath: AnyPath,
  file: types.namedTypes.File,
  source: Source,
): (replacement: string) => TextEdit[] {
  if (name === undefined) return edits;
  return (replacement) => {
    const result = edits(replacement);
    // Scopes are compared by their nodes: each traversal makes its own Scope objects. ast-types does not know that
    // TypeScript's `import x = require()` declares x: a name no scope declares is taken to be that one.
    const outermost = declarationPath.scope?.node;
    const declaredIn = declarationPath.scope?.lookup(name)?.node ?? outermost;
    recast().types.visit(file, {
      visitMemberExpression(path) {
        const member = path.node as unknown as AnyNode;
        const object = member.object as AnyNode;
        if (
          object.type === 'Identifier' &&
          object.name === name &&
          memberName(member) === 'default' &&
          ((path.scope as Scope | null)?.lookup(name)?.node ?? outermost) === declaredIn
        ) {
          const access = { start: source.span(object).end, end: source.span(member).end };
          if (DEFAULT_ACCESS.test(source.text.slice(access.start, access.end))) result.push({ ...access, text: '' });
          return false;
        }
        this.traverse(path);
      },
    });
    return result;
  };
}

/**
 * import() and vi.importActual(): the promise of the module's namespace, where a JSON file's configuration is at
 * `.default` as the Gen1 module's was. Only the names are collected.
 */
function dynamicImport(base: Base, callPath: AnyPath, what: string): ConfigLoad {
  let outerPath = callPath.parent as AnyPath;
  let namespace = true;
  if (outerPath.node.type === 'AwaitExpression') {
    outerPath = outerPath.parent as AnyPath;
    if (isMember(outerPath.node) && memberName(outerPath.node) === 'default') {
      namespace = false;
      outerPath = outerPath.parent as AnyPath;
    }
    const outer = outerPath.node;
    if (outer.type !== 'VariableDeclarator') return { ...base, what };
    return boundTo(base, what, outer.id as AnyNode, namespace);
  }
  const outer = outerPath.node;
  if (isMember(outer) && outer.object === callPath.node && memberName(outer) === 'then') {
    const thenCall = outerPath.parent?.node as AnyNode | undefined;
    const callback = (thenCall?.arguments as AnyNode[] | undefined)?.[0];
    const parameter = (callback?.params as AnyNode[] | undefined)?.[0];
    if (parameter) return boundTo(base, what, parameter, true);
  }
  return { ...base, what };
}

function boundTo(base: Base, what: string, id: AnyNode, namespace: boolean): ConfigLoad {
  if (id.type === 'Identifier') return { ...base, what, bindings: [{ name: id.name as string, throughDefault: namespace }] };
  if (id.type === 'ObjectPattern' && namespace) {
    const taken = destructured(id);
    if ('name' in taken) return { ...base, what, bindings: [{ name: taken.name, throughDefault: false }] };
    return { ...base, what, unsupported: { why: `takes ${taken.keys.join(', ')} out of it`, keys: taken.keys.filter((key) => key !== '...') } };
  }
  return { ...base, what };
}
