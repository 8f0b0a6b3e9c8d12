import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { SourceRewrite } from '../types.js';
import { children, descendants, namedChildren, type NativeRewriteContext, nodeDiagnostic, nodesOfType, rewriteParsed, type Splice } from './edits.js';
import type { Node } from './parsers.js';

/**
 * Rewrites `Amplify.configure()` (with `try`, `try?`, `try!`, or inside a `do {}`; any spacing) to
 * `Amplify.configure(with: .amplifyOutputs)`, and reports configurations built by hand (`AmplifyConfiguration(...)`,
 * `Amplify.configure(someConfiguration)`). Synchronous; the grammars must be loaded (loadNativeParsers).
 */
export function rewriteSwiftSource(text: string, context: NativeRewriteContext): SourceRewrite {
  return rewriteParsed(
    'swift',
    text,
    context,
    (source) => /\bAmplify\.configure\b|\bAmplifyConfiguration\b/.test(source),
    'local',
    (tree, readable) => {
      const splices: Splice[] = [];
      const diagnostics: Diagnostic[] = [];
      for (const node of nodesOfType(tree.rootNode, ['call_expression'])) {
        const [callee, suffix] = namedChildren(node);
        if (callee === undefined || suffix?.type !== 'call_suffix') continue;
        const args = namedChildren(suffix).find((n) => n.type === 'value_arguments');
        if (args === undefined) continue;
        if (callee.type === 'simple_identifier' && callee.text === 'AmplifyConfiguration') {
          diagnostics.push(
            nodeDiagnostic('SWIFT_CONFIGURATION_FILE', context, node, {
              message: `${oneLine(node.text)} builds a Gen1 configuration by hand; it is not rewritten.`,
            }),
          );
          continue;
        }
        if (!isAmplifyConfigure(callee)) continue;
        const values = namedChildren(args).filter((n) => n.type === 'value_argument');
        if (values.length === 0) {
          if (!readable(node)) continue;
          splices.push(withOutputs(args));
          diagnostics.push(nodeDiagnostic('SWIFT_CONFIGURE_REWRITTEN', context, node));
        } else if (!values.some((v) => v.childForFieldName('name')?.text === 'with') && !buildsConfiguration(args)) {
          diagnostics.push(
            nodeDiagnostic('SWIFT_CONFIGURATION_FILE', context, node, {
              message: `${oneLine(node.text)} passes a configuration built by hand; it is not rewritten.`,
            }),
          );
        }
      }
      return { splices, diagnostics };
    },
  );
}

/** `Amplify.configure`. */
function isAmplifyConfigure(callee: Node): boolean {
  if (callee.type !== 'navigation_expression') return false;
  const target = callee.childForFieldName('target');
  const suffix = callee.childForFieldName('suffix');
  return target?.type === 'simple_identifier' && target.text === 'Amplify' && suffix?.childForFieldName('suffix')?.text === 'configure';
}

/** `()` (spaces or line breaks inside) becomes `(with: .amplifyOutputs)`; with a comment inside, the label goes in first. */
function withOutputs(args: Node): Splice {
  const parts = children(args);
  const open = parts[0];
  const close = parts[parts.length - 1];
  if (open === undefined || close === undefined) throw new Error('value_arguments without parentheses');
  const hasComment = parts.length > 2;
  return hasComment
    ? { start: open.endIndex, end: open.endIndex, text: 'with: .amplifyOutputs' }
    : { start: open.startIndex, end: close.endIndex, text: '(with: .amplifyOutputs)' };
}

/** True when the arguments build the configuration in place (`AmplifyConfiguration(...)`), which is reported itself. */
function buildsConfiguration(args: Node): boolean {
  for (const node of descendants(args)) {
    if (node.type === 'call_expression' && node.firstNamedChild?.text === 'AmplifyConfiguration') return true;
  }
  return false;
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > 80 ? `${flat.slice(0, 77)}...` : flat;
}
