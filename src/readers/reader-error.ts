import { MAX_TEXT_NESTING } from './nesting-depth.js';
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

/** The error for a text nested too deeply to parse safely. */
export function nestingError(file: string, loc: SourceLocation): ConversionError {
  return readerError(
    'NESTING_TOO_DEEP',
    file,
    loc,
    `The file nests values more than ${MAX_TEXT_NESTING} levels deep here, which no Gen1 configuration does, so it is not read.`,
    'Point the command at the configuration file the Amplify CLI generated.',
  );
}
