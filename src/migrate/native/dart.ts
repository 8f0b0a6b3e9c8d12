import { posix } from 'node:path';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { SourceRewrite } from '../types.js';
import { children, namedChildren, type NativeRewriteContext, nodeDiagnostic, nodesOfType, rewriteParsed, type Splice } from './edits.js';
import type { Node } from './parsers.js';

/** What the Dart rewriter needs beyond the app's context. */
export interface DartRewriteContext extends NativeRewriteContext {
  /** The app's package name (`name:` in pubspec.yaml), which `package:` imports of its own files use. */
  dartPackage: string | undefined;
}

const GEN1_CONSTANT = 'amplifyconfig';
const GEN2_CONSTANT = 'amplifyConfig';
const GEN1_FILE = 'amplifyconfiguration.dart';

/** Where a Dart import or export names its file: the string node and its value. */
interface DirectiveUri {
  directive: Node;
  kind: 'import' | 'export';
  literal: Node;
  value: string;
}

/**
 * Rewrites a Dart file that imports amplifyconfiguration.dart: the import names amplify_outputs.dart instead (same
 * style), and references to `amplifyconfig` (bare, or through the import's prefix) become `amplifyConfig`. Reads of
 * Gen1 keys through `jsonDecode(amplifyconfig)[...]` are reported with their Gen2 paths. Synchronous; the grammars
 * must be loaded (loadNativeParsers).
 */
export function rewriteDartSource(text: string, context: DartRewriteContext): SourceRewrite {
  return rewriteParsed(
    'dart',
    text,
    context,
    (source) => source.includes('amplifyconfiguration'),
    'whole',
    (tree) => {
      const diagnostics: Diagnostic[] = [];
      const splices: Splice[] = [];
      const matched: { uri: DirectiveUri; prefix: string | undefined }[] = [];
      for (const uri of directiveUris(tree.rootNode)) {
        const resolved = resolveDartUri(uri.value, context);
        if (resolved === 'unknown-package' || (resolved !== context.gen1Path && posix.basename(resolved ?? '') === GEN1_FILE)) {
          diagnostics.push(
            nodeDiagnostic('DART_NOT_REWRITTEN', context, uri.literal, {
              message:
                resolved === 'unknown-package'
                  ? `'${uri.value}' names a package whose name is not known here (the app's pubspec.yaml was not read), so it is not rewritten.`
                  : `'${uri.value}' resolves to ${resolved}, not to the converted ${context.gen1Path}, so it is not rewritten.`,
            }),
          );
          continue;
        }
        if (resolved !== context.gen1Path) continue;
        if (uri.kind === 'export') {
          diagnostics.push(
            nodeDiagnostic('DART_NOT_REWRITTEN', context, uri.literal, {
              message: `The file exports ${GEN1_FILE} again: its importers read ${GEN1_CONSTANT} through it, so it is left as it is.`,
            }),
          );
          continue;
        }
        matched.push({ uri, prefix: importPrefix(uri.directive) });
      }
      if (matched.length === 0) return { splices: [], diagnostics };

      const bare = matched.some((m) => m.prefix === undefined);
      const prefixes = new Set(matched.flatMap((m) => (m.prefix === undefined ? [] : [m.prefix])));
      const references: Node[] = [];
      let taken: Node | undefined;
      for (const node of nodesOfType(tree.rootNode, ['identifier', 'identifier_dollar_escaped'])) {
        if (node.text !== GEN1_CONSTANT && node.text !== GEN2_CONSTANT) continue;
        const role = identifierRole(node);
        if (role === 'directive' || role === 'label') continue;
        if (role === 'member') {
          if (node.text === GEN1_CONSTANT && prefixes.has(memberReceiver(node) ?? '')) references.push(node);
          continue;
        }
        if (!bare) continue;
        if (node.text === GEN2_CONSTANT || role === 'declaration') taken ??= node;
        else references.push(node);
      }
      if (taken !== undefined) {
        diagnostics.push(
          nodeDiagnostic('DART_NAME_TAKEN', context, taken, {
            message:
              taken.text === GEN2_CONSTANT
                ? `The file imports ${GEN1_FILE} without a prefix and already uses the name ${GEN2_CONSTANT} here, so the constant is not renamed and the file is left as it is.`
                : `The file declares a name ${GEN1_CONSTANT} of its own here, so which references mean the imported constant is not clear; the file is left as it is.`,
          }),
        );
        return { splices: [], diagnostics };
      }

      for (const { uri } of matched) {
        const retargeted = outputsUri(uri.value, context);
        splices.push(...retargetLiteral(uri.literal, retargeted));
        for (const combinatorName of combinatorNames(uri.directive)) references.push(combinatorName);
        diagnostics.push(
          nodeDiagnostic('DART_IMPORT_RETARGETED', context, uri.directive, {
            message: `'${uri.value}' now imports '${retargeted}', and ${GEN1_CONSTANT} is now ${GEN2_CONSTANT}.`,
          }),
        );
      }
      for (const reference of references) {
        // `$amplifyconfig` inside a string is an identifier_dollar_escaped of the same text: renamed in place as well.
        splices.push({ start: reference.startIndex, end: reference.endIndex, text: GEN2_CONSTANT });
      }
      diagnostics.push(...gen1Reads(tree.rootNode, bare, prefixes, context));
      return { splices: dedupe(splices), diagnostics };
    },
  );
}

