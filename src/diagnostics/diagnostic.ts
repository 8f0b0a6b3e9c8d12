import type { Platform } from '../platforms.js';
import { DIAGNOSTIC_CODES, type DiagnosticCode, type DiagnosticCodeInfo, type Severity } from './codes.js';
import { textFor, type PlatformText } from './platform-text.js';

/** Where in the input a diagnostic points: the file, an RFC 6901 pointer into the source object, line and column. */
export interface DiagnosticSource {
  file?: string;
  pointer: string;
  line?: number;
  column?: number;
}

/** A finding, as data. Rendered only by the renderers in this folder. */
export interface Diagnostic {
  code: DiagnosticCode;
  severity: Severity;
  /** The Gen1 category the field belongs to (auth, data, storage, ...), or "file" for whole-file problems. */
  category: string;
  message: string;
  /** What the user should do about it. */
  resolution: string;
  source: DiagnosticSource;
  /** The amplify_outputs.json location concerned, as a JSON pointer, when there is one. */
  target?: string;
}

export interface DiagnosticInit {
  message?: string;
  /** The finding's own resolution (else its code's), said for `platform` where it differs by platform. */
  resolution?: PlatformText;
  /** The app platform the conversion is for: chooses the resolution's wording (amplify-js when absent). */
  platform?: Platform;
  severity?: Severity;
  category?: string;
  source: DiagnosticSource;
  target?: string;
}

/** What an information says when neither it nor its code names an action. */
const DEFAULT_RESOLUTION = 'No action is needed.';

/** Builds a diagnostic, taking the default severity and message from the code table. */
export function createDiagnostic(code: DiagnosticCode, init: DiagnosticInit): Diagnostic {
  const info: DiagnosticCodeInfo = DIAGNOSTIC_CODES[code];
  const diagnostic: Diagnostic = {
    code,
    severity: init.severity ?? info.severity,
    category: init.category ?? 'file',
    message: init.message ?? info.explanation,
    resolution: textFor(init.resolution ?? info.resolution ?? DEFAULT_RESOLUTION, init.platform),
    source: cleanSource(init.source),
  };
  if (init.target !== undefined) diagnostic.target = init.target;
  return diagnostic;
}

/** Same keys in the same order every time, with absent ones left out (stable JSON reports). */
function cleanSource(source: DiagnosticSource): DiagnosticSource {
  const result: DiagnosticSource = source.file !== undefined ? { file: source.file, pointer: source.pointer } : { pointer: source.pointer };
  if (source.line !== undefined) result.line = source.line;
  if (source.column !== undefined) result.column = source.column;
  return result;
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Stable order: by position in the file, then pointer, severity and code (code-unit order, not locale order). */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    (a.source.line ?? 0) - (b.source.line ?? 0) ||
    (a.source.column ?? 0) - (b.source.column ?? 0) ||
    compareStrings(a.source.pointer, b.source.pointer) ||
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    compareStrings(a.code, b.code)
  );
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function severityAtLeast(severity: Severity, threshold: Severity): boolean {
  return SEVERITY_RANK[severity] <= SEVERITY_RANK[threshold];
}
