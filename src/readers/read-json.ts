import { parseTree, printParseErrorCode, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import { joinPointer } from '../source/json-pointer.js';
import type { ObjectNode, ReaderIssue, SourceDocument, SourceNode } from '../source/source-node.js';
import { LineIndex, stripByteOrderMark } from './line-index.js';
import { readerError } from './reader-error.js';

/**
 * Reads a JSON configuration file (the flat web `amplifyconfiguration.json`) into a located value tree.
 * Strict JSON: comments and trailing commas are errors, as they are for the Amplify libraries.
 */
export function readJson(rawText: string, fileName: string): SourceDocument {
  const text = stripByteOrderMark(rawText);
  const lines = new LineIndex(text);
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const firstError = errors[0];
  if (firstError) {
    const loc = lines.locate(firstError.offset);
    throw readerError('PARSE_ERROR', fileName, loc, `The file is not valid JSON: ${describeJsonError(printParseErrorCode(firstError.error))}.`);
  }
  if (!tree || tree.type !== 'object') {
    throw readerError('NO_CONFIG_OBJECT', fileName, lines.locate(tree?.offset ?? 0), 'The file holds JSON, but not an object; a Gen1 configuration file is a JSON object.');
  }
  const issues: ReaderIssue[] = [];
  const root = toSourceNode(tree, '', lines, issues) as ObjectNode;
  return { root, issues };
}

function toSourceNode(node: JsonNode, pointer: string, lines: LineIndex, issues: ReaderIssue[]): SourceNode {
  const loc = lines.locate(node.offset);
  switch (node.type) {
    case 'object': {
      const entries: ObjectNode['entries'] = [];
      const seen = new Set<string>();
      for (const property of node.children ?? []) {
        const [keyNode, valueNode] = property.children ?? [];
        if (!keyNode || !valueNode) continue;
        const key = String(keyNode.value);
        const childPointer = joinPointer(pointer, key);
        if (seen.has(key)) {
          issues.push({ code: 'DUPLICATE_KEY', pointer: childPointer, loc: lines.locate(keyNode.offset), detail: key });
        }
        seen.add(key);
        entries.push({ key, keyLoc: lines.locate(keyNode.offset), node: toSourceNode(valueNode, childPointer, lines, issues) });
      }
      return { kind: 'object', entries, loc };
    }
    case 'array':
      return {
        kind: 'array',
        items: (node.children ?? []).map((child, index) => toSourceNode(child, joinPointer(pointer, index), lines, issues)),
        loc,
      };
    case 'string':
    case 'number':
    case 'boolean':
    case 'null':
      return { kind: 'scalar', value: node.value as string | number | boolean | null, loc };
    default:
      return { kind: 'unresolved', expression: '', what: node.type, loc };
  }
}

function describeJsonError(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
