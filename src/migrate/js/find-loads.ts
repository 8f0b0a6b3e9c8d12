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
  replace(node: never): unknown;
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
  /** Makes the load load `replacement` instead (and what else must change with it, such as a `.default`). */
  apply(replacement: string): void;
}

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
 * Finds, in a parsed module, every load of a path that holds one of `names` (import, export ... from, require,
 * import(), the module paths of jest and vitest mocks, TypeScript's `import x = require()` and `import()` types),
 * with the local names each binds; and the comments and other strings that name one. Changes nothing until a
 * load's `apply` is called.
 */
export function findConfigLoads(file: types.namedTypes.File, names: readonly string[], marks: SpecifierMarks): FoundLoads {
  const named = (text: string) => names.some((name) => text.includes(name));
  const found: FoundLoads = { loads: [], comments: [], strings: [] };
  recast().types.visit(file, {
    visitStringLiteral(path) {
      const node = path.node as AnyNode & { value: string };
      if (named(node.value)) {
        const load = classify(path as unknown as AnyPath, file, marks);
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
  const tokens = ((file as unknown as { tokens?: unknown[] }).tokens ?? []) as {
    type: string;
    value: string;
    loc: { start: { line: number; column: number } };
  }[];
  for (const token of tokens) {
    if ((token.type === 'CommentLine' || token.type === 'CommentBlock') && named(token.value) && LOAD_IN_COMMENT.test(token.value)) {
      found.comments.push({ line: token.loc.start.line, column: token.loc.start.column + 1, text: token.value });
    }
  }
  return found;
}

function positionOf(node: Node): Position {
  const start = node.loc?.start;
  return { line: start?.line ?? 1, column: (start?.column ?? 0) + 1 };
}

/**
 * Stands in for new specifiers until the module is printed. recast prints a changed string literal with one quote
 * for the whole file (and a node of another type would make it reprint the statement, comments included), so the
 * literal keeps its type and takes a marker as its value, and the printed marker, with whatever quotes, is then
 * replaced by the specifier as it is to be written.
 */
export class SpecifierMarks {
  private readonly prefix: string;
  private readonly raws: string[] = [];

  constructor(text: string) {
    let prefix = '__amplify_outputs_specifier_';
    while (text.includes(prefix)) prefix += '_';
    this.prefix = prefix;
  }

  mark(raw: string): string {
    this.raws.push(raw);
    return `${this.prefix}${this.raws.length - 1}__`;
  }

  restore(printed: string): string {
    if (this.raws.length === 0) return printed;
    return printed.replace(new RegExp(`(["'])${this.prefix}(\\d+)__\\1`, 'g'), (_match, _quote, index: string) => this.raws[Number(index)] ?? '');
  }
}

/** Replaces a specifier, written with its own quote, keeping every other character of the file. */
function replaceSpecifier(node: { value: string }, quote: string, replacement: string, marks: SpecifierMarks): void {
  const escaped = replacement.replaceAll('\\', '\\\\').replaceAll(quote, `\\${quote}`);
  node.value = marks.mark(`${quote}${escaped}${quote}`);
}

/** The load a specifier belongs to, or undefined when the string is not the path of a load. */
function classify(path: AnyPath, file: types.namedTypes.File, marks: SpecifierMarks): ConfigLoad | undefined {
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
    apply: (replacement: string) => replaceSpecifier(node, quote, replacement, marks),
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
        apply: withDefaultsDropped(base.apply, id?.name, declarationPath, file),
      };
    }
    case 'TSImportType':
      return { ...base, what: 'type import' };
    case 'CallExpression':
    case 'ImportExpression':
      if (path.name !== 0 && !(parent.type === 'ImportExpression' && path.name === 'source')) return undefined;
      return call(base, parentPath, file);
    default:
      return undefined;
  }
}

type Base = Pick<ConfigLoad, 'specifier' | 'quote' | 'position' | 'bindings' | 'apply'>;

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
function call(base: Base, callPath: AnyPath, file: types.namedTypes.File): ConfigLoad | undefined {
  const callNode = callPath.node;
  if (callNode.type === 'ImportExpression') return dynamicImport(base, callPath, 'dynamic import');
  const callee = callNode.callee as AnyNode;
  if (callee.type === 'Import') return dynamicImport(base, callPath, 'dynamic import');
  if (callee.type === 'Identifier' && callee.name === 'require') return required(base, callPath, file, 'require');
  if (callee.type !== 'MemberExpression') return undefined;
  const object = callee.object as AnyNode & { name?: string };
  const method = memberName(callee);
  if (object.type !== 'Identifier' || method === undefined) return undefined;
  if (object.name === 'require' && method === 'resolve') return { ...base, what: 'require.resolve' };
  if (object.name !== 'jest' && object.name !== 'vi') return undefined;
  if (JEST_LIKE_REQUIRE.has(method)) return required(base, callPath, file, `${object.name}.${method}`);
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
function required(base: Base, callPath: AnyPath, file: types.namedTypes.File, what: string): ConfigLoad {
  const outerPath = callPath.parent as AnyPath;
  const outer = outerPath.node;
  if (isMember(outer) && outer.object === callPath.node) {
    const key = memberName(outer);
    if (key !== 'default') return { ...base, what, unsupported: { why: `reads ${key ?? 'a computed key'} on it`, keys: key ? [key] : [] } };
    const declarator = outerPath.parent?.node as AnyNode | undefined;
    const id = declarator?.type === 'VariableDeclarator' && declarator.init === outer ? (declarator.id as AnyNode) : undefined;
    return {
      ...base,
      what,
      bindings: id?.type === 'Identifier' ? [{ name: id.name as string, throughDefault: false }] : [],
      apply: (replacement) => {
        base.apply(replacement);
        outerPath.replace(callPath.node as never);
      },
    };
  }
  if (outer.type === 'VariableDeclarator' && outer.init === callPath.node) {
    const id = outer.id as AnyNode;
    if (id.type === 'Identifier') {
      const name = id.name as string;
      return { ...base, what, bindings: [{ name, throughDefault: false }], apply: withDefaultsDropped(base.apply, name, outerPath, file) };
    }
    if (id.type === 'ObjectPattern') {
      const taken = destructured(id);
      if ('keys' in taken)
        return {
          ...base,
          what,
          unsupported: { why: `takes ${taken.keys.join(', ')} out of it`, keys: taken.keys.filter((key) => key !== 'default' && key !== '...') },
        };
      return {
        ...base,
        what,
        bindings: [{ name: taken.name, throughDefault: false }],
        apply: (replacement) => {
          base.apply(replacement);
          outer.id = { type: 'Identifier', name: taken.name } as never;
        },
      };
    }
  }
  return { ...base, what };
}

/**
 * Makes a load's `apply` also drop `.default` where `name` (declared at `declarationPath`) is read through it:
 * the module's namespace had the configuration at `.default`, the JSON file is the configuration.
 */
function withDefaultsDropped(
  apply: (replacement: string) => void,
  name: string | undefined,
  declarationPath: AnyPath,
  file: types.namedTypes.File,
): (replacement: string) => void {
  if (name === undefined) return apply;
  return (replacement) => {
    apply(replacement);
    // Scopes are compared by their nodes: each traversal makes its own Scope objects.
    // ast-types does not know that TypeScript's `import x = require()` declares x: a name no scope declares is
    // taken to be that one.
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
          path.replace(object as never);
          return false;
        }
        this.traverse(path);
      },
    });
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
