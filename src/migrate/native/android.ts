import { posix } from 'node:path';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { SourceRewrite } from '../types.js';
import {
  children,
  descendants,
  indentationAt,
  lineBreak,
  namedChildren,
  type NativeRewriteContext,
  nodeDiagnostic,
  nodesOfType,
  type Readable,
  rewriteParsed,
  type Splice,
} from './edits.js';
import type { Node } from './parsers.js';

const OUTPUTS_CLASS = 'com.amplifyframework.core.configuration.AmplifyOutputs';
/** The classes whose `configure(context)` reads amplifyconfiguration.json: amplify-android's, and its Kotlin facade's. */
const AMPLIFY_CLASSES = ['com.amplifyframework.core.Amplify', 'com.amplifyframework.kotlin.core.Amplify'];

type AndroidLanguage = 'kotlin' | 'java';

/** One import of the file: its dotted path, whether it is static (Java) or ends in `.*`, and its node. */
interface Import {
  node: Node;
  path: string;
  wildcard: boolean;
  isStatic: boolean;
}

/**
 * Rewrites `Amplify.configure(context)` (and a statically imported `configure(context)`) to pass the Gen2 file
 * first: `AmplifyOutputs(R.raw.amplify_outputs)` in Kotlin, adding the import of AmplifyOutputs where the other
 * imports put it. Configurations built by hand (`AmplifyConfiguration.fromConfigFile(...)`, `builder(...)`, or one
 * passed to configure) are reported. Synchronous; the grammars must be loaded (loadNativeParsers).
 */
export function rewriteKotlinSource(text: string, context: NativeRewriteContext): SourceRewrite {
  return rewriteAndroid('kotlin', text, context);
}

/** The same as rewriteKotlinSource, in Java syntax: `AmplifyOutputs.fromResource(R.raw.amplify_outputs)`. */
export function rewriteJavaSource(text: string, context: NativeRewriteContext): SourceRewrite {
  return rewriteAndroid('java', text, context);
}

