import { joinPointer } from '../source/json-pointer.js';
import type { ObjectNode, ReaderIssue, SourceDocument, SourceLocation, SourceNode } from '../source/source-node.js';
import { LineIndex, stripByteOrderMark } from './line-index.js';
import { excessiveNesting, MAX_VALUE_DEPTH } from './nesting-depth.js';
import { jsParser } from './js-parser.js';
import { readGeneratedAwsExports } from './read-generated-aws-exports.js';
import { nestingError, readerError } from './reader-error.js';

/* The babel AST is walked structurally; these are the few shapes we look at. */
interface AstNode {
  type: string;
  loc?: { start: { line: number; column: number } } | null;
  start?: number | null;
  end?: number | null;
  [key: string]: unknown;
}

/**
 * Reads `aws-exports.js` / `.ts` (and Mobile Hub `aws-config.js`) as syntax. The file is never executed:
 * only literal values (and identifiers bound to literal top-level constants) are evaluated; everything else
 * becomes an unresolved node that the engine reports at its line and column.
 */
export function readAwsExports(rawText: string, fileName: string): SourceDocument {
  const text = stripByteOrderMark(rawText);
  return readGeneratedAwsExports(text, fileName) ?? readAwsExportsSyntax(text, fileName);
}

/** Reads the file with the JavaScript parser, whatever its shape (the text without a byte-order mark). */
export function readAwsExportsSyntax(text: string, fileName: string): SourceDocument {
  const program = parseProgram(text, fileName);
  const constants = collectTopLevelConstants(program);
  const reader = new ExpressionReader(text, constants);

  const exported = findExportedExpression(program);
  if (exported) {
    const value = unwrapTypeScript(exported);
    const target = value.type === 'Identifier' ? constants.get(String(value['name'])) : value;
    const objectExpression = target ? unwrapTypeScript(target) : undefined;
    if (objectExpression?.type === 'ObjectExpression') {
      const root = reader.read(objectExpression, '') as ObjectNode;
      return { root, issues: reader.issues };
    }
    throw readerError(
      'NO_CONFIG_OBJECT',
      fileName,
      locationOf(exported),
      `The file exports ${describe(value)}, not an object literal, so its configuration cannot be read without running it.`,
      'Export the configuration object literal itself (for example `const awsmobile = {...}; export default awsmobile;`).',
    );
  }

  const mobileHub = readMobileHubConstants(program, reader);
  if (mobileHub) return mobileHub;

  // Without a default export, one exported object literal (`export const AWS_CONFIG = {...}`) is the configuration.
  const named = namedObjectExports(program, constants);
  if (named.length === 1) {
    const root = reader.read(named[0]![1], '') as ObjectNode;
    return { root, issues: reader.issues };
  }
  if (named.length > 1) {
    const names = named.map(([name]) => `\`${name}\``).join(', ');
    throw readerError(
      'NO_CONFIG_OBJECT',
      fileName,
      locationOf(named[1]![1]),
      `The file exports ${named.length} objects (${names}) and no default, so which one is the configuration cannot be told.`,
      `Add \`export default <name>;\` for the one the app passes to Amplify.configure (for example \`export default ${named[0]![0]};\`), or convert a file that exports only it.`,
    );
  }

  const unexported = [...constants.entries()].find(([, init]) => unwrapTypeScript(init).type === 'ObjectExpression');
  throw readerError(
    'NO_CONFIG_OBJECT',
    fileName,
    unexported ? locationOf(unexported[1]) : { line: 1, column: 1 },
    unexported
      ? `The file declares \`${unexported[0]}\` but never exports it, so it is not a configuration the app can load.`
      : 'The file exports no configuration object (no `export default`, no `module.exports`).',
    unexported
      ? `If this object is the app's configuration, add \`export default ${unexported[0]};\` and run again.`
      : 'Point the command at the aws-exports.js file the Amplify CLI generated.',
  );
}

