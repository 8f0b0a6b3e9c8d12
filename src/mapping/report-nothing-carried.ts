import { toPlainValue } from '../source/source-node.js';
import { unpushedResources } from '../transforms/support/project-resources.js';
import type { MappingRun } from './mapping-run.js';

/**
 * A conversion whose result holds nothing but its version is an error: the file written would configure nothing.
 * Where the project folder lists resources that were never pushed, the finding names them and where they are.
 */
export function reportNothingCarried(run: MappingRun): void {
  if (Object.keys(run.written.outputs).length > 0) return;
  const { resources, files } = unpushedResources(run.settings.projectFiles, convertedDocument(run));
  const shown = resources.length <= 10 ? resources.join(', ') : `${resources.slice(0, 10).join(', ')} and ${resources.length - 10} more`;
  run.findings.add('NOTHING_CARRIED', 'general', '', run.locOf(''), {
    message:
      resources.length > 0
        ? `Nothing in the input could be carried: amplify_outputs.json would hold only its version. The project lists ${resources.length === 1 ? 'a resource' : 'resources'} never pushed (${shown}, in ${files.join(' and ')}), which the converted file does not have.`
        : 'Nothing in the input could be carried: amplify_outputs.json would hold only its version, and would configure nothing.',
    resolution:
      resources.length > 0 ? 'Run `amplify push` to deploy the resources, then convert again (or `amplify pull` if another machine pushed them).' : undefined,
  });
}

/** The converted document as plain data, with the project's files only: a meta file records what was deployed. */
function convertedDocument(run: MappingRun): unknown {
  return run.settings.projectFiles === undefined ? undefined : toPlainValue(run.root);
}
