import path from 'node:path';
import type { Argv } from 'yargs';
import { BASELINE_FILE, baselineFrom, parseBaseline, type Baseline } from '../../check/baseline.js';
import { convertAsCommitted } from '../../check/convert-as-committed.js';
import { driftDiagnostics } from '../../check/drift.js';
import { assumedTargets } from '../../check/project-only-drift.js';
import { checkSummary, checkVerdict } from '../../check/verdict.js';
import { PLATFORM_FACTS } from '../../platforms.js';
import type { ConvertResult } from '../../convert.js';
import type { Severity } from '../../diagnostics/codes.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { countOf, type Report } from '../../diagnostics/report.js';
import { isConversionError } from '../../errors.js';
import { committedOutputs } from '../../outputs/committed-outputs.js';
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
import { readExisting } from '../inputs/read-input.js';
import { emitReport } from '../output/emit-report.js';
import { appOf, resolveSource, type ResolvedSource } from '../inputs/resolve-source.js';
import { staleSources } from '../inputs/other-sources.js';
import type { AppInBatch, RunOne } from '../batch/run-chunk.js';
import { runBatch, runsOverSeveral } from '../batch/run-batch.js';
import type { Threads } from '../batch/worker-threads.js';
import type { Terminal } from '../output/terminal.js';
import { writeFileAtomic } from '../output/write-file-atomic.js';

export interface CheckArguments extends SourceArguments, ReportArguments, BatchArguments, DebugArguments {
  /** Default: where the app's platform loads it (see AppModel). */
  outputs?: string;
  failOn?: Severity;
  baseline?: string;
  updateBaseline: boolean;
  outputsVersion?: OutputsVersion | 'auto';
}

export function checkCommandBuilder(yargs: Argv): Argv<CheckArguments> {
  return yargs
    .positional('input', { type: 'string', describe: 'The Gen1 file or project folder (found as for convert when absent)' })
    .positional('more', {
      type: 'string',
      array: true,
      describe: 'More inputs (files, folders or globs), each checked against the amplify_outputs.json of its app',
    })
    .option('outputs', { type: 'string', describe: "The committed amplify_outputs to check; default: where the app's platform loads it" })
    .option('fail-on', {
      choices: ['error', 'warning', 'info'] as const,
      describe: 'Exit 1 on new findings of this severity or above (drift always fails); default error',
    })
    .option('baseline', { type: 'string', describe: `Accepted findings and options (default: ${BASELINE_FILE} in the current folder, when present)` })
    .option('update-baseline', { type: 'boolean', default: false, describe: 'Accept every current finding: write the baseline, keeping its options' })
    .option('outputs-version', { ...OUTPUTS_VERSION_OPTION, describe: 'amplify_outputs.json version; default: the version the committed file declares' })
    .options(SHARED_OPTIONS) as unknown as Argv<CheckArguments>;
}

/**
 * `check`: converts in memory and compares with the committed amplify_outputs.json. Never writes it. Exit 0 when
 * they agree and no finding reaches --fail-on, 1 on drift or such findings, 2 on usage or unreadable input, 3 on a bug.
 */
export function runCheck(cliArgs: CheckArguments, terminal: Terminal, threads: Threads = {}): number | Promise<number> {
  if (runsOverSeveral(cliArgs)) {
    if (cliArgs.updateBaseline) return updateBaselineOfBatch(cliArgs, terminal);
    return runBatch(cliArgs, terminal, { command: 'check', runOne: checkOne, parallel: true }, threads);
  }
  return checkFile(cliArgs, terminal);
}

/** Checks one app of a run over several against the amplify_outputs.json next to it. */
export const checkOne: RunOne<CheckArguments> = (args, { input: item }, terminal, batch) => {
  // The apps of a run share one baseline: it is read once (per thread), as long as it reads well; a baseline that
  // does not is read, and its problem said, for each app.
  let loaded = batchBaselines.get(args);
  if (loaded === undefined) {
    const fresh = loadBaseline(args, terminal);
    if (typeof fresh === 'number') return fresh;
    loaded = fresh;
    batchBaselines.set(args, loaded);
  }
  return checkFile({ ...args, recursive: false, more: [], input: item, foundInRun: args.recursive === true }, terminal, loaded, true, batch);
};

