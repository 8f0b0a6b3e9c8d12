import { forgetProjectConfigs } from '../inputs/app-model.js';
import { forgetListings } from '../inputs/folder-names.js';
import yargs from 'yargs';
import type { Threads } from '../batch/worker-threads.js';
import { EXIT } from '../output/exit-codes.js';
import { reportInternalFault } from '../output/internal-fault.js';
import type { Terminal } from '../output/terminal.js';
import { checkCommandBuilder, runCheck, type CheckArguments } from './check.js';
import { convertCommandBuilder, runConvert, type ConvertArguments } from './convert.js';
import { migrateCommandBuilder, type MigrateArguments } from './migrate-options.js';

/** A command-line usage mistake; stops yargs before any command runs. */
class UsageError extends Error {}

/**
 * yargs-parser reads a lone "-" after a long option as no value; `--out -` (standard output) is joined into
 * `--out=-` before parsing so that it means what it says.
 */
function joinDashValues(argv: string[]): string[] {
  const result: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if ((arg === '--out' || arg === '-o' || arg === '--report-file') && argv[i + 1] === '-') {
      result.push(`${arg.startsWith('--') ? arg : '--out'}=-`);
      i++;
    } else {
      result.push(arg);
    }
  }
  return result;
}

/** Where a command line runs: its terminal, where its worker threads start from, and the version it says. */
export interface CommandLineContext {
  terminal: Terminal;
  threads: Threads;
  version: string;
}

/** Runs the command line: parses the arguments, runs the command they name and returns its exit code. */
export async function runCommandLine(argv: string[], { terminal, threads, version }: CommandLineContext): Promise<number> {
  forgetListings();
  forgetProjectConfigs();
  let exitCode: number = EXIT.OK;
  // --debug, as parsed once a command runs (a fault can only happen then).
  let debug = false;
  try {
    await yargs(joinDashValues(argv))
      .scriptName('amplify-outputs-migrate')
      .usage('$0 <command> [options]')
      .command<ConvertArguments>(
        'convert [input] [more..]',
        'Convert a Gen1 configuration file (aws-exports.js, amplifyconfiguration.json, awsconfiguration.json, amplifyconfiguration.dart) into amplify_outputs.json',
        convertCommandBuilder,
        async (args) => {
          debug = args.debug === true;
          exitCode = await runConvert(args, terminal, threads);
        },
      )
      .command<CheckArguments>(
        'check [input] [more..]',
        'Check that the committed amplify_outputs.json says what the Gen1 sources say (never writes)',
        checkCommandBuilder,
        async (args) => {
          debug = args.debug === true;
          exitCode = await runCheck(args, terminal, threads);
        },
      )
      .command<MigrateArguments>(
        'migrate [input] [more..]',
        "Move an app onto amplify_outputs: convert its Gen1 configuration, write it where the platform loads it, and rewrite the app's code and project files that load the Gen1 one",
        migrateCommandBuilder,
        async (args) => {
          debug = args.debug === true;
          // Loaded when it runs: the code parsers it needs are not part of a conversion's start.
          const { runMigrate } = await import('./migrate.js');
          exitCode = await runMigrate(args, terminal);
        },
      )
      .demandCommand(1, 'Name a command: convert, check or migrate.')
      .strict()
      .version(version)
      .help()
      .alias('h', 'help')
      .wrap(Math.min(110, process.stdout.columns ?? 110))
      .fail((message, error) => {
        if (error && !message) throw error;
        throw new UsageError(message ?? error?.message ?? 'Invalid arguments.');
      })
      .parseAsync();
  } catch (error) {
    if (error instanceof UsageError) {
      terminal.stderr(`${error.message}\nRun amplify-outputs-migrate --help for the options.\n`);
      return EXIT.USAGE;
    }
    return reportInternalFault(terminal.stderr, error, debug);
  }
  return exitCode;
}
