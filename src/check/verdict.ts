import { countOf } from '../diagnostics/report.js';
import type { Severity } from '../diagnostics/codes.js';
import { severityAtLeast, type Diagnostic } from '../diagnostics/diagnostic.js';
import { isAccepted, type Baseline } from './baseline.js';

/** What a check concludes from its findings, once the baseline's accepted ones are left out. */
export interface CheckVerdict {
  /** The findings to report: those the baseline does not accept. */
  diagnostics: Diagnostic[];
  /** How many findings the baseline accepted (not reported). */
  accepted: number;
  /** The drift findings among the reported ones. */
  newDrift: Diagnostic[];
  /** Whether the check fails: drift that is an error, or a reported finding at or above `failOn`. */
  failed: boolean;
}

/**
 * The verdict of a check: `drift` (about the committed file) and `others` (stale sources, the conversion's own
 * findings), judged against the baseline. Accepted findings are left out of the report and of the verdict: only new
 * ones count.
 */
export function checkVerdict(drift: readonly Diagnostic[], others: readonly Diagnostic[], baseline: Baseline | undefined, failOn: Severity): CheckVerdict {
  const all = [...drift, ...others];
  const diagnostics = all.filter((diagnostic) => !isAccepted(diagnostic, baseline));
  const newDrift = drift.filter((diagnostic) => !isAccepted(diagnostic, baseline));
  const failed =
    newDrift.some((diagnostic) => diagnostic.severity === 'error') || diagnostics.some((diagnostic) => severityAtLeast(diagnostic.severity, failOn));
  return { diagnostics, accepted: all.length - diagnostics.length, newDrift, failed };
}

/** The line a text report of a check starts with: up to date, or the codes of the new drift; and what was accepted. */
export function checkSummary(verdict: CheckVerdict, outputsFile: string, baselineFile: string): string {
  const { newDrift, accepted } = verdict;
  const summary =
    newDrift.length === 0
      ? `${outputsFile} is up to date.`
      : `${outputsFile}: ${newDrift
          .map((d) => d.code)
          .filter((c, i, list) => list.indexOf(c) === i)
          .join(', ')}.`;
  return `${summary}${accepted > 0 ? ` ${countOf(accepted, 'accepted finding')} (${baselineFile}) not shown.` : ''}\n`;
}