const batchBaselines = new WeakMap<CheckArguments, LoadedBaseline>();

interface LoadedBaseline {
  file: string;
  display: string;
  baseline: Baseline | undefined;
}

/** The baseline of the run (--baseline, else the default file when present); an exit code when it is not valid. */
function loadBaseline(cliArgs: CheckArguments, terminal: Terminal): LoadedBaseline | number {
  const file = path.resolve(terminal.cwd, cliArgs.baseline ?? BASELINE_FILE);
  const display = path.relative(terminal.cwd, file) || file;
  const existing = readExisting(file);
  if (existing.kind === 'file') {
    const parsed = parseBaseline(existing.text);
    if ('problems' in parsed) {
      terminal.stderr(`${display} is not a valid baseline: ${parsed.problems.join('; ')}.\n`);
      return EXIT.USAGE;
    }
    return { file, display, baseline: parsed.baseline };
  }
  if (cliArgs.baseline !== undefined && !cliArgs.updateBaseline) {
    terminal.stderr(`Cannot read the baseline ${display}.\n`);
    return EXIT.USAGE;
  }
  return { file, display, baseline: undefined };
}

/** Writes the baseline accepting these findings (keeping its options); returns the exit code. */
function writeBaseline(loaded: LoadedBaseline, findings: readonly Diagnostic[], terminal: Terminal): number {
  try {
    writeFileAtomic(loaded.file, `${JSON.stringify(baselineFrom(findings, loaded.baseline), null, 2)}\n`);
  } catch {
    terminal.stderr(`Cannot write the baseline ${loaded.display}.\n`);
    return EXIT.USAGE;
  }
  terminal.stderr(`Wrote ${loaded.display}: ${countOf(findings.length, 'finding')} accepted.\n`);
  return EXIT.OK;
}

/**
 * `check --update-baseline` over several apps: each app's findings are gathered (one app after another), and the
 * baseline is written once, accepting them all. Nothing is written when an app cannot be checked.
 */
async function updateBaselineOfBatch(cliArgs: CheckArguments, terminal: Terminal): Promise<number> {
  const loaded = loadBaseline(cliArgs, terminal);
  if (typeof loaded === 'number') return loaded;
  const findings: Diagnostic[] = [];
  const acceptFindings = (diagnostics: readonly Diagnostic[]): void => {
    findings.push(...diagnostics);
  };
  const code = await runBatch(cliArgs, terminal, { command: 'check', runOne: checkOne, parallel: false, acceptFindings }, {});
  if (code >= EXIT.USAGE) {
    terminal.stderr(`${loaded.display} was not written: not every app could be checked.\n`);
    return code;
  }
  return writeBaseline(loaded, findings, terminal);
}

/**
 * Checks one input; `besideApp`: against the amplify_outputs.json of its app (in a run over several), not --outputs;
 * `batch`: the batch it is an app of, if any.
 */
