import { parseTree, printParseErrorCode, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import { joinPointer } from '../source/json-pointer.js';
import type { ObjectNode, ReaderIssue, SourceDocument, SourceNode } from '../source/source-node.js';
import { LineIndex, stripByteOrderMark } from './line-index.js';
import { excessiveNesting, MAX_TEXT_NESTING } from './nesting-depth.js';
import { nestingError, readerError } from './reader-error.js';
import { readStrictJson } from './read-strict-json.js';

/**
 * Reads a JSON configuration file (flat or mobile amplifyconfiguration.json, awsconfiguration.json) into a
 * located value tree. Strict JSON: comments and trailing commas are errors, as they are for the Amplify libraries.
 */
export function readJson(rawText: string, fileName: string, { refusedByStrictReader = false } = {}): SourceDocument {
  const text = stripByteOrderMark(rawText);
  const lines = new LineIndex(text);
  // A text the strict reader already refused (readWellFormedJson) goes straight to the full parser.
  return refusedByStrictReader ? readRefusedSegment(text, 0, text.length, fileName, lines) : readJsonSegment(text, 0, text.length, fileName, lines);
}

/**
 * Reads a JSON file that is well-formed as the Amplify CLI writes it (strict JSON, nested within the limit), or
 * undefined for any other text, without saying why: readJson does.
 */
export function readWellFormedJson(rawText: string): SourceDocument | undefined {
  const text = stripByteOrderMark(rawText);
  return readWellFormedSegment(text, 0, text.length, new LineIndex(text));
}

/** The strict reader on a segment, nesting limit included: a document, or undefined for what it hands over. */
function readWellFormedSegment(text: string, start: number, end: number, lines: LineIndex): SourceDocument | undefined {
  return readStrictJson(text, start, end, (offset) => lines.locate(offset), MAX_TEXT_NESTING);
}

/**
 * Reads the JSON between two offsets of a larger text (the string literal of a .dart file), with locations
 * in the larger text.
 */
export function readJsonSegment(text: string, start: number, end: number, fileName: string, lines: LineIndex): SourceDocument {
  return readWellFormedSegment(text, start, end, lines) ?? readRefusedSegment(text, start, end, fileName, lines);
}

/**
 * What the strict reader hands over, read by the full parser. The strict reader refuses nesting past the limit
 * itself, so only this text is checked for it.
 */
function readRefusedSegment(text: string, start: number, end: number, fileName: string, lines: LineIndex): SourceDocument {
  const segment = text.slice(start, end);
  const tooDeep = excessiveNesting(segment);
  if (tooDeep !== undefined) throw nestingError(fileName, lines.locate(start + tooDeep));
  return parseJsonSegment(segment, start, fileName, lines);
}

/**
 * The full parser (jsonc-parser), for what the strict reader hands over: it reads the same JSON the same way, and
 * words the errors. `segment` is the text from `start` on (nesting already checked).
 */
export function parseJsonSegment(segment: string, start: number, fileName: string, lines: LineIndex): SourceDocument {
  const errors: ParseError[] = [];
  const tree = parseTree(segment, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const firstError = errors[0];
  if (firstError) {
    throw readerError(
      'PARSE_ERROR',
      fileName,
      lines.locate(start + firstError.offset),
      `The configuration is not valid JSON: ${describeJsonError(printParseErrorCode(firstError.error))}.`,
      'Fix the JSON (or restore the file the Amplify CLI generated) and run again.',
    );
  }
  if (tree?.type !== 'object') {
    throw readerError(
      'NO_CONFIG_OBJECT',
      fileName,
      lines.locate(start + (tree?.offset ?? 0)),
      'The file holds JSON, but not an object; a Gen1 configuration file is a JSON object.',
    );
  }
  const issues: ReaderIssue[] = [];
  const root = toSourceNode(tree, '', (offset) => lines.locate(start + offset), issues) as ObjectNode;
  return { root, issues };
}

function toSourceNode(node: JsonNode, pointer: string, locate: (offset: number) => { line: number; column: number }, issues: ReaderIssue[]): SourceNode {
  const loc = locate(node.offset);
  switch (node.type) {
    case 'object': {
      const entries: ObjectNode['entries'] = [];
      const seen = new Set<string>();
      for (const property of node.children ?? []) {
        const [keyNode, valueNode] = property.children ?? [];
        if (!keyNode || !valueNode) continue;
        const key = String(keyNode.value);
        const childPointer = joinPointer(pointer, key);
        if (seen.has(key)) issues.push({ code: 'DUPLICATE_KEY', pointer: childPointer, loc: locate(keyNode.offset), detail: key });
        seen.add(key);
        entries.push({ key, keyLoc: locate(keyNode.offset), node: toSourceNode(valueNode, childPointer, locate, issues) });
      }
      return { kind: 'object', entries, loc };
    }
    case 'array':
      return {
        kind: 'array',
        items: (node.children ?? []).map((child, index) => toSourceNode(child, joinPointer(pointer, index), locate, issues)),
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