/** The imports and exports at the top of the file, with the string that names their file (plain literals only). */
function* directiveUris(root: Node): Generator<DirectiveUri> {
  for (const top of namedChildren(root)) {
    if (top.type !== 'import_or_export') continue;
    for (const directive of namedChildren(top)) {
      const kind = directive.type === 'library_export' ? 'export' : directive.type === 'library_import' ? 'import' : undefined;
      if (kind === undefined) continue;
      const specification = kind === 'import' ? (namedChildren(directive).find((n) => n.type === 'import_specification') ?? directive) : directive;
      // `import 'x.dart' deferred as p;` holds its uri directly; other directives in a configurable_uri (whose first
      // uri is the default, before any `if (...)` alternative).
      const holder = namedChildren(specification).find((n) => n.type === 'configurable_uri') ?? specification;
      const literal = namedChildren(holder)
        .find((n) => n.type === 'uri')
        ?.namedChildren.find((n) => n?.type === 'string_literal');
      if (literal === undefined || literal === null) continue;
      const value = plainString(literal.text);
      if (value !== undefined) yield { directive: specification, kind, literal, value };
    }
  }
}

/** The value of a one-line Dart string without escapes or interpolation ('x', "x", r'x'); else undefined. */
function plainString(literal: string): string | undefined {
  const match = /^r?(['"])([^'"\\$\r\n]*)\1$/.exec(literal);
  return match?.[2];
}

/**
 * The file (relative to the app's root) a Dart URI names from the file being rewritten: a relative path, or a
 * `package:` URI of the app's own package (its lib/ folder). Undefined for other packages and schemes;
 * 'unknown-package' for a package: URI of the Gen1 file's name when the app's package name is not known.
 */
function resolveDartUri(uri: string, context: DartRewriteContext): string | undefined {
  const packageMatch = /^package:([^/]+)\/(.+)$/.exec(uri);
  if (packageMatch !== null) {
    const [, name, rest] = packageMatch as unknown as [string, string, string];
    if (context.dartPackage === undefined) return posix.basename(rest) === GEN1_FILE ? 'unknown-package' : undefined;
    return name === context.dartPackage ? posix.join('lib', rest) : undefined;
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(uri)) return undefined;
  return posix.normalize(posix.join(posix.dirname(context.path), uri));
}

/** The URI of the outputs file in the style of the import it replaces (package: or relative, with a leading ./ kept). */
function outputsUri(original: string, context: DartRewriteContext): string {
  if (original.startsWith('package:') && context.outputsPath.startsWith('lib/')) {
    return `package:${context.dartPackage}/${context.outputsPath.slice('lib/'.length)}`;
  }
  let relative = posix.relative(posix.dirname(context.path), context.outputsPath);
  if (original.startsWith('./') && !relative.startsWith('../')) relative = `./${relative}`;
  return relative;
}

/** Splices that replace the value inside a string literal's quotes (the quotes and any r prefix kept). */
function retargetLiteral(literal: Node, value: string): Splice[] {
  const text = literal.text;
  const open = text.startsWith('r') ? 2 : 1;
  return [{ start: literal.startIndex + open, end: literal.endIndex - 1, text: value }];
}

/** The prefix of an import (`as cfg`), if it has one. */
function importPrefix(specification: Node): string | undefined {
  const parts = children(specification);
  const as = parts.findIndex((n) => n.type === 'as');
  const name = as >= 0 ? parts[as + 1] : undefined;
  return name?.type === 'identifier' ? name.text : undefined;
}

/** The `amplifyconfig` names in an import's show/hide lists. */
function combinatorNames(specification: Node): Node[] {
  return namedChildren(specification)
    .filter((n) => n.type === 'combinator')
    .flatMap((combinator) => namedChildren(combinator).filter((n) => n.type === 'identifier' && n.text === GEN1_CONSTANT));
}

type Role = 'directive' | 'label' | 'member' | 'declaration' | 'reference';

/** What an identifier is where it stands: a name in a directive, a named argument's label, a member, a declared name or a reference. */
function identifierRole(node: Node): Role {
  const parent = node.parent;
  if (parent === null) return 'reference';
  for (let up: Node | null = parent; up !== null; up = up.parent) if (up.type === 'import_or_export') return 'directive';
  switch (parent.type) {
    case 'label':
      return 'label';
    case 'unconditional_assignable_selector':
    case 'conditional_assignable_selector':
    case 'cascade_selector':
      return 'member';
    case 'static_final_declaration':
    case 'initialized_identifier':
    case 'catch_parameters':
    case 'enum_constant':
    case 'type_parameter':
      return parent.firstNamedChild?.id === node.id ? 'declaration' : 'reference';
    default:
      return parent.childForFieldName('name')?.id === node.id ? 'declaration' : 'reference';
  }
}

/** For `p.amplifyconfig`: `p`, when the member is read from a plain identifier (not from a longer chain). */
function memberReceiver(member: Node): string | undefined {
  const selector = member.parent?.parent;
  if (selector?.type !== 'selector') return undefined;
  const receiver = selector.previousNamedSibling;
  if (receiver?.type !== 'identifier') return undefined;
  const before = receiver.previousNamedSibling;
  // `a.p.amplifyconfig`: p is itself a member of something, not the import's prefix.
  if (before?.type === 'selector') return undefined;
  return receiver.text;
}

/**
 * `jsonDecode(amplifyconfig)['auth']['plugins']...` and `json.decode(...)`: reads of the Gen1 JSON, reported with
 * where the field is in amplify_outputs.json (or that it has no place there). A decode that is not indexed at once is
 * reported too: whatever reads the decoded map reads the Gen1 layout.
 */
function gen1Reads(root: Node, bare: boolean, prefixes: ReadonlySet<string>, context: DartRewriteContext): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const node of nodesOfType(root, ['identifier'])) {
    let call: Node | null;
    if (node.text === 'jsonDecode') call = node.nextNamedSibling;
    else if (node.text === 'json' && isMember(node.nextNamedSibling, 'decode')) call = node.nextNamedSibling?.nextNamedSibling ?? null;
    else continue;
    if (node.previousNamedSibling?.type === 'selector') continue;
    const argument = soleArgument(call);
    if (argument === undefined || !isConfigReference(argument, bare, prefixes)) continue;
    const keys: string[] = [];
    for (let selector = call?.nextNamedSibling ?? null; selector?.type === 'selector'; selector = selector.nextNamedSibling) {
      const key = indexKey(selector);
      if (key === undefined) break;
      keys.push(key);
    }
    const pointer = keys.length === 0 ? '' : `/${keys.map((k) => k.replaceAll('~', '~0').replaceAll('/', '~1')).join('/')}`;
    const target = keys.length === 0 ? undefined : context.readTarget(pointer);
    const read = keys.map((k) => `['${k}']`).join('');
    const message =
      keys.length === 0
        ? `The Gen1 configuration is decoded here (${node.text}(...)); whatever reads the map reads Gen1 keys, which amplify_outputs.dart does not have.`
        : target === undefined
          ? `${read} reads a Gen1 field that amplify_outputs.json does not carry.`
          : `${read} reads a Gen1 field that amplify_outputs.json holds at ${target.pointer}${target.sameValue ? '' : ` as ${target.form ?? 'another form'}`}.`;
    found.push(nodeDiagnostic('DART_GEN1_READ', context, node, { message, pointer, ...(target !== undefined ? { target: target.pointer } : {}) }));
  }
  return found;
}

