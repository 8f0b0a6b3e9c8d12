import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Argv } from 'yargs';
import { convert, type ConvertResult } from '../../convert.js';
import type { Report } from '../../diagnostics/report.js';
import { isConversionError } from '../../errors.js';
import { outputsTextFor } from '../../outputs/dart-outputs.js';
import type { OutputsVersion } from '../../outputs/versions.js';
import {
  OUTPUTS_VERSION_OPTION,
  SHARED_OPTIONS,
  type BatchArguments,
  type DebugArguments,
  type ReportArguments,
  type SourceArguments,
} from '../options/shared-options.js';
import { EXIT } from '../output/exit-codes.js';
import { describeError, readExisting, isSymbolicLink } from '../inputs/read-input.js';
import { emitReport, reportUsesStdout } from '../output/emit-report.js';
import { appOf, outputOf, resolveSource } from '../inputs/resolve-source.js';
import { isWithin } from '../inputs/app-model.js';
import { staleSources } from '../inputs/other-sources.js';
import type { AppInBatch, RunOne } from '../batch/run-chunk.js';
import { runBatch, runsOverSeveral } from '../batch/run-batch.js';
import type { Threads } from '../batch/worker-threads.js';
import type { Terminal } from '../output/terminal.js';
import { writeFileAtomic } from '../output/write-file-atomic.js';

export interface ConvertArguments extends SourceArguments, ReportArguments, BatchArguments, DebugArguments {
  /** Default: where the app's platform loads it (see AppModel). */
  out?: string;
  dryRun: boolean;
  force: boolean;
  outputsVersion?: OutputsVersion | 'auto';
}

export function convertCommandBuilder(yargs: Argv): Argv<ConvertArguments> {
  return yargs
    .positional('input', {
      type: 'string',
      describe:
        'The Gen1 file (aws-exports.js, amplifyconfiguration.json, awsconfiguration.json, amplifyconfiguration.dart) or a project folder; default: found in the current project',
    })
    .positional('more', { type: 'string', array: true, describe: 'More inputs (files, folders or globs), each converted next to its own app' })
    .option('out', {
      alias: 'o',
      type: 'string',
      describe: "Where to write amplify_outputs; - for standard output; default: where the app's platform loads it (see the README)",
    })
    .option('dry-run', { type: 'boolean', default: false, describe: 'Convert and report, write nothing (the result goes to standard output)' })
    .option('force', { type: 'boolean', default: false, describe: 'Replace an existing output file that differs' })
    .option('outputs-version', {
      ...OUTPUTS_VERSION_OPTION,
      describe: 'amplify_outputs.json version; auto (the default) picks the lowest that carries everything',
    })
    .options(SHARED_OPTIONS)
    .check((argv) => {
      if (argv.report !== 'text' && argv.reportFile === undefined && argv.out === '-' && !argv.dryRun) {
        throw new Error(
          `--report ${String(argv.report)} prints the report on standard output, so the result cannot go there too: give --out a file or add --report-file.`,
        );
      }
      return true;
    }) as unknown as Argv<ConvertArguments>;
}

/** Converts one app of a run over several, next to its own Gen1 file. */
export const convertOne: RunOne<ConvertArguments> = (args, { input, output }, terminal, batch) =>
  convertFile({ ...args, recursive: false, more: [], input, out: output, foundInRun: args.recursive === true }, terminal, batch);

/** Runs `convert`; returns the exit code. */
export function runConvert(args: ConvertArguments, terminal: Terminal, threads: Threads = {}): number | Promise<number> {
  if (runsOverSeveral(args)) {
    return runBatch(
      args,
      terminal,
      {
        command: 'convert',
        runOne: convertOne,
        writesTo: (input) => outputOf(input, args, terminal),
        parallel: true,
      },
      threads,
    );
  }
  return convertFile(args, terminal);
}

