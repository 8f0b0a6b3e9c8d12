import type { Diagnostic } from './diagnostics/diagnostic.js';

/**
 * The one error type the library throws for bad input: a file that does not parse, holds no configuration
 * object, or is not a format we read. It carries a diagnostic with the location.
 */
export class ConversionError extends Error {
  override readonly name = 'ConversionError';
  readonly diagnostic: Diagnostic;

  constructor(diagnostic: Diagnostic) {
    super(formatLocation(diagnostic) + diagnostic.message);
    this.diagnostic = diagnostic;
  }
}

/**
 * A bug in this package (for instance an output that fails its own schema). Never caused by input alone.
 */
export class InternalFault extends Error {
  override readonly name = 'InternalFault';
  readonly details: unknown;

  constructor(message: string, details?: unknown) {
    super(message);
    this.details = details;
  }
}

export function isConversionError(error: unknown): error is ConversionError {
  return error instanceof Error && error.name === 'ConversionError' && 'diagnostic' in error;
}

export function isInternalFault(error: unknown): error is InternalFault {
  return error instanceof Error && error.name === 'InternalFault';
}

function formatLocation(diagnostic: Diagnostic): string {
  const { file, line, column } = diagnostic.source;
  if (!file) return '';
  return line ? `${file}:${line}:${column ?? 1}: ` : `${file}: `;
}
