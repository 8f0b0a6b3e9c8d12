import { compareDiagnostics, createDiagnostic, type Diagnostic, type DiagnosticInit } from '../../diagnostics/diagnostic.js';
import type { DiagnosticCode } from '../../diagnostics/codes.js';
import type { RewriteContext, SourceRewrite } from '../types.js';
import { mentionsMobileSdk, mobileSdkUses } from './mobile-sdk.js';
import type { NativeLanguage, NativeParsers, Node, Tree } from './parsers.js';

/**
 * A replacement of the text between two offsets. Offsets are UTF-16 code units, as web-tree-sitter gives them for a
 * JavaScript string, so that splicing the string keeps every other character as it was.
 */
export interface Splice {
  start: number;
  end: number;
  text: string;
}

/** What a native rewriter is given: the app's context and the loaded grammars. */
export interface NativeRewriteContext extends RewriteContext {
  parsers: NativeParsers;
}

/** Applies non-overlapping splices (in any order) to a text. */
export function applySplices(text: string, splices: readonly Splice[]): string {
  if (splices.length === 0) return text;
  const sorted = [...splices].sort((a, b) => a.start - b.start || a.end - b.end);
  let result = '';
  let at = 0;
  for (const splice of sorted) {
    if (splice.start < at) throw new Error('Overlapping source edits');
    result += text.slice(at, splice.start) + splice.text;
    at = splice.end;
  }
  return result + text.slice(at);
}

/** Every node below `node` (itself included), depth first, in source order. */
export function* descendants(node: Node): Generator<Node> {
  const cursor = node.walk();
  let descending = true;
  for (;;) {
    if (descending) {
      yield cursor.currentNode;
      if (cursor.gotoFirstChild()) continue;
    }
    if (cursor.gotoNextSibling()) {
      descending = true;
      continue;
    }
    if (!cursor.gotoParent()) return;
    descending = false;
    if (cursor.currentNode.id === node.id) return;
  }
}

/**
 * The nodes of the given types below `node` (itself included), in source order. The search runs inside the parser's
 * WebAssembly, so that only the nodes asked for are made into JavaScript objects: much faster than a walk.
 */
export function nodesOfType(node: Node, types: readonly string[]): Node[] {
  return node.descendantsOfType([...types]).filter((found): found is Node => found !== null);
}

/** The named children of a node (non-null). */
export function namedChildren(node: Node): Node[] {
  return node.namedChildren.filter((child): child is Node => child !== null);
}

/** The children of a node (non-null). */
export function children(node: Node): Node[] {
  return node.children.filter((child): child is Node => child !== null);
}

/** The end of line the file uses (CRLF when its first line break is one). */
export function lineBreak(text: string): string {
  const at = text.indexOf('\n');
  return at > 0 && text[at - 1] === '\r' ? '\r\n' : '\n';
}

/** The whitespace that starts the line `offset` is on. */
export function indentationAt(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))?.[0] ?? '';
}

/** Builds a finding about a node of the file being rewritten: file, 1-based line and column, and a Gen1 pointer or "". */
export function nodeDiagnostic(
  code: DiagnosticCode,
  context: Pick<RewriteContext, 'path' | 'platform'>,
  node: Node,
  init: Omit<DiagnosticInit, 'source'> & { pointer?: string } = {},
): Diagnostic {
  const { pointer, ...rest } = init;
  return createDiagnostic(code, {
    platform: context.platform,
    category: 'code',
    ...rest,
    source: { file: context.path, pointer: pointer ?? '', line: node.startPosition.row + 1, column: node.startPosition.column + 1 },
  });
}

/** Tells whether a node was read by the grammar: neither inside nor around a place the parser could not read. */
export type Readable = (node: Node) => boolean;

