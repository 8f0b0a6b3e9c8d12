import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { compareOutputs } from './compare-outputs.js';

/**
 * Findings about the committed amplify_outputs.json: missing (`committed` undefined), unreadable, out of date (field
 * by field), or formatted otherwise. `outputsFile` and `input` are the names the messages use; `misplaced`, a file
 * of the app at a place its platform does not load it from (`loadedBy` says what does).
 */
export function driftDiagnostics(
  converted: string,
  committed: string | undefined,
  outputsFile: string,
  input: string,
  misplaced?: { file: string; loadedBy: string },
): Diagnostic[] {
  const at = (pointer: string): Diagnostic['source'] => ({ file: outputsFile, pointer });
  if (committed === undefined) {
    return [
      createDiagnostic('OUTPUTS_MISSING', {
        category: 'outputs',
        message:
          misplaced === undefined
            ? `${outputsFile} does not exist.`
            : `${outputsFile} does not exist. ${misplaced.file} does, but the app never loads it: ${misplaced.loadedBy}.`,
        resolution:
          misplaced === undefined
            ? `Run amplify-outputs-migrate convert ${input} --out ${outputsFile} and commit the file.`
            : `Run amplify-outputs-migrate convert ${input} (it writes ${outputsFile}), delete ${misplaced.file}, and commit both changes.`,
        source: at(''),
      }),
    ];
  }
  const comparison = compareOutputs(converted, committed);
  const regenerate = `Run amplify-outputs-migrate convert ${input} --out ${outputsFile} --force (or fix the Gen1 source), then commit.`;
  switch (comparison.kind) {
    case 'same':
      return [];
    case 'unreadable':
      return [createDiagnostic('OUTPUTS_UNREADABLE', { category: 'outputs', resolution: regenerate, source: at('') })];
    case 'formatting':
      return [
        createDiagnostic('OUTPUTS_FORMATTING', {
          category: 'outputs',
          resolution: `No action is needed; ${regenerate.replace(', then commit.', '')} to normalise it.`,
          source: at(''),
        }),
      ];
    default:
      return comparison.changes.map((change) =>
        createDiagnostic('OUTPUTS_DRIFT', {
          category: 'outputs',
          message:
            change.committed === undefined
              ? `${change.pointer} is missing from the committed file; the Gen1 source gives ${change.converted}.`
              : change.converted === undefined
                ? `${change.pointer} is in the committed file (${change.committed}) but not in what the Gen1 source gives.`
                : `${change.pointer} is ${change.committed} in the committed file; the Gen1 source gives ${change.converted}.`,
          resolution: regenerate,
          source: at(change.pointer),
          target: change.pointer,
        }),
      );
  }
}
