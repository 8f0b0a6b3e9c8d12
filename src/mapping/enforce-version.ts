import { compareVersions, maxVersion, type OutputsVersion } from '../outputs/versions.js';
import type { MappingRun } from './mapping-run.js';
import { removeSection } from './remove-section.js';

/**
 * The lowest version that carries everything written; with an explicit version, what needs a later one is left out
 * and reported, and the version is the one requested.
 */
export function enforceVersion(run: MappingRun): OutputsVersion {
  const { written } = run;
  let required: OutputsVersion = '1';
  for (const write of written.writes) required = maxVersion(required, write.minVersion);
  const requested = run.options.outputsVersion;
  if (!requested || compareVersions(required, requested) <= 0) return requested ?? required;
  for (const write of [...written.writes]) {
    if (compareVersions(write.minVersion, requested) <= 0 || written.at(write.target) === undefined) continue;
    const first = write.sources[0] ?? '';
    const index = run.findings.add('VERSION_TOO_LOW', run.categoryOf(first), first, run.locOf(first), {
      message: `${write.target.slice(1).replace(/\//g, '.')} needs amplify_outputs.json version ${write.minVersion} or later, and version ${requested} was requested, so it is left out.`,
      resolution: `Convert with --outputs-version ${write.minVersion} (or auto) if your Amplify libraries support it.`,
      target: write.target,
    });
    removeSection(run, write.target, index);
  }
  return requested;
}