/**
 * Parses the text and runs `rewrite` on its tree. `mentions` tells, without parsing, whether the text can need
 * anything. Where the parser could not read part of the file:
 * - `whole` (a rewrite that must know every name of the file, such as a rename): nothing is changed, and the finding
 *   points at the first place not read;
 * - `local` (edits of single calls): `readable` tells the rewrite which nodes it may edit, and a finding points at each
 *   unread part that mentions what the rewrite looks for, since an edit may be missing there.
 */
export function rewriteParsed(
  language: NativeLanguage,
  text: string,
  context: NativeRewriteContext,
  mentions: (text: string) => boolean,
  scope: 'whole' | 'local',
  rewrite: (tree: Tree, readable: Readable) => { splices: Splice[]; diagnostics: Diagnostic[] },
): SourceRewrite {
  const sdk = mentionsMobileSdk(text);
  const relevant = mentions(text);
  if (!relevant && !sdk) return { text, diagnostics: [] };
  const tree = context.parsers.parse(language, text);
  try {
    const unread = syntaxErrors(tree);
    const name = LANGUAGE_NAMES[language];
    if (unread.length > 0 && scope === 'whole' && relevant) {
      return {
        text,
        diagnostics: [
          nodeDiagnostic('NATIVE_SOURCE_UNPARSED', context, unread[0] as Node, {
            message: `The ${name} file does not parse here, so nothing in it was changed.`,
          }),
        ],
      };
    }
    const readable: Readable = (node) =>
      unread.every((error) => error.endIndex <= node.startIndex || error.startIndex >= node.endIndex) &&
      !unread.some((error) => error.isMissing && error.startIndex >= node.startIndex && error.startIndex <= node.endIndex) &&
      !hasErrorAncestor(node);
    const { splices, diagnostics } = relevant ? rewrite(tree, readable) : { splices: [], diagnostics: [] };
    if (relevant) {
      for (const error of unread) {
        const around = error.isMissing ? (error.parent ?? error) : error;
        if (!mentions(around.text)) continue;
        diagnostics.push(
          nodeDiagnostic('NATIVE_SOURCE_UNPARSED', context, error, {
            message: `The ${name} parser could not read this part of the file, which mentions what is rewritten; nothing in it was changed.`,
          }),
        );
      }
    }
    if (sdk) diagnostics.push(...mobileSdkUses(tree, context));
    return { text: applySplices(text, splices), diagnostics: diagnostics.sort(compareDiagnostics) };
  } finally {
    tree.delete();
  }
}

/**
 * Tokens a grammar may report as missing where the language does not need them: the Kotlin grammar wants an
 * automatic semicolon before the `}` of a one-line class body (`object Keys { const val A = 1 }`), which Kotlin does not.
 */
const NEEDLESS_MISSING = new Set(['_automatic_semicolon']);

/**
 * The places the parser could not read, in source order: the outermost ERROR nodes, the MISSING ones, and a node
 * whose error is a hidden token the parser inserted (unless that token is needless, see NEEDLESS_MISSING).
 */
export function syntaxErrors(tree: Tree): Node[] {
  const found: Node[] = [];
  const visit = (node: Node) => {
    if (node.isError || node.isMissing) {
      found.push(node);
      return;
    }
    if (!node.hasError) return;
    const before = found.length;
    for (const child of children(node)) visit(child);
    if (found.length > before) return;
    // No child shows the error: a hidden token is missing here. tree-sitter names it only in the S-expression.
    const hidden = [...node.toString().matchAll(/\(MISSING "?([^")]*)"?\)/g)].map((m) => m[1] ?? '');
    if (hidden.length === 0 || hidden.some((name) => !NEEDLESS_MISSING.has(name))) found.push(node);
  };
  visit(tree.rootNode);
  return found;
}

function hasErrorAncestor(node: Node): boolean {
  for (let up: Node | null = node; up !== null; up = up.parent) if (up.isError) return true;
  return false;
}

export const LANGUAGE_NAMES: Readonly<Record<NativeLanguage, string>> = { dart: 'Dart', swift: 'Swift', kotlin: 'Kotlin', java: 'Java' };
