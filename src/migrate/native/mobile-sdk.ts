import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { RewriteContext } from '../types.js';
import { nodeDiagnostic, nodesOfType } from './edits.js';
import type { NativeLanguage, NativeParsers, Node, Tree } from './parsers.js';

/** AWS Mobile SDK names (iOS and Android) that have no Gen2 counterpart reading amplify_outputs.json. */
const SDK_NAMES = new Set(['AWSMobileClient', 'AWSAppSyncClient', 'AWSAppSyncClientConfiguration', 'AWSAppSyncServiceConfig', 'AWSConfiguration', 'AWSInfo']);
const IDENTIFIER = /identifier$/;
/** The node types of names and string text in the four grammars (a type a grammar does not have is not found). */
const SEARCHED_TYPES = [
  'identifier',
  'simple_identifier',
  'type_identifier',
  'string_literal',
  'line_str_text',
  'multi_line_str_text',
  'string_content',
  'string_fragment',
];
const STRING_TEXT = /^(string_literal|line_str_text|multi_line_str_text|string_content|string_fragment)$/;

/** A quick test on the text, so that files that cannot use the Mobile SDK are not parsed for it. */
export function mentionsMobileSdk(text: string): boolean {
  return /AWSMobileClient|AWSAppSync|AWSConfiguration|AWSInfo|awsconfiguration/.test(text);
}

/**
 * Where a Dart, Swift, Kotlin or Java file uses the AWS Mobile SDK (AWSMobileClient, the AppSync SDK client, or
 * awsconfiguration.json read in code): one finding per name, at its first use in code (comments are not read), with
 * how often it is used. Nothing is changed: these SDKs have no Gen2 counterpart.
 */
export function findMobileSdkUses(
  text: string,
  language: NativeLanguage,
  context: Pick<RewriteContext, 'path' | 'platform'> & { parsers: NativeParsers },
): Diagnostic[] {
  if (!mentionsMobileSdk(text)) return [];
  const tree = context.parsers.parse(language, text);
  try {
    // Only reported, never edited: a part the grammar could not read is searched as well.
    return mobileSdkUses(tree, context);
  } finally {
    tree.delete();
  }
}

/** The same on a parsed tree. */
export function mobileSdkUses(tree: Tree, context: Pick<RewriteContext, 'path' | 'platform'>): Diagnostic[] {
  const uses = new Map<string, { first: Node; count: number }>();
  const note = (name: string, node: Node) => {
    const seen = uses.get(name);
    if (seen === undefined) uses.set(name, { first: node, count: 1 });
    else seen.count++;
  };
  for (const node of nodesOfType(tree.rootNode, SEARCHED_TYPES)) {
    if (IDENTIFIER.test(node.type) && SDK_NAMES.has(node.text)) note(node.text, node);
    else if (IDENTIFIER.test(node.type) && node.text === 'awsconfiguration') note('awsconfiguration', node);
    else if (STRING_TEXT.test(node.type) && node.text.includes('awsconfiguration') && !node.namedChildren.some((c) => c?.text.includes('awsconfiguration'))) {
      note('awsconfiguration', node);
    }
  }
  return [...uses].map(([name, { first, count }]) =>
    nodeDiagnostic('MOBILE_SDK_IN_CODE', context, first, {
      message:
        name === 'awsconfiguration'
          ? `The code reads awsconfiguration.json (the Mobile SDK's file)${count > 1 ? ` (${count} places)` : ''}; nothing reads amplify_outputs.json in its place.`
          : `${name} is the AWS Mobile SDK${count > 1 ? ` (${count} uses in this file)` : ''}; it reads awsconfiguration.json and has no Gen2 counterpart.`,
    }),
  );
}