function parseProgram(text: string, fileName: string): AstNode {
  const tooDeep = excessiveNesting(text);
  if (tooDeep !== undefined) throw nestingError(fileName, new LineIndex(text).locate(tooDeep));
  try {
    const file = jsParser().parse(text, {
      sourceType: 'unambiguous',
      allowReturnOutsideFunction: true,
      errorRecovery: false,
      plugins: ['typescript'],
    }) as unknown as AstNode;
    return file['program'] as AstNode;
  } catch (error) {
    // The scan above stops deep nesting; should the parser still run out of stack, that is what it says.
    if (error instanceof RangeError) throw nestingError(fileName, { line: 1, column: 1 });
    const loc = (error as { loc?: { line: number; column: number } }).loc;
    const message = error instanceof Error ? error.message.replace(/\s*\(\d+:\d+\)$/, '') : String(error);
    throw readerError(
      'PARSE_ERROR',
      fileName,
      loc ? { line: loc.line, column: loc.column + 1 } : undefined,
      `The file does not parse: ${message}.`,
      'Fix the syntax error (or restore the file the Amplify CLI generated) and run again.',
    );
  }
}

function body(program: AstNode): AstNode[] {
  return (program['body'] as AstNode[] | undefined) ?? [];
}

/** Top-level `const` declarations with an initializer, by name (including `export const`). */
function collectTopLevelConstants(program: AstNode): Map<string, AstNode> {
  const constants = new Map<string, AstNode>();
  for (const statement of body(program)) {
    const declaration = statement.type === 'ExportNamedDeclaration' ? (statement['declaration'] as AstNode | null) : statement;
    if (declaration?.type !== 'VariableDeclaration' || declaration['kind'] !== 'const') continue;
    for (const declarator of declaration['declarations'] as AstNode[]) {
      const id = declarator['id'] as AstNode;
      const init = declarator['init'] as AstNode | null;
      if (id.type === 'Identifier' && init) constants.set(String(id['name']), init);
    }
  }
  return constants;
}

/**
 * The object literals a module exports by name, in order: `export const X = {...}`, and `export { X }` of a top-level
 * constant bound to one.
 */
function namedObjectExports(program: AstNode, constants: Map<string, AstNode>): [string, AstNode][] {
  const found: [string, AstNode][] = [];
  const add = (name: string, init: AstNode | undefined): void => {
    const value = init ? unwrapTypeScript(init) : undefined;
    if (value?.type === 'ObjectExpression' && !found.some(([known]) => known === name)) found.push([name, init as AstNode]);
  };
  for (const statement of body(program)) {
    if (statement.type !== 'ExportNamedDeclaration' || statement['exportKind'] === 'type') continue;
    const declaration = statement['declaration'] as AstNode | null;
    if (declaration?.type === 'VariableDeclaration' && declaration['kind'] === 'const') {
      for (const declarator of declaration['declarations'] as AstNode[]) {
        const id = declarator['id'] as AstNode;
        if (id.type === 'Identifier') add(String(id['name']), (declarator['init'] as AstNode | null) ?? undefined);
      }
    }
    if (!declaration && !statement['source']) {
      for (const specifier of (statement['specifiers'] as AstNode[] | undefined) ?? []) {
        const local = specifier['local'] as AstNode | undefined;
        const exported = specifier['exported'] as AstNode | undefined;
        if (local?.type !== 'Identifier') continue;
        add(String(exported?.['name'] ?? local['name']), constants.get(String(local['name'])));
      }
    }
  }
  return found;
}

/** `export default X`, `module.exports = X`, `exports.default = X`: the first one found. */
function findExportedExpression(program: AstNode): AstNode | undefined {
  for (const statement of body(program)) {
    if (statement.type === 'ExportDefaultDeclaration') {
      const declaration = statement['declaration'] as AstNode;
      return declaration;
    }
    if (statement.type === 'TSExportAssignment') return statement['expression'] as AstNode;
    if (statement.type === 'ExpressionStatement') {
      const expression = statement['expression'] as AstNode;
      if (expression.type === 'AssignmentExpression' && expression['operator'] === '=' && isModuleExports(expression['left'] as AstNode)) {
        return expression['right'] as AstNode;
      }
    }
  }
  return undefined;
}

function isModuleExports(node: AstNode): boolean {
  if (node.type !== 'MemberExpression' || node['computed']) return false;
  const object = node['object'] as AstNode;
  const property = node['property'] as AstNode;
  if (object.type === 'Identifier' && object['name'] === 'module' && property['name'] === 'exports') return true;
  return object.type === 'Identifier' && object['name'] === 'exports' && property['name'] === 'default';
}

