import type { types } from 'recast';
import { builders, namedTypes, recast } from './parse-module.js';
import type { DiagnosticCode } from '../../diagnostics/codes.js';
import { createDiagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { formatPointer } from '../../source/json-pointer.js';
import type { RewriteContext } from '../types.js';
import { configureCalls } from './config-configure.js';
import { categoryOf, isIdentifierName, keyOf, parseSnippet, pathText, readsOutputs, rootText, textOf, valueAt } from './config-paths.js';

/** A local name a JavaScript or TypeScript module binds to the Gen1 configuration it loads. */
export interface ConfigBinding {
  /** The local identifier (`config` in `import config from './aws-exports'`). */
  name: string;
  /** True when the configuration is reached through `.default` on it (`import * as cfg`, an unwrapped `require`). */
  throughDefault: boolean;
}

const b = builders;
const n = namedTypes;
type Node = types.namedTypes.Node;
// The expression kinds the builders take.
type Expression = Parameters<typeof b.spreadElement>[0];
type NodePath = types.NodePath;

/** What the rewriters of one module share: the bindings, the context, and the findings so far. */
export interface UseScope {
  readonly file: types.namedTypes.File;
  readonly bindings: readonly ConfigBinding[];
  readonly context: RewriteContext;
  readonly diagnostics: Diagnostic[];
  /** The binding an expression is the configuration of (`config`, or `cfg.default` for a binding through default). */
  bindingOf(node: Node | null | undefined, path?: NodePath): ConfigBinding | undefined;
  /** Adds a finding at a node. */
  report(code: DiagnosticCode, node: Node, init: { message?: string; resolution?: string; pointer?: string; target?: string; category?: string }): void;
}

/**
 * Rewrites, in place, what a module does with the configuration it loads once the binding holds amplify_outputs.json
 * instead: reads of Gen1 keys, `Amplify.configure` calls with overrides, and the wiring of REST APIs and
 * predictions. Returns the findings (each with the file, line and column).
 */
export function rewriteConfigUses(file: types.namedTypes.File, bindings: readonly ConfigBinding[], context: RewriteContext): Diagnostic[] {
  const scope = useScope(file, bindings, context);
  if (bindings.length === 0) return scope.diagnostics;
  rewriteReads(scope);
  configureCalls(scope);
  return scope.diagnostics;
}

function useScope(file: types.namedTypes.File, bindings: readonly ConfigBinding[], context: RewriteContext): UseScope {
  const diagnostics: Diagnostic[] = [];
  const byName = new Map(bindings.map((binding) => [binding.name, binding]));
  const declaredAtTop = (name: string, path: NodePath | undefined): boolean => {
    let declaring: { isGlobal: boolean; node: Node } | undefined;
    try {
      declaring = path?.scope?.lookup(name);
    } catch {
      // Scopes ast-types cannot work out (syntax it does not know): the name is not taken for the configuration.
      return false;
    }
    // A name declared again in an inner scope (a parameter, a local) is not the configuration there.
    return !declaring || declaring.isGlobal || n.Program.check(declaring.node);
  };
  return {
    file,
    bindings,
    context,
    diagnostics,
    bindingOf(node, path) {
      if (!node) return undefined;
      if (n.Identifier.check(node)) {
        const binding = byName.get(node.name);
        return binding && !binding.throughDefault && declaredAtTop(node.name, path) ? binding : undefined;
      }
      if ((n.MemberExpression.check(node) || n.OptionalMemberExpression.check(node)) && n.Identifier.check(node.object) && keyOf(node) === 'default') {
        const binding = byName.get(node.object.name);
        return binding?.throughDefault && declaredAtTop(node.object.name, path) ? binding : undefined;
      }
      return undefined;
    },
    report(code, node, init) {
      const start = node.loc?.start;
      diagnostics.push(
        createDiagnostic(code, {
          message: init.message,
          resolution: init.resolution,
          platform: context.platform,
          category: init.category ?? 'file',
          source: { file: context.path, pointer: init.pointer ?? '', line: start?.line, column: start === undefined ? undefined : start.column + 1 },
          target: init.target,
        }),
      );
    },
  };
}

/** A member chain built on an expression: `.a.b` or `?.a?.b`. */
function memberChain(object: Expression, tokens: readonly string[], optional: boolean): Expression {
  let result = object;
  for (const token of tokens) {
    const property = isIdentifierName(token) ? b.identifier(token) : b.stringLiteral(token);
    const computed = !isIdentifierName(token);
    result = optional ? b.optionalMemberExpression(result, property, computed, true) : b.memberExpression(result, property, computed);
  }
  return result;
}

/** The members of a read, from the binding outwards, each with its key (undefined where it is computed at run time). */
interface Chain {
  binding: ConfigBinding;
  /** The paths of the member expressions, innermost first (after `.default` for a binding through default). */
  members: NodePath[];
  keys: (string | undefined)[];
}

function isMember(node: Node | null | undefined): node is types.namedTypes.MemberExpression | types.namedTypes.OptionalMemberExpression {
  return n.MemberExpression.check(node) || n.OptionalMemberExpression.check(node);
}

/** Rewrites or reports the reads of Gen1 keys: member chains and destructuring. */
function rewriteReads(scope: UseScope): void {
  const chains: Chain[] = [];
  const patterns: { binding: ConfigBinding; path: NodePath }[] = [];
  recast().visit(scope.file, {
    visitIdentifier(path) {
      const node = path.node;
      const parent = path.parent?.node as Node | undefined;
      let root: NodePath = path;
      let binding: ConfigBinding | undefined;
      if (isMember(parent) && parent.object === node && keyOf(parent) === 'default' && scope.bindingOf(parent, path)) {
        binding = scope.bindingOf(parent, path);
        root = path.parent as NodePath;
      } else if (!(isMember(parent) && parent.property === node && !parent.computed)) {
        binding = scope.bindingOf(node, path);
      }
      if (!binding) return false;
      const rootParent = root.parent?.node as Node | undefined;
      if (isMember(rootParent) && rootParent.object === root.node) {
        const members: NodePath[] = [];
        const keys: (string | undefined)[] = [];
        let current: NodePath = root;
        for (
          let outer = current.parent as NodePath | undefined;
          outer && isMember(outer.node) && outer.node.object === current.node;
          outer = current.parent as NodePath | undefined
        ) {
          current = outer;
          members.push(current);
          const key = keyOf(current.node as types.namedTypes.MemberExpression);
          keys.push(key);
          if (key === undefined) break;
        }
        chains.push({ binding, members, keys });
      } else if (n.VariableDeclarator.check(rootParent) && rootParent.init === root.node && n.ObjectPattern.check(rootParent.id)) {
        patterns.push({ binding, path: root.parent as NodePath });
      }
      return false;
    },
  });
  for (const chain of chains) rewriteChain(scope, chain);
  for (const pattern of patterns) rewritePattern(scope, pattern.binding, pattern.path);
}

/** What a read of these tokens finds: a Gen2 read left alone, a move, a change of form, or nothing. */
type ReadFate =
  | { kind: 'gen2' }
  | { kind: 'move'; depth: number; target: readonly string[]; gen1: string }
  | { kind: 'form'; depth: number; gen1: string; target: string; form: string }
  | { kind: 'absent'; gen1: string };

function fateOf(scope: UseScope, keys: readonly string[]): ReadFate {
  const { outputs, readTarget } = scope.context;
  let gen2Depth = 0;
  while (gen2Depth < keys.length && valueAt(outputs, keys.slice(0, gen2Depth + 1)) !== undefined) gen2Depth += 1;
  let gen1Depth = keys.length;
  let found = undefined as ReturnType<typeof readTarget>;
  for (; gen1Depth > 0; gen1Depth -= 1) {
    found = readTarget(formatPointer(keys.slice(0, gen1Depth)));
    if (found) break;
  }
  if (gen2Depth > 0 && (!found || gen2Depth >= gen1Depth)) return { kind: 'gen2' };
  if (!found) return { kind: 'absent', gen1: formatPointer(keys.slice(0, 1)) };
  // The shortest read that finds the same: `config.oauth.redirectSignIn`, not `config.oauth.redirectSignIn.split`.
  while (gen1Depth > 1) {
    const shorter = readTarget(formatPointer(keys.slice(0, gen1Depth - 1)));
    if (!shorter || shorter.sameValue !== found.sameValue || (!found.sameValue && shorter.pointer !== found.pointer)) break;
    found = shorter;
    gen1Depth -= 1;
  }
  const gen1 = formatPointer(keys.slice(0, gen1Depth));
  if (found.sameValue) {
    const target =
      found.pointer === ''
        ? []
        : found.pointer
            .slice(1)
            .split('/')
            .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
    return { kind: 'move', depth: gen1Depth, target, gen1 };
  }
  return { kind: 'form', depth: gen1Depth, gen1, target: found.pointer, form: found.form ?? 'another form' };
}

/** Members of Object.prototype: `config.hasOwnProperty(...)` reads no field. */
function isObjectMember(key: string): boolean {
  return key in Object.prototype;
}

function rewriteChain(scope: UseScope, chain: Chain): void {
  const staticKeys: string[] = [];
  for (const key of chain.keys) {
    if (key === undefined) break;
    staticKeys.push(key);
  }
  const first = chain.members[0];
  if (!first) return;
  const root = rootText(chain.binding);
  if (staticKeys.length === 0) {
    scope.report('CONFIG_READ_DYNAMIC', first.node, { message: `\`${root}[...]\` reads a field of the configuration by a key computed when the code runs.` });
    return;
  }
  if (isObjectMember(staticKeys[0] as string)) return;
  const fate = fateOf(scope, staticKeys);
  const shown = pathText(root, staticKeys);
  if (fate.kind === 'gen2') return;
  if (fate.kind === 'absent') {
    scope.report('CONFIG_READ_NOT_CARRIED', first.node, {
      pointer: fate.gen1,
      message: `\`${shown}\` reads ${fate.gen1.slice(1)}, which amplify_outputs.json does not hold.`,
    });
    return;
  }
  const replaced = chain.members[fate.depth - 1] as NodePath;
  const readText = pathText(root, staticKeys.slice(0, fate.depth));
  if (fate.kind === 'form') {
    const gen2Text = pathText(root, fate.target === '' ? [] : fate.target.slice(1).split('/'));
    scope.report('CONFIG_READ_CHANGES_FORM', replaced.node, {
      pointer: fate.gen1,
      target: fate.target,
      category: categoryOf(fate.target),
      message: `\`${readText}\` is \`${gen2Text}\` in amplify_outputs.json, in another form: ${fate.form}. The read was left as it was.`,
      resolution: `Read \`${gen2Text}\` instead, and change the code that uses it to the new form: ${fate.form}.`,
    });
    return;
  }
  const optional = chain.members.slice(0, fate.depth).some((member) => (member.node as { optional?: boolean }).optional === true);
  // The binding itself, or `cfg.default` for a binding through default: what the first member reads from.
  const rootNode = (first.node as types.namedTypes.MemberExpression).object;
  const rewritten = memberChain(rootNode as Expression, fate.target, optional);
  const newText = pathText(root, fate.target);
  scope.report('CONFIG_READ_REWRITTEN', replaced.node, {
    pointer: fate.gen1,
    target: formatPointer(fate.target),
    category: categoryOf(formatPointer(fate.target)),
    message: `\`${readText}\` now reads \`${newText}\`, where amplify_outputs.json holds the same value.`,
  });
  replaced.replace(rewritten);
}

/** A leaf of a destructuring pattern: where it reads, and the pattern or identifier it binds. */
interface Leaf {
  keys: string[];
  value: Node;
  /** The property node, for locations. */
  property: Node;
  shorthand: boolean;
}

/** Rewrites `const { aws_user_files_s3_bucket: bucket } = config` into the Gen2 places, where the value is the same. */
function rewritePattern(scope: UseScope, binding: ConfigBinding, path: NodePath): void {
  const declarator = path.node as types.namedTypes.VariableDeclarator;
  const pattern = declarator.id as types.namedTypes.ObjectPattern;
  const root = rootText(binding);
  const leaves: Leaf[] = [];
  let dynamic: Node | undefined;
  const collect = (node: types.namedTypes.ObjectPattern, keys: string[]): void => {
    for (const property of node.properties) {
      if (!(n.ObjectProperty.check(property) || n.Property.check(property))) {
        dynamic ??= property;
        continue;
      }
      const key = patternKey(property);
      if (key === undefined) {
        dynamic ??= property;
        continue;
      }
      const value = property.value as Node;
      if (n.ObjectPattern.check(value) && readTargetDefinedBelow(scope, [...keys, key])) collect(value, [...keys, key]);
      else leaves.push({ keys: [...keys, key], value, property, shorthand: Boolean((property as { shorthand?: boolean }).shorthand) });
    }
  };
  collect(pattern, []);
  if (dynamic) {
    scope.report('CONFIG_READ_DYNAMIC', dynamic, {
      message: `The destructuring of \`${root}\` takes fields it does not name (a rest element or a computed key); which Gen1 fields they are cannot be told, so the pattern was left as it was.`,
    });
    return;
  }
  const placed: { keys: readonly string[]; leaf: Leaf }[] = [];
  let moved = false;
  for (const leaf of leaves) {
    const fate = fateOf(scope, leaf.keys);
    const readText = pathText(root, leaf.keys);
    if (fate.kind === 'move' && fate.depth === leaf.keys.length) {
      const target = fate.target;
      placed.push({ keys: target, leaf });
      moved = true;
      scope.report('CONFIG_READ_REWRITTEN', leaf.property, {
        pointer: fate.gen1,
        target: formatPointer(target),
        category: categoryOf(formatPointer(target)),
        message: `\`${readText}\`, destructured, now reads \`${pathText(root, target)}\`, where amplify_outputs.json holds the same value.`,
      });
      continue;
    }
    placed.push({ keys: leaf.keys, leaf });
    if (fate.kind === 'form') {
      const gen2Text = pathText(root, fate.target === '' ? [] : fate.target.slice(1).split('/'));
      scope.report('CONFIG_READ_CHANGES_FORM', leaf.property, {
        pointer: fate.gen1,
        target: fate.target,
        category: categoryOf(fate.target),
        message: `\`${readText}\`, destructured, is \`${gen2Text}\` in amplify_outputs.json, in another form: ${fate.form}. It was left as it was.`,
        resolution: `Destructure \`${gen2Text}\` instead, and change the code that uses it to the new form: ${fate.form}.`,
      });
    } else if (fate.kind === 'absent' || (fate.kind === 'move' && fate.depth !== leaf.keys.length)) {
      if (fate.kind === 'absent' && isObjectMember(leaf.keys[0] as string)) continue;
      scope.report('CONFIG_READ_NOT_CARRIED', leaf.property, {
        pointer: formatPointer(leaf.keys),
        message: `\`${readText}\`, destructured, reads a field amplify_outputs.json does not hold.`,
      });
    }
  }
  if (!moved) return;
  const rewritten = parseSnippet('pattern', buildPattern(placed)) as types.namedTypes.ObjectPattern;
  if (pattern.typeAnnotation) rewritten.typeAnnotation = pattern.typeAnnotation;
  declarator.id = rewritten;
}

/** Whether the fields below a nested pattern are Gen1 fields to follow (not a Gen2 block read as it is). */
function readTargetDefinedBelow(scope: UseScope, keys: readonly string[]): boolean {
  return !readsOutputs(scope.context.outputs, keys);
}

function patternKey(property: types.namedTypes.ObjectProperty | types.namedTypes.Property): string | undefined {
  const key = property.key as Node;
  if (!property.computed && n.Identifier.check(key)) return key.name;
  if (n.StringLiteral.check(key) || (n.Literal.check(key) && typeof (key as { value: unknown }).value === 'string')) return (key as { value: string }).value;
  if (n.NumericLiteral.check(key)) return String(key.value);
  return undefined;
}

interface PatternTree {
  children: Map<string, PatternTree>;
  leaf?: Leaf;
}

/** The object pattern that reads each leaf at its keys, the leaves that share a parent under one key, as text. */
function buildPattern(placed: readonly { keys: readonly string[]; leaf: Leaf }[]): string {
  const tree: PatternTree = { children: new Map() };
  const extra: { keys: readonly string[]; leaf: Leaf }[] = [];
  for (const entry of placed) {
    let node = tree;
    let clash = false;
    entry.keys.forEach((key, index) => {
      let child = node.children.get(key);
      if (!child) {
        child = { children: new Map() };
        node.children.set(key, child);
      }
      if (child.leaf || (index === entry.keys.length - 1 && child.children.size > 0)) clash = true;
      node = child;
    });
    if (clash) extra.push(entry);
    else node.leaf = entry.leaf;
  }
  const keyText = (key: string): string => (isIdentifierName(key) ? key : JSON.stringify(key));
  const leafText = (key: string, leaf: Leaf): string => {
    const value = leaf.value;
    if (n.Identifier.check(value) && value.name === key && isIdentifierName(key) && !value.typeAnnotation) return key;
    return `${keyText(key)}: ${textOf(value)}`;
  };
  const toText = (node: PatternTree): string =>
    `{ ${[...node.children.entries()].map(([key, child]) => (child.leaf ? leafText(key, child.leaf) : `${keyText(key)}: ${toText(child)}`)).join(', ')} }`;
  const parts = [toText(tree).slice(2, -2)];
  // A field read twice (or at a place another leaf reads below) keeps a property of its own: a pattern may name a key twice.
  for (const entry of extra) {
    const keys = [...entry.keys];
    const last = keys.pop() as string;
    parts.push(keys.reduceRight((inner, key) => `${keyText(key)}: { ${inner} }`, leafText(last, entry.leaf)));
  }
  return `{ ${parts.filter(Boolean).join(', ')} }`;
}
