import type { types } from 'recast';
import { builders, namedTypes, recast } from './parse-module.js';
import { formatPointer } from '../../source/json-pointer.js';
import type { ConfigBinding, UseScope } from './config-uses.js';
import { keyOf, parseSnippet, pathText, refreshDirectives, rootText, textOf, valueAt } from './config-paths.js';

const b = builders;
const n = namedTypes;
type Node = types.namedTypes.Node;
// The expression kinds the builders take.
type Expression = Parameters<typeof b.spreadElement>[0];
type NodePath = types.NodePath;
type Property = types.namedTypes.ObjectProperty | types.namedTypes.Property;

/** Where amplify-js v6 documents `parseAmplifyConfig`, which turns amplify_outputs.json into its ResourcesConfig. */
const UTILS_MODULE = 'aws-amplify/utils';
const PARSE = 'parseAmplifyConfig';

/** The library options amplify-js v6 takes in the second argument of Amplify.configure that Gen1 code put beside the fields. */
const LIBRARY_OPTIONS = new Set(['ssr']);

/**
 * The categories of the amplify-js v6 ResourcesConfig, with the keys each takes: an override in this form means the
 * same beside the parsed configuration. An object literal with other keys is in an older (v5) form.
 */
const V6_CATEGORIES: Readonly<Record<string, readonly string[]>> = {
  Auth: ['Cognito'],
  API: ['GraphQL', 'REST', 'Events'],
  Storage: ['S3'],
  Analytics: ['Pinpoint', 'Kinesis', 'KinesisFirehose', 'Personalize'],
  Geo: ['LocationService'],
  Predictions: ['convert', 'identify', 'interpret'],
  Interactions: ['LexV1', 'LexV2'],
  Notifications: ['InAppMessaging', 'PushNotification'],
};

/** The category objects amplify-js v5 and older configured one by one (`Auth.configure(awsconfig)`). */
const CATEGORY_OBJECTS = new Set([
  'Auth',
  'API',
  'Storage',
  'Analytics',
  'PubSub',
  'Predictions',
  'Interactions',
  'Geo',
  'DataStore',
  'Notifications',
  'PushNotification',
  'XR',
]);

/** What amplify_outputs.json holds beyond what Amplify.configure reads, and how it is passed on. */
interface Wiring {
  api: boolean;
  predictions: boolean;
}

function isMember(node: Node | null | undefined): node is types.namedTypes.MemberExpression | types.namedTypes.OptionalMemberExpression {
  return n.MemberExpression.check(node) || n.OptionalMemberExpression.check(node);
}

function propertyKey(property: Node): string | undefined {
  if (!(n.ObjectProperty.check(property) || n.Property.check(property))) return undefined;
  const key = property.key as Node;
  if (!property.computed && n.Identifier.check(key)) return key.name;
  if (n.StringLiteral.check(key)) return key.value;
  if (n.Literal.check(key) && typeof (key as { value: unknown }).value === 'string') return (key as { value: string }).value;
  return undefined;
}

/**
 * `Amplify.configure` calls that give the configuration with settings beside it or that must pass on REST APIs and
 * predictions, and category `configure` calls of amplify-js v5: rewritten to the documented forms, or reported.
 */
export function configureCalls(scope: UseScope): void {
  const outputs = scope.context.outputs;
  const needs: Wiring = {
    api: valueAt(outputs, ['custom', 'API']) !== undefined,
    predictions: valueAt(outputs, ['custom', 'Predictions']) !== undefined,
  };
  // Code that already reads custom.API (or custom.Predictions) of the configuration passes it on itself.
  recast().visit(scope.file, {
    visitMemberExpression(path) {
      noteWired(scope, path, needs);
      this.traverse(path);
    },
    visitOptionalMemberExpression(path) {
      noteWired(scope, path, needs);
      this.traverse(path);
    },
  });
  const calls: NodePath[] = [];
  recast().visit(scope.file, {
    visitCallExpression(path) {
      calls.push(path);
      this.traverse(path);
    },
  });
  const imports = new ParseImport(scope.file);
  const amplify = amplifyNames(scope.file);
  for (const path of calls) {
    const node = path.node as types.namedTypes.CallExpression;
    const callee = node.callee as Node;
    if (!isMember(callee) || keyOf(callee) !== 'configure' || !n.Identifier.check(callee.object)) continue;
    if (amplify.has(callee.object.name)) amplifyConfigure(scope, path, needs, imports);
    else if (CATEGORY_OBJECTS.has(callee.object.name)) categoryConfigure(scope, path, callee.object.name);
  }
  if (imports.flush()) refreshDirectives(scope.file);
}