function isMember(selector: Node | null, name: string): boolean {
  const access = selector?.type === 'selector' ? selector.firstNamedChild : null;
  return access?.type === 'unconditional_assignable_selector' && access.lastNamedChild?.type === 'identifier' && access.lastNamedChild.text === name;
}

/** The one positional argument of a call selector `(x)`. */
function soleArgument(call: Node | null): Node | undefined {
  if (call?.type !== 'selector') return undefined;
  const args = call.firstNamedChild?.type === 'argument_part' ? call.firstNamedChild.namedChildren.find((n) => n?.type === 'arguments') : undefined;
  const list = args ? namedChildren(args) : [];
  return list.length === 1 && list[0]?.type === 'argument' ? list[0] : undefined;
}

/** `amplifyconfig` (bare import) or `p.amplifyconfig` (prefixed), before or after renaming. */
function isConfigReference(argument: Node, bare: boolean, prefixes: ReadonlySet<string>): boolean {
  const parts = namedChildren(argument);
  const names = new Set([GEN1_CONSTANT, GEN2_CONSTANT]);
  if (parts.length === 1) return bare && parts[0]?.type === 'identifier' && names.has(parts[0].text);
  if (parts.length !== 2 || parts[0]?.type !== 'identifier' || !prefixes.has(parts[0].text)) return false;
  const member = parts[1]?.type === 'selector' ? parts[1].firstNamedChild?.lastNamedChild : undefined;
  return member?.type === 'identifier' && names.has(member.text);
}

/** The key of an index selector `['key']` with a plain string. */
function indexKey(selector: Node): string | undefined {
  const index = selector.firstNamedChild?.type === 'unconditional_assignable_selector' ? selector.firstNamedChild.firstNamedChild : undefined;
  if (index?.type !== 'index_selector') return undefined;
  const literal = index.firstNamedChild;
  return literal?.type === 'string_literal' ? plainString(literal.text) : undefined;
}

function dedupe(splices: Splice[]): Splice[] {
  const seen = new Set<number>();
  return splices.filter((splice) => {
    if (seen.has(splice.start)) return false;
    seen.add(splice.start);
    return true;
  });
}
