import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { compareOutputs } from './compare-outputs.js';
import { onlyTheProjectKnows } from './project-only-drift.js';

/**
 * Findings about the committed amplify_outputs.json: missing (`committed` undefined), unreadable, out of date (field
 * by field), or formatted otherwise. `outputsFile` and `input` are the names the messages use; `misplaced`, a file
 * of the app at a place its platform does not load it from (`loadedBy` says what does); `withoutProject`, when a
 * client file was converted without the app's Gen1 project folder: differences only the project could settle are
 * then one notice, not drift (see onlyTheProjectKnows); `options`, the command-line options the advice must repeat.
 */
export function driftDiagnostics(
  converted: string,
  committed: string | undefined,
  outputsFile: string,
  input: string,
  misplaced?: { file: string; loadedBy: string },
  withoutProject?: { assumed: ReadonlySet<string> },
  options = '',
): Diagnostic[] {
  // The conversion the resolutions name: the input with the options that decided the result (--platform).
  const command = options === '' ? input : `${input} ${options}`;
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
            ? `Run amplify-outputs-migrate convert ${command} --out ${outputsFile} and commit the file.`
            : `Run amplify-outputs-migrate convert ${command} (it writes ${outputsFile}), delete ${misplaced.file}, and commit both changes.`,
        source: at(''),
      }),
    ];
  }
  const comparison = compareOutputs(converted, committed);
  const regenerate = `Run amplify-outputs-migrate convert ${command} --out ${outputsFile} --force (or fix the Gen1 source), then commit.`;
  switch (comparison.kind) {
    case 'same':
      return [];
    case 'unreadable':
      return [createDiagnostic('OUTPUTS_UNREADABLE', { category: 'outputs', resolution: regenerate, source: at('') })];
    case 'formatting':
      return [
        createDiagnostic('OUTPUTS_FORMATTING', {
          category: 'outputs',
          resolution: `No action is needed. To normalise it: amplify-outputs-migrate convert ${command} --out ${outputsFile} --force.`,
          source: at(''),
        }),
      ];
    default: {
      const unsettled = withoutProject === undefined ? [] : comparison.changes.filter((change) => onlyTheProjectKnows(change, withoutProject.assumed));
      const drift = comparison.changes.filter((change) => !unsettled.includes(change));
      const findings = drift.map((change) =>
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
      if (unsettled.length > 0) {
        findings.push(
          createDiagnostic('PROJECT_FIELDS_UNCHECKED', {
            category: 'outputs',
            message: `${unsettled.map((change) => change.pointer).join(', ')} in ${outputsFile} ${unsettled.length === 1 ? 'comes' : 'come'} from the app's Gen1 project folder, which is not here (the Gen1 CLI's .gitignore leaves out amplify-meta.json), and ${input} cannot say: not checked.`,
            source: at(unsettled[0]!.pointer),
          }),
        );
      }
      return findings;
    }
  }
}
