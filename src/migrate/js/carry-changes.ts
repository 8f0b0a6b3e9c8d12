import { applyPatch, structuredPatch } from 'diff';

/**
 * The changes made to a parsed module, carried onto its text. recast, printing a module, reprints anywhere in it the
 * expressions that ast-types thinks need parentheses and were written without (`await a + b` becomes
 * `(await a) + b`), even where nothing changed. So the changes are taken as the lines that differ between
 * `baseline` (the text parsed and printed untouched) and `printed` (printed after the changes), and applied to
 * `text`, whose other lines stay as written. When that cannot be done safely (recast moved lines, or reprinted a line
 * that changed), the printed text is returned. Blank lines recast removed are kept.
 */
export function carryChanges(text: string, baseline: string, printed: string): string {
  if (printed === baseline) return text;
  const lines = (value: string) => value.split('\n').length;
  if (lines(baseline) !== lines(text)) return printed;
  const patch = structuredPatch('', '', baseline, printed, undefined, undefined, { context: 0 });
  // A blank line recast drops where it reprints a list of statements (after a directive such as 'use client', around
  // an inserted statement) is not a change anyone made: it stays.
  for (const hunk of patch.hunks) {
    hunk.lines = hunk.lines.map((line) => (line === '-' || line === '-\r' ? ` ${line.slice(1)}` : line));
    hunk.newLines = hunk.lines.filter((line) => !line.startsWith('-')).length;
  }
  const merged = applyPatch(text, patch);
  return merged === false ? printed : merged;
}
