import type { Diagnostic } from './diagnostic.js';
import type { Severity } from './codes.js';

/** What a conversion reports: the input, the result, and the findings. Renderers take this and nothing else. */
export interface Report {
  /** The input file, as the user named it. */
  input?: string;
  /** Where the outputs went (a path, "-" for standard output), if anywhere. */
  output?: string;
  format?: string;
  version?: string;
  /** Whether the outputs were written. */
  written?: boolean;
  /** A dry run: nothing was meant to be written. */
  dryRun?: boolean;
  /** check: the committed amplify_outputs.json the conversion was compared with. */
  checked?: string;
  diagnostics: Diagnostic[];
}

/** A number with its noun, in the plural where it is not one: "1 error", "2 apps". */
export function countOf(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** A count by severity in words, as summaries print it: "1 error, 2 warnings, 3 info". */
export function describeCounts(counts: Record<Severity, number>): string {
  return `${countOf(counts.error, 'error')}, ${countOf(counts.warning, 'warning')}, ${counts.info} info`;
}

export function countBySeverity(diagnostics: readonly Diagnostic[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const diagnostic of diagnostics) counts[diagnostic.severity]++;
  return counts;
}