function checkFile(cliArgs: CheckArguments, terminal: Terminal, given?: LoadedBaseline, besideApp = false, batch?: AppInBatch): number {
  const loaded = given ?? loadBaseline(cliArgs, terminal);
  if (typeof loaded === 'number') return loaded;
  const { baseline, display: baselineDisplay } = loaded;
  // Options the project keeps in its baseline apply unless the command line says otherwise.
  const options = baseline?.options ?? {};
  const args: CheckArguments & { failOn: Severity } = {
    ...cliArgs,
    platform: cliArgs.platform ?? options.platform,
    api: cliArgs.api ?? options.api,
    select: cliArgs.select ?? options.select,
    outputsVersion: cliArgs.outputsVersion ?? (options.outputsVersion as OutputsVersion | 'auto' | undefined),
    failOn: cliArgs.failOn ?? options.failOn ?? 'error',
  };
  const source = resolveSource(args, terminal);
  if (typeof source === 'number') return source;
  // In a run over several apps, each app's own file; else the one named, else the app's.
  const outputsFile = besideApp || args.outputs === undefined ? source.app.output : path.resolve(terminal.cwd, args.outputs);
  const outputsDisplay = path.relative(terminal.cwd, outputsFile) || outputsFile;
  const committed = readExisting(outputsFile);
  if (committed.kind === 'directory' || committed.kind === 'other') {
    terminal.stderr(
      `${outputsDisplay} is ${committed.kind === 'directory' ? 'a directory' : committed.what}; name the committed amplify_outputs.json with --outputs.\n`,
    );
    return EXIT.USAGE;
  }
  // A .dart file is compared by the JSON its string holds.
  const committedFile = committed.kind === 'file' ? committedOutputs(outputsFile, committed.text) : undefined;

  const emit = (report: Report): boolean => {
    batch?.tally(report.diagnostics);
    return emitReport(report, args, terminal);
  };

  let result: ConvertResult;
  try {
    const settings = {
      fileName: source.display,
      from: args.from,
      platform: source.app.platform,
      api: args.api,
      select: source.select,
      projectFiles: source.projectFiles,
      projectFolder: source.projectFolder,
      modelIntrospection: source.modelIntrospection,
    };
    result = convertAsCommitted(source.text, settings, args.outputsVersion, committedFile?.text);
  } catch (error) {
    if (isConversionError(error)) {
      emit({ input: source.display, diagnostics: [error.diagnostic] });
      return EXIT.USAGE;
    }
    // Anything else is a bug: the command line prints it as an internal fault.
    throw error;
  }

  const misplaced = committed.kind === 'none' && args.outputs === undefined ? misplacedOutputs(source, terminal) : undefined;
  // A client file converted without its project folder cannot settle what only the project says.
  const withoutProject = result.format !== 'amplify-meta' && source.projectMeta === undefined ? { assumed: assumedTargets(result.diagnostics) } : undefined;
  const repeated = args.platform !== undefined ? `--platform ${args.platform}` : '';
  const driftFound = driftDiagnostics(result.text, committedFile?.text, outputsDisplay, source.display, misplaced, withoutProject, repeated);
  const drift = committedFile?.place(driftFound) ?? driftFound;
  const stale = staleSources(source, result, { platform: source.app.platform, api: args.api }, terminal);
  if (args.updateBaseline) {
    const all = [...drift, ...stale, ...result.diagnostics, ...source.appFindings(outputsFile)];
    // In a run over several apps, the run writes the baseline once, with every app's findings.
    if (batch?.acceptFindings) {
      batch.acceptFindings(all);
      return EXIT.OK;
    }
    return writeBaseline(loaded, all, terminal);
  }
  const verdict = checkVerdict(drift, [...stale, ...result.diagnostics, ...source.appFindings(outputsFile)], baseline, args.failOn);
  const report: Report = {
    input: source.display,
    ...appOf(source),
    format: result.format,
    version: result.version,
    checked: outputsDisplay,
    diagnostics: verdict.diagnostics,
  };
  if (args.report === 'text' && args.reportFile === undefined) terminal.stderr(checkSummary(verdict, outputsDisplay, baselineDisplay));
  if (!emit(report)) return EXIT.USAGE;
  return verdict.failed ? EXIT.FINDINGS : EXIT.OK;
}

/**
 * An amplify_outputs file of the app at a place its platform does not load it from (the app's root, beside the Gen1
 * file, an Android app's module), as an earlier conversion may have left it. Only the app's own folders are looked
 * at: another app's file is not this one's.
 */
function misplacedOutputs(source: ResolvedSource, terminal: Terminal): { file: string; loadedBy: string } | undefined {
  const { app } = source;
  if (app.platform === undefined) return undefined;
  const places = [app.root, path.dirname(app.source), path.join(app.root, 'app')].flatMap((folder) =>
    ['amplify_outputs.json', 'amplify_outputs.dart'].map((name) => path.join(folder, name)),
  );
  const found = places.find((file) => file !== app.output && readExisting(file).kind === 'file');
  return found === undefined ? undefined : { file: path.relative(terminal.cwd, found) || found, loadedBy: PLATFORM_FACTS[app.platform].loadedBy };
}