/** The local names of the Amplify object: `Amplify`, and what an import of it from aws-amplify names it. */
function amplifyNames(file: types.namedTypes.File): Set<string> {
  const names = new Set(['Amplify']);
  for (const statement of file.program.body as Node[]) {
    if (!n.ImportDeclaration.check(statement) || !/^(aws-amplify|@aws-amplify\/core)$/.test(String(statement.source.value))) continue;
    for (const specifier of statement.specifiers ?? []) {
      if (!n.Identifier.check(specifier.local)) continue;
      if (n.ImportDefaultSpecifier.check(specifier) || (n.ImportSpecifier.check(specifier) && specifier.imported.name === 'Amplify'))
        names.add(specifier.local.name);
    }
  }
  return names;
}

function noteWired(scope: UseScope, path: NodePath, needs: Wiring): void {
  const node = path.node as types.namedTypes.MemberExpression;
  const inner = node.object as Node;
  if (!isMember(inner) || keyOf(inner) !== 'custom' || !scope.bindingOf(inner.object as Node, path)) return;
  const key = keyOf(node);
  if (key === 'API') needs.api = false;
  if (key === 'Predictions') needs.predictions = false;
}

/** Whether an expression hands the configuration over: the binding, a spread of it, or a member of it. */
function mentionsBinding(scope: UseScope, node: Node, path: NodePath): boolean {
  if (scope.bindingOf(node, path)) return true;
  if (isMember(node)) return mentionsBinding(scope, node.object as Node, path);
  if (n.ObjectExpression.check(node)) {
    return node.properties.some(
      (property) => (n.SpreadElement.check(property) || n.SpreadProperty.check(property)) && mentionsBinding(scope, property.argument as Node, path),
    );
  }
  return false;
}

function categoryConfigure(scope: UseScope, path: NodePath, category: string): void {
  const node = path.node as types.namedTypes.CallExpression;
  if (!node.arguments.some((argument) => mentionsBinding(scope, argument as Node, path))) return;
  scope.report('CATEGORY_CONFIGURE_CALL', node, {
    category: 'file',
    message: `\`${category}.configure(...)\` gives the configuration to one category, as amplify-js v5 did; amplify-js v6 configures every category with Amplify.configure and does not read amplify_outputs.json here.`,
  });
}

