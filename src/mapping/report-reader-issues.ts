import { createDiagnostic } from '../diagnostics/diagnostic.js';
import type { ReaderIssue } from '../source/source-node.js';
import type { MappingRun } from './mapping-run.js';

/** What the reader found and read around (a spread, a computed key, a key written twice) is reported first. */
export function reportReaderIssues(run: MappingRun): void {
  for (const issue of run.document.issues) {
    const index = run.findings.push(
      createDiagnostic(issue.code, {
        category: 'file',
        message: messageFor(issue),
        source: run.findings.source(issue.pointer, issue.loc),
      }),
    );
    if (issue.code === 'DUPLICATE_KEY') run.findings.duplicateKeys.set(issue.pointer, index);
  }
}

function messageFor({ code, detail }: ReaderIssue): string {
  if (code === 'DUPLICATE_KEY') return `The key "${detail}" is written more than once; the last one is used.`;
  if (code === 'DART_INTERPOLATION')
    return `The configuration string contains \`${detail}\`, which Dart reads as an interpolation; it was read as the literal text.`;
  if (code === 'SPREAD_NOT_EVALUATED') return `The spread \`${detail}\` adds fields only when the file runs; they are not converted.`;
  if (code === 'COMPUTED_KEY_NOT_EVALUATED') return `The computed key \`${detail}\` is known only when the file runs; that field is not converted.`;
  return `The configuration was read from ${detail} declared at the top level of the file.`;
}
