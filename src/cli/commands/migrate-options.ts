import type { Argv } from 'yargs';
import type { OutputsVersion } from '../../outputs/versions.js';
import {
  OUTPUTS_VERSION_OPTION,
  SHARED_OPTIONS,
  type BatchArguments,
  type DebugArguments,
  type ReportArguments,
  type SourceArguments,
} from '../options/shared-options.js';

// The options of `migrate`, apart from the command itself: the command line declares them at start, and loads the
// command (with the parsers it rewrites code with) only when it runs.

export interface MigrateArguments extends SourceArguments, ReportArguments, BatchArguments, DebugArguments {
  dryRun: boolean;
  force: boolean;
  outputsVersion?: OutputsVersion | 'auto';
}

export function migrateCommandBuilder(yargs: Argv): Argv<MigrateArguments> {
  return yargs
    .positional('input', {
      type: 'string',
      describe: 'The app (its folder or its Gen1 file) or, with --recursive, the repository; default: the current folder',
    })
    .option('dry-run', { type: 'boolean', default: false, describe: 'Print a unified diff of every file it would create or change; write nothing' })
    .option('force', {
      type: 'boolean',
      default: false,
      describe: 'Change files that have uncommitted changes in git, and replace an amplify_outputs file that differs',
    })
    .option('outputs-version', {
      ...OUTPUTS_VERSION_OPTION,
      describe: 'amplify_outputs.json version; auto (the default) picks the lowest that carries everything',
    })
    .options(SHARED_OPTIONS) as unknown as Argv<MigrateArguments>;
}
