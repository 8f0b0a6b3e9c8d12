import { createDiagnostic } from '../diagnostics/diagnostic.js';
import type { DiagnosticCode } from '../diagnostics/codes.js';
import { ConversionError } from '../errors.js';
import type { SourceLocation } from '../source/source-node.js';

/** The error a reader throws when it cannot read the file at all. */
export function readerError(code: DiagnosticCode, file: string, loc: SourceLocation | undefined, message: string, resolution?: string): ConversionError {
  return new ConversionError(
    createDiagnostic(code, {
      message,
      resolution,
      source: { file, pointer: '', line: loc?.line, column: loc?.column },
    }),
  );
}