/** Mobile Hub's `aws-config.js`: separate top-level `const aws_x = ...` declarations and no export. */
function readMobileHubConstants(program: AstNode, reader: ExpressionReader): SourceDocument | undefined {
  const entries: ObjectNode['entries'] = [];
  let first: SourceLocation | undefined;
  for (const statement of body(program)) {
    const declaration = statement.type === 'ExportNamedDeclaration' ? (statement['declaration'] as AstNode | null) : statement;
    if (declaration?.type !== 'VariableDeclaration') continue;
    for (const declarator of declaration['declarations'] as AstNode[]) {
      const id = declarator['id'] as AstNode;
      const init = declarator['init'] as AstNode | null;
      const name = String(id['name'] ?? '');
      if (id.type !== 'Identifier' || !init || !name.startsWith('aws_')) continue;
      const keyLoc = locationOf(id);
      first ??= keyLoc;
      entries.push({ key: name, keyLoc, node: reader.read(init, joinPointer('', name)) });
    }
  }
  if (entries.length === 0 || !first) return undefined;
  return {
    root: { kind: 'object', entries, loc: first },
    issues: [...reader.issues, { code: 'MOBILE_HUB_CONSTANTS', pointer: '', loc: first, detail: `${entries.length} constants` }],
  };
}

function unwrapTypeScript(node: AstNode): AstNode {
  let current = node;
  for (;;) {
    if (
      current.type === 'TSAsExpression' ||
      current.type === 'TSSatisfiesExpression' ||
      current.type === 'TSNonNullExpression' ||
      current.type === 'TSTypeAssertion' ||
      current.type === 'ParenthesizedExpression'
    ) {
      current = current['expression'] as AstNode;
      continue;
    }
    return current;
  }
}

function locationOf(node: AstNode): SourceLocation {
  const start = node.loc?.start;
  return start ? { line: start.line, column: start.column + 1 } : { line: 1, column: 1 };
}

function describe(node: AstNode): string {
  switch (node.type) {
    case 'CallExpression':
    case 'NewExpression':
      return 'the result of a call';
    case 'Identifier':
      return `\`${String(node['name'])}\`, which is not a constant object literal in this file`;
    case 'FunctionDeclaration':
    case 'ArrowFunctionExpression':
    case 'FunctionExpression':
      return 'a function';
    case 'ClassDeclaration':
      return 'a class';
    default:
      return `an expression (${node.type})`;
  }
}

/** Evaluates literal expressions into located source nodes. */
class ExpressionReader {
  readonly issues: ReaderIssue[] = [];
  private readonly resolving = new Set<string>();

  constructor(
    private readonly text: string,
    private readonly constants: Map<string, AstNode>,
  ) {}

  read(expression: AstNode, pointer: string, depth = 0): SourceNode {
    const node = unwrapTypeScript(expression);
    const loc = locationOf(node);
    if (depth > MAX_VALUE_DEPTH) return this.unresolved(node, 'deeply nested value');
    switch (node.type) {
      case 'StringLiteral':
        return { kind: 'scalar', value: String(node['value']), loc };
      case 'NumericLiteral':
        return { kind: 'scalar', value: Number(node['value']), loc };
      case 'BooleanLiteral':
        return { kind: 'scalar', value: Boolean(node['value']), loc };
      case 'NullLiteral':
        return { kind: 'scalar', value: null, loc };
      case 'TemplateLiteral': {
        const expressions = node['expressions'] as AstNode[];
        const quasis = node['quasis'] as AstNode[];
        if (expressions.length === 0 && quasis.length === 1) {
          const cooked = (quasis[0]?.['value'] as { cooked?: string | null } | undefined)?.cooked;
          if (typeof cooked === 'string') return { kind: 'scalar', value: cooked, loc };
        }
        return this.unresolved(node, 'template literal with expressions');
      }
      case 'UnaryExpression': {
        const argument = unwrapTypeScript(node['argument'] as AstNode);
        if ((node['operator'] === '-' || node['operator'] === '+') && argument.type === 'NumericLiteral') {
          const value = Number(argument['value']);
          return { kind: 'scalar', value: node['operator'] === '-' ? -value : value, loc };
        }
        return this.unresolved(node, 'expression');
      }
      case 'Identifier':
        return this.readIdentifier(node, pointer, depth);
      case 'ArrayExpression':
        return {
          kind: 'array',
          items: (node['elements'] as (AstNode | null)[]).map((element, index) => {
            const itemPointer = joinPointer(pointer, index);
            if (!element) return { kind: 'scalar', value: null, loc } as SourceNode;
            if (element.type === 'SpreadElement') return this.unresolved(element, 'spread element');
            return this.read(element, itemPointer, depth + 1);
          }),
          loc,
        };
      case 'ObjectExpression':
        return this.readObject(node, pointer, depth);
      default:
        return this.unresolved(node, describeExpression(node));
    }
  }

