#!/usr/bin/env node
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { checkCommandBuilder, checkOne, runCheck, type CheckArguments } from './commands/check.js';
import { convertCommandBuilder, convertOne, runConvert, type ConvertArguments } from './commands/convert.js';
import { serveBatchIfWorker } from './batch/worker-threads.js';
import { EXIT } from './output/exit-codes.js';
import { reportInternalFault } from './output/internal-fault.js';
import { processTerminal } from './output/terminal.js';

/** A command-line usage mistake; stops yargs before any command runs. */
class UsageError extends Error {}

const packageJson = createRequire(import.meta.url)('../../package.json') as { version: string };

/**
 * The script worker threads start from: the installed launcher, which runs this bundle with its code cache, when it
 * says so; else this module itself.
 */
const entry = ((globalThis as Record<symbol, unknown>)[Symbol.for('amplify-outputs-migrate.entry')] as string | undefined) ?? fileURLToPath(import.meta.url);

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

async function main(argv: string[]): Promise<number> {
  const terminal = processTerminal(packageJson.version, entry);
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
          exitCode = await runConvert(args, terminal);
        },
      )
      .command<CheckArguments>(
        'check [input] [more..]',
        'Check that the committed amplify_outputs.json says what the Gen1 sources say (never writes)',
        checkCommandBuilder,
        async (args) => {
          debug = args.debug === true;
          exitCode = await runCheck(args, terminal);
        },
      )
      .demandCommand(1, 'Name a command: convert or check.')
      .strict()
      .version(packageJson.version)
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

// A worker thread of a large batch serves its apps instead (see worker-pool.ts).
if (!serveBatchIfWorker({ convert: convertOne, check: checkOne })) {
  main(hideBin(process.argv)).then(
    (code) => {
      process.exitCode = code;
    },
    () => {
      process.exitCode = EXIT.INTERNAL;
    },
  );
}