function rewriteAndroid(language: AndroidLanguage, text: string, context: NativeRewriteContext): SourceRewrite {
  return rewriteParsed(
    language,
    text,
    context,
    (source) => /\bconfigure\s*\(|\bAmplifyConfiguration\b/.test(source) && source.includes('amplifyframework'),
    'local',
    (tree, readable) => {
      const splices: Splice[] = [];
      const diagnostics: Diagnostic[] = [];
      const imports = readImports(language, tree.rootNode);
      const amplifyImported = imports.some((i) => !i.isStatic && AMPLIFY_CLASSES.some((c) => (i.wildcard ? `${i.path}.Amplify` === c : i.path === c)));
      const configureImported = imports.some((i) => AMPLIFY_CLASSES.some((c) => (i.wildcard ? i.path === c : i.path === `${c}.configure`)));
      const resource = `R.raw.${posix.basename(context.outputsPath).replace(/\.[^.]*$/, '')}`;
      const outputs = language === 'kotlin' ? `AmplifyOutputs(${resource})` : `AmplifyOutputs.fromResource(${resource})`;
      const ownR = imports.find((i) => !i.isStatic && !i.wildcard && i.path.endsWith('.R'));
      for (const node of nodesOfType(tree.rootNode, [language === 'java' ? 'method_invocation' : 'call_expression'])) {
        const call = readCall(language, node);
        if (call === undefined) continue;
        if (call.receiver === 'AmplifyConfiguration') {
          diagnostics.push(
            nodeDiagnostic('ANDROID_CONFIGURATION_FILE', context, node, {
              message: `AmplifyConfiguration.${call.name}(...) builds a Gen1 configuration by hand; it is not rewritten.`,
            }),
          );
          continue;
        }
        if (call.name !== 'configure') continue;
        const isAmplify = call.receiver === 'Amplify' ? amplifyImported : call.receiver === undefined && configureImported;
        if (!isAmplify) continue;
        if (call.args.length === 1) {
          if (!readable(node)) continue;
          const first = call.args[0] as Node;
          // An argument on a line of its own gets the new one on a line of its own above it, at the same indentation.
          const ownLine = /\n[ \t]*$/.test(text.slice(0, first.startIndex));
          const separator = ownLine ? `,${lineBreak(text)}${indentationAt(text, first.startIndex)}` : ', ';
          splices.push({ start: first.startIndex, end: first.startIndex, text: `${outputs}${separator}` });
          diagnostics.push(
            nodeDiagnostic('ANDROID_CONFIGURE_REWRITTEN', context, node, {
              message: `configure(${first.text}) now reads ${resource}${ownR !== undefined ? ` (R is ${ownR.path}, as the file imports it)` : ''}.`,
            }),
          );
        } else if (call.args.length === 2 && !/^AmplifyOutputs\b/.test(call.args[0]?.text ?? '') && !buildsConfiguration(language, call.args[0] as Node)) {
          diagnostics.push(
            nodeDiagnostic('ANDROID_CONFIGURATION_FILE', context, node, {
              message: `configure(${call.args[0]?.text}, ...) passes a configuration built by hand; it is not rewritten.`,
            }),
          );
        }
      }
      if (splices.length > 0) {
        // Without its import the new call does not compile: where the import cannot be placed, nothing is changed.
        const addition = importEdit(language, text, tree.rootNode, imports, readable);
        if (addition === null) return { splices: [], diagnostics: diagnostics.filter((d) => d.code !== 'ANDROID_CONFIGURE_REWRITTEN') };
        if (addition !== undefined) splices.push(addition);
      }
      return { splices, diagnostics };
    },
  );
}

/** A call `receiver.name(args)` or `name(args)`, in either language. */
interface Call {
  receiver: string | undefined;
  name: string;
  args: Node[];
}

function readCall(language: AndroidLanguage, node: Node): Call | undefined {
  if (language === 'java') {
    if (node.type !== 'method_invocation') return undefined;
    const object = node.childForFieldName('object');
    const name = node.childForFieldName('name');
    const args = node.childForFieldName('arguments');
    if (name === null || args === null || (object !== null && object.type !== 'identifier')) return undefined;
    return { receiver: object?.text, name: name.text, args: namedChildren(args).filter((n) => !isComment(n)) };
  }
  if (node.type !== 'call_expression') return undefined;
  const [callee, suffix] = namedChildren(node);
  const args = suffix?.type === 'call_suffix' ? namedChildren(suffix).find((n) => n.type === 'value_arguments') : undefined;
  if (callee === undefined || args === undefined) return undefined;
  const values = namedChildren(args).filter((n) => n.type === 'value_argument');
  if (callee.type === 'simple_identifier') return { receiver: undefined, name: callee.text, args: values };
  if (callee.type !== 'navigation_expression') return undefined;
  const [target, navigation] = namedChildren(callee);
  const member = navigation?.type === 'navigation_suffix' ? navigation.lastNamedChild : undefined;
  if (target?.type !== 'simple_identifier' || member?.type !== 'simple_identifier') return undefined;
  return { receiver: target.text, name: member.text, args: values };
}

function isComment(node: Node): boolean {
  return node.type.includes('comment');
}

/** True when an argument builds an AmplifyConfiguration in place (reported itself). */
function buildsConfiguration(language: AndroidLanguage, argument: Node): boolean {
  for (const node of descendants(argument)) if (readCall(language, node)?.receiver === 'AmplifyConfiguration') return true;
  return false;
}

function readImports(language: AndroidLanguage, root: Node): Import[] {
  const found: Import[] = [];
  const tops =
    language === 'kotlin'
      ? namedChildren(root)
          .filter((n) => n.type === 'import_list')
          .flatMap(namedChildren)
      : namedChildren(root);
  for (const node of tops) {
    if (node.type !== (language === 'kotlin' ? 'import_header' : 'import_declaration')) continue;
    const name = namedChildren(node).find((n) => n.type === 'identifier' || n.type === 'scoped_identifier');
    if (name === undefined) continue;
    const parts = children(node);
    found.push({
      node,
      path: name.text.replace(/\s+/g, ''),
      wildcard: parts.some((n) => n.type === 'asterisk' || n.type === 'wildcard_import' || n.text === '*' || n.text === '.*'),
      isStatic: parts.some((n) => n.type === 'static'),
    });
  }
  return found;
}

/** The import of AmplifyOutputs, after the last import that sorts before it (or first, or after the package line). */
function importEdit(language: AndroidLanguage, text: string, root: Node, imports: readonly Import[], readable: Readable): Splice | undefined | null {
  if (!imports.every((i) => readable(i.node))) return null;
  const packageName = OUTPUTS_CLASS.slice(0, OUTPUTS_CLASS.lastIndexOf('.'));
  if (imports.some((i) => !i.isStatic && (i.wildcard ? i.path === packageName : i.path === OUTPUTS_CLASS))) return undefined;
  const line = `import ${OUTPUTS_CLASS}${language === 'java' ? ';' : ''}`;
  const eol = lineBreak(text);
  const plain = imports.filter((i) => !i.isStatic);
  const candidates = plain.length > 0 ? plain : imports;
  const before = candidates.filter((i) => i.path < OUTPUTS_CLASS).at(-1);
  if (before !== undefined) return { start: before.node.endIndex, end: before.node.endIndex, text: `${eol}${line}` };
  const first = candidates[0];
  if (first !== undefined) return { start: first.node.startIndex, end: first.node.startIndex, text: `${line}${eol}` };
  const header = namedChildren(root).find((n) => n.type === 'package_header' || n.type === 'package_declaration');
  if (header !== undefined) return { start: header.endIndex, end: header.endIndex, text: `${eol}${eol}${line}` };
  return { start: 0, end: 0, text: `${line}${eol}${eol}` };
}