function amplifyConfigure(scope: UseScope, path: NodePath, needs: Wiring, imports: ParseImport): void {
  const node = path.node as types.namedTypes.CallExpression;
  const first = node.arguments[0] as Node | undefined;
  if (!first) return;
  const direct = scope.bindingOf(first, path);
  if (direct) {
    if (!needs.api && !needs.predictions) return;
    const parsed = parsedConfig(scope, path, textOf(first), imports);
    node.arguments[0] = objectText([`...${parsed}`, ...wiringProperties(scope, node, direct, parsed, needs)]);
    return;
  }
  if (!n.ObjectExpression.check(first)) return;
  const spreadIndex = first.properties.findIndex(
    (property) => (n.SpreadElement.check(property) || n.SpreadProperty.check(property)) && scope.bindingOf(property.argument as Node, path),
  );
  if (spreadIndex < 0) return;
  const spread = first.properties[spreadIndex] as types.namedTypes.SpreadElement;
  const binding = scope.bindingOf(spread.argument as Node, path) as ConfigBinding;
  const root = rootText(binding);
  if (spreadIndex > 0) {
    scope.report('CONFIGURE_OVERRIDE_NOT_REWRITTEN', spread, {
      message: `\`...${root}\` comes after settings given to Amplify.configure, so in the Gen1 code the configuration overrode them; beside amplify_outputs.json they are ignored. The call was left as it was.`,
    });
    return;
  }
  const options: Property[] = [];
  const categories: Property[] = [];
  const others: Node[] = [];
  for (const property of first.properties.slice(1) as Node[]) {
    const key = propertyKey(property);
    if (key !== undefined && LIBRARY_OPTIONS.has(key)) options.push(property as Property);
    else if (key !== undefined && Object.hasOwn(V6_CATEGORIES, key) && inV6Form(key, property as Property)) categories.push(property as Property);
    else others.push(property);
  }
  for (const property of others) reportOther(scope, property, root);
  const second = node.arguments[1] as Node | undefined;
  const movable = options.filter(() => second === undefined || n.ObjectExpression.check(second));
  for (const option of options.filter((option) => !movable.includes(option))) {
    scope.report('CONFIGURE_OVERRIDE_NOT_REWRITTEN', option, {
      message: `\`${propertyKey(option)}\` is a library option, which amplify-js reads from the second argument of Amplify.configure; this call already has one that is not an object literal, so it was left as it was.`,
      resolution: `Move \`${propertyKey(option)}\` into the library options given as the second argument of Amplify.configure.`,
    });
  }
  const overridden = new Set(categories.map((property) => propertyKey(property)));
  const wiring: Wiring = { api: needs.api && !overridden.has('API'), predictions: needs.predictions && !overridden.has('Predictions') };
  if ((needs.api && overridden.has('API')) || (needs.predictions && overridden.has('Predictions'))) {
    scope.report('CUSTOM_WIRING_NOT_ADDED', node, {
      target: '/custom',
      category: 'custom',
      message: `This call sets ${[needs.api && overridden.has('API') ? 'API' : '', needs.predictions && overridden.has('Predictions') ? 'Predictions' : ''].filter(Boolean).join(' and ')} itself, so the REST APIs or Predictions of amplify_outputs.json (custom) were not added to it.`,
    });
  }
  if (categories.length === 0 && movable.length === 0 && !wiring.api && !wiring.predictions) return;
  const kept = first.properties.slice(1).filter((property) => !movable.includes(property as Property)) as Node[];
  if (categories.length === 0 && !wiring.api && !wiring.predictions) {
    // Only library options beside the configuration: `Amplify.configure(config, { ssr: true })`.
    node.arguments[0] = kept.length === 0 ? (spread.argument as Expression) : objectText([textOf(spread), ...kept.map(textOf)]);
  } else {
    const parsed = parsedConfig(scope, path, textOf(spread.argument as Node), imports);
    const added = wiringProperties(scope, node, binding, parsed, wiring);
    node.arguments[0] = objectText([`...${parsed}`, ...kept.map(textOf), ...added]);
    if (categories.length > 0) {
      scope.report('CONFIGURE_OVERRIDES_REWRITTEN', first, {
        message: `The settings given beside \`${root}\` (${categories.map((property) => propertyKey(property)).join(', ')}) now go beside \`${PARSE}(${root})\`, where amplify-js applies them. Before, it ignored them (an object with aws_ keys is read through parseAWSExports), so the app ran with the Gen1 file's values; now each block replaces the parsed category whole.`,
      });
    }
  }
  if (movable.length > 0) {
    if (second === undefined) node.arguments[1] = objectText(movable.map(textOf));
    else
      node.arguments[1] = objectText([
        ...(second as types.namedTypes.ObjectExpression).properties.map((property) => textOf(property as Node)),
        ...movable.map(textOf),
      ]);
    scope.report('CONFIGURE_OPTIONS_MOVED', movable[0] as Node, {
      message: `${movable.map((option) => `\`${propertyKey(option)}\``).join(', ')} now goes in the second argument of Amplify.configure, the library options.`,
    });
  }
}

/** Whether a category override is in the amplify-js v6 form (or an expression whose form cannot be seen). */
function inV6Form(category: string, property: Property): boolean {
  const value = property.value as Node;
  if (!n.ObjectExpression.check(value)) return true;
  const allowed = V6_CATEGORIES[category] ?? [];
  return value.properties.every((inner) => {
    if (n.SpreadElement.check(inner) || n.SpreadProperty.check(inner)) return true;
    const key = propertyKey(inner);
    return key !== undefined && allowed.includes(key);
  });
}

function reportOther(scope: UseScope, property: Node, root: string): void {
  const key = propertyKey(property);
  const olderForm = key !== undefined && Object.hasOwn(V6_CATEGORIES, key);
  const target = key === undefined || olderForm ? undefined : scope.context.readTarget(formatPointer([key]));
  const what =
    key === undefined
      ? 'A setting given to Amplify.configure beside'
      : olderForm
        ? `\`${key}\` is in an older (v5) form that amplify-js v6 does not read, given to Amplify.configure beside`
        : `\`${key}\` is given to Amplify.configure beside`;
  const place = target
    ? ` amplify_outputs.json holds ${key} at ${target.pointer}${target.sameValue ? '' : ` (in another form: ${target.form})`}: set the value there instead.`
    : '';
  scope.report('CONFIGURE_OVERRIDE_NOT_REWRITTEN', property, {
    pointer: target ? formatPointer([key as string]) : '',
    target: target?.pointer,
    message: `${what} \`...${root}\`; beside amplify_outputs.json amplify-js ignores it.${place}`,
  });
}

/** An object literal written as text, so that it prints as written. */
function objectText(properties: readonly string[]): Expression {
  return parseSnippet('expression', `{ ${properties.join(', ')} }`) as Expression;
}

/** The properties that pass on REST APIs and predictions, as text, each reported. */
function wiringProperties(scope: UseScope, call: Node, binding: ConfigBinding, parsed: string, wiring: Wiring): string[] {
  const root = rootText(binding);
  const properties: string[] = [];
  if (wiring.api) {
    properties.push(`API: { ...${parsed}.API, REST: ${pathText(root, ['custom', 'API'])} }`);
    scope.report('REST_API_WIRED', call, {
      target: '/custom/API',
      category: 'custom',
      message: `Amplify.configure now passes on the REST APIs of amplify_outputs.json: \`API: { ...${parsed}.API, REST: ${pathText(root, ['custom', 'API'])} }\`.`,
    });
  }
  if (wiring.predictions) {
    properties.push(`Predictions: ${pathText(root, ['custom', 'Predictions'])}`);
    scope.report('PREDICTIONS_WIRED', call, {
      target: '/custom/Predictions',
      category: 'custom',
      message: `Amplify.configure now passes on the Predictions settings of amplify_outputs.json: \`Predictions: ${pathText(root, ['custom', 'Predictions'])}\`.`,
    });
  }
  return properties;
}

/**
 * The parsed configuration for a call, as text: `amplifyConfig`, declared by a `const amplifyConfig =
 * parseAmplifyConfig(config);` before the statement of the call when it is one, else the call to parseAmplifyConfig
 * in place.
 */
function parsedConfig(scope: UseScope, path: NodePath, config: string, imports: ParseImport): string {
  const call = `${imports.localName()}(${config})`;
  const statement = path.parent as NodePath | undefined;
  const container = statement?.parent as NodePath | undefined;
  const inBody =
    n.ExpressionStatement.check(statement?.node) &&
    (n.Program.check(container?.node) ||
      n.BlockStatement.check(container?.node) ||
      n.SwitchCase.check(container?.node) ||
      n.TSModuleBlock.check(container?.node));
  if (!inBody || !statement) return call;
  const name = freeName(scope.file, 'amplifyConfig');
  // In the module's style: with a semicolon when the call's statement has one.
  const semicolon = /;\s*$/.test(textOf(statement.node as Node)) ? ';' : '';
  statement.insertBefore(parseSnippet('statement', `const ${name} = ${call}${semicolon}`));
  if (n.Program.check(container?.node)) refreshDirectives(scope.file);
  return name;
}

/** A name no identifier of the file uses yet. */
function freeName(file: types.namedTypes.File, wanted: string): string {
  const used = new Set<string>();
  recast().visit(file, {
    visitIdentifier(path) {
      used.add(path.node.name);
      return false;
    },
  });
  if (!used.has(wanted)) return wanted;
  let index = 2;
  while (used.has(`${wanted}${index}`)) index += 1;
  return `${wanted}${index}`;
}

/** The import of parseAmplifyConfig, added once per module in its style (import or require, its quotes), at the end. */
class ParseImport {
  private name: string | undefined;
  private pending: (() => void) | undefined;
  constructor(private readonly file: types.namedTypes.File) {}

  localName(): string {
    this.name ??= this.plan();
    return this.name;
  }

  /** Adds the import planned (after the other edits, which hold paths into the module's body); true when one was. */
  flush(): boolean {
    const pending = this.pending;
    this.pending = undefined;
    pending?.();
    return pending !== undefined;
  }

  private plan(): string {
    const body = this.file.program.body as Node[];
    const imports = body.filter((statement) => n.ImportDeclaration.check(statement)) as types.namedTypes.ImportDeclaration[];
    for (const declaration of imports) {
      if (declaration.source.value !== UTILS_MODULE || declaration.importKind === 'type') continue;
      for (const specifier of declaration.specifiers ?? []) {
        if (n.ImportSpecifier.check(specifier) && specifier.imported.name === PARSE) return n.Identifier.check(specifier.local) ? specifier.local.name : PARSE;
      }
      if ((declaration.specifiers ?? []).length > 0 && (declaration.specifiers ?? []).every((specifier) => n.ImportSpecifier.check(specifier))) {
        this.pending = () => {
          declaration.specifiers = [...(declaration.specifiers ?? []), b.importSpecifier(b.identifier(PARSE))];
        };
        return PARSE;
      }
    }
    const raw = (imports[0]?.source as { extra?: { raw?: string } } | undefined)?.extra?.raw ?? firstRequireRaw(body);
    const quote = raw?.startsWith('"') ? '"' : "'";
    const semicolon = body.length === 0 || /;\s*$/.test(textOf(body[0] as Node)) ? ';' : '';
    const module = `${quote}${UTILS_MODULE}${quote}`;
    const esm = imports.length > 0 || body.some((statement) => n.ExportNamedDeclaration.check(statement) || n.ExportDefaultDeclaration.check(statement));
    const requires = body.filter(isRequireStatement);
    const last = esm ? imports.at(-1) : requires.at(-1);
    const text = esm ? `import { ${PARSE} } from ${module}${semicolon}` : `const { ${PARSE} } = require(${module})${semicolon}`;
    this.pending = () => {
      body.splice(last ? body.indexOf(last) + 1 : 0, 0, parseSnippet('statement', text));
    };
    return PARSE;
  }
}

/** The raw text of the first require's module name, for its quotes. */
function firstRequireRaw(body: readonly Node[]): string | undefined {
  for (const statement of body.filter(isRequireStatement)) {
    const raw = textOf(statement).match(/require\(\s*(['"])/)?.[1];
    if (raw) return raw;
  }
  return undefined;
}

function isRequireStatement(statement: Node): boolean {
  if (!n.VariableDeclaration.check(statement)) return false;
  return statement.declarations.some((declarator) => {
    if (!n.VariableDeclarator.check(declarator)) return false;
    let init = declarator.init as Node | null | undefined;
    while (isMember(init)) init = init.object as Node;
    return n.CallExpression.check(init) && n.Identifier.check(init.callee) && init.callee.name === 'require';
  });
}