  private readIdentifier(node: AstNode, pointer: string, depth: number): SourceNode {
    const name = String(node['name']);
    const init = this.constants.get(name);
    if (name === 'undefined' || !init || this.resolving.has(name)) {
      return this.unresolved(node, name === 'undefined' ? 'undefined' : 'identifier that is not a literal constant of this file');
    }
    this.resolving.add(name);
    try {
      const resolved = this.read(init, pointer, depth + 1);
      // Locate the value where it is used, so diagnostics point into the object.
      return resolved.kind === 'unresolved' ? { ...resolved, loc: locationOf(node) } : { ...resolved, loc: locationOf(node) };
    } finally {
      this.resolving.delete(name);
    }
  }

  private readObject(node: AstNode, pointer: string, depth: number): ObjectNode {
    const entries: ObjectNode['entries'] = [];
    const seen = new Set<string>();
    for (const property of node['properties'] as AstNode[]) {
      if (property.type === 'SpreadElement') {
        this.issues.push({ code: 'SPREAD_NOT_EVALUATED', pointer, loc: locationOf(property), detail: this.snippet(property) });
        continue;
      }
      const keyNode = property['key'] as AstNode;
      const key = property['computed'] ? undefined : propertyName(keyNode);
      if (key === undefined) {
        this.issues.push({ code: 'COMPUTED_KEY_NOT_EVALUATED', pointer, loc: locationOf(property), detail: this.snippet(keyNode) });
        continue;
      }
      const childPointer = joinPointer(pointer, key);
      if (seen.has(key)) this.issues.push({ code: 'DUPLICATE_KEY', pointer: childPointer, loc: locationOf(keyNode), detail: key });
      seen.add(key);
      const valueNode: SourceNode =
        property.type === 'ObjectProperty' ? this.read(property['value'] as AstNode, childPointer, depth + 1) : this.unresolved(property, 'method or accessor');
      entries.push({ key, keyLoc: locationOf(keyNode), node: valueNode });
    }
    return { kind: 'object', entries, loc: locationOf(node) };
  }

  private unresolved(node: AstNode, what: string): SourceNode {
    return { kind: 'unresolved', expression: this.snippet(node), what, loc: locationOf(node) };
  }

  private snippet(node: AstNode): string {
    const raw = typeof node.start === 'number' && typeof node.end === 'number' ? this.text.slice(node.start, node.end) : node.type;
    const flat = raw.replace(/\s+/g, ' ').trim();
    return flat.length > 80 ? `${flat.slice(0, 77)}...` : flat;
  }
}

function propertyName(key: AstNode): string | undefined {
  if (key.type === 'Identifier') return String(key['name']);
  if (key.type === 'StringLiteral') return String(key['value']);
  if (key.type === 'NumericLiteral') return String(key['value']);
  return undefined;
}

function describeExpression(node: AstNode): string {
  switch (node.type) {
    case 'MemberExpression':
    case 'OptionalMemberExpression':
      return 'member expression (for example process.env)';
    case 'CallExpression':
    case 'NewExpression':
      return 'call';
    case 'ConditionalExpression':
      return 'conditional expression';
    case 'LogicalExpression':
    case 'BinaryExpression':
      return 'computed expression';
    default:
      return node.type;
  }
}
