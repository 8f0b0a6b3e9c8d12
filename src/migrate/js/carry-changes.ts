import { applyPatch, structuredPatch } from 'diff';

/**
 * The changes made to a parsed module, carried onto its text. recast, printing a module, reprints anywhere in it the
 * expressions that ast-types thinks need parentheses and were written without (`await a + b` becomes
 * `(await a) + b`), even where nothing changed. So the changes are taken as the lines that differ between
 * `baseline` (the text parsed and printed untouched) and `printed` (printed after the changes), and applied to
 * `text`, whose other lines stay as written. When that cannot be done safely (recast moved lines, or reprinted a line
 * that changed), the printed text is returned.
 */
export function carryChanges(text: string, baseline: string, printed: string): string {
  if (printed === baseline) return text;
  const lines = (value: string) => value.split('\n').length;
  if (lines(baseline) !== lines(text)) return printed;
  const merged = applyPatch(text, structuredPatch('', '', baseline, printed, undefined, undefined, { context: 0 }));
  return merged === false ? printed : merged;
}