/** Converts one input (a file or a project folder) into one output; `batch`: the batch it is an app of, if any. */
function convertFile(args: ConvertArguments, terminal: Terminal, batch?: AppInBatch): number {
  const source = resolveSource(args, terminal);
  if (typeof source === 'number') return source;
  const { display, text, projectFiles, modelIntrospection, select, app } = source;
  // Without --out, the file goes where the app's platform loads it.
  const out = args.out ?? path.relative(terminal.cwd, app.output);

  const reportToStdout = reportUsesStdout(args);
  const emit = (report: Report): boolean => {
    batch?.tally(report.diagnostics);
    return emitReport(report, args, terminal);
  };

  let result: ConvertResult;
  try {
    result = convert(text, {
      fileName: display,
      from: args.from,
      outputsVersion: args.outputsVersion ?? 'auto',
      platform: app.platform,
      api: args.api,
      select,
      projectFiles,
      projectFolder: source.projectFolder,
      modelIntrospection,
    });
  } catch (error) {
    if (isConversionError(error)) {
      emit({ input: display, diagnostics: [error.diagnostic], written: false });
      return EXIT.USAGE;
    }
    // Anything else is a bug: the command line prints it as an internal fault.
    throw error;
  }

  const diagnostics = [
    ...result.diagnostics,
    ...staleSources(source, result, { platform: app.platform, api: args.api }, terminal),
    ...source.appFindings(out === '-' ? '-' : path.resolve(terminal.cwd, out)),
  ];
  const report: Report = { input: display, ...appOf(source), format: result.format, version: result.version, diagnostics };
  const findingsExit = diagnostics.some((diagnostic) => diagnostic.severity === 'error') ? EXIT.FINDINGS : EXIT.OK;

  if (args.dryRun || out === '-') {
    report.output = out === '-' ? '-' : path.relative(terminal.cwd, path.resolve(terminal.cwd, out));
    report.written = out === '-' && !args.dryRun;
    report.dryRun = args.dryRun;
    const reported = emit(report);
    // The form follows the file's name: a .dart output is Dart (a dry run prints what it would write).
    if (!reportToStdout) terminal.stdout(outputsTextFor(out, result.text));
    return reported ? findingsExit : EXIT.USAGE;
  }

  const outFile = path.resolve(terminal.cwd, out);
  const outDisplay = path.relative(terminal.cwd, outFile) || outFile;
  report.output = outDisplay;
  // A file that would hold only its version is not written: the app would load nothing (the finding says why).
  if (diagnostics.some((diagnostic) => diagnostic.code === 'NOTHING_CARRIED')) {
    report.written = false;
    return emit(report) ? findingsExit : EXIT.USAGE;
  }
  const outText = outputsTextFor(outFile, result.text);
  // An earlier app of the batch may write this very file: its write lands first, as it would one app at a time.
  if (batch?.writes.waiting(outFile)) batch.writes.commit();
  const existing = readExisting(outFile);
  // Only a regular file is replaced: not a folder, a device, a pipe, or a symbolic link (whose target lies
  // outside the path named).
  const refusal =
    existing.kind === 'directory'
      ? 'is a directory'
      : existing.kind === 'other'
        ? `is ${existing.what}`
        : isSymbolicLink(outFile)
          ? 'is a symbolic link, which would be replaced by a file; name the file it points to'
          : undefined;
  if (refusal) {
    report.written = false;
    emit(report);
    terminal.stderr(`${outDisplay} ${refusal}; name a file with --out, or - for standard output.\n`);
    return EXIT.USAGE;
  }
  if (existing.kind === 'file' && existing.text !== outText && !args.force) {
    report.written = false;
    emit(report);
    terminal.stderr(
      `${outDisplay} already exists and differs from the converted result; nothing was written.\nRun again with --force to replace it, with --out to write elsewhere, or with --dry-run to see the result.\n`,
    );
    return EXIT.USAGE;
  }
  if (existing.kind !== 'file' || existing.text !== outText) {
    // The platform's own place may not exist yet (an Android app's res/raw): it is made, inside the app.
    if (outFile === app.output && !existsSync(path.dirname(outFile)) && isWithin(outFile, app.root)) mkdirSync(path.dirname(outFile), { recursive: true });
    if (!existsSync(path.dirname(outFile))) {
      report.written = false;
      emit(report);
      terminal.stderr(`Cannot write ${outDisplay}: the folder ${path.dirname(outDisplay)} does not exist.\n`);
      return EXIT.USAGE;
    }
    try {
      if (batch) batch.writes.write(outFile, outText, outDisplay);
      else writeFileAtomic(outFile, outText);
    } catch (error) {
      report.written = false;
      emit(report);
      terminal.stderr(`Cannot write ${outDisplay}: ${describeError(error)}\n`);
      return EXIT.USAGE;
    }
  } else report.unchanged = true;
  report.written = true;
  return emit(report) ? findingsExit : EXIT.USAGE;
}
