import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Argv } from 'yargs';
import { convert, type ConvertResult } from '../convert.js';
import { SOURCE_FORMATS, type SourceFormat } from '../detect-format.js';
import { REPORT_FORMATS, renderReport, type ReportFormat } from '../diagnostics/render-report.js';
import type { Report } from '../diagnostics/report.js';
import { isConversionError, isInternalFault } from '../errors.js';
import { OUTPUTS_VERSIONS, type OutputsVersion } from '../outputs/versions.js';
import { EXIT } from './exit-codes.js';
import { findInput } from './find-input.js';
import { isGen1Project, META_CANDIDATES, readProject } from '../project/read-project.js';
import type { Terminal } from './terminal.js';
import { writeFileAtomic } from './write-file-atomic.js';

export interface ConvertArguments {
  input?: string;
  out: string;
  dryRun: boolean;
  force: boolean;
  report: ReportFormat;
  reportFile?: string;
  outputsVersion: OutputsVersion | 'auto';
  from?: SourceFormat;
  platform?: 'web' | 'ios' | 'android' | 'flutter';
  api?: string;
  project?: string;
  select?: string[];
  modelIntrospection?: string;
}

/** Inputs larger than this are refused: no Gen1 configuration comes near it. */
export const MAX_INPUT_BYTES = 10 * 1024 * 1024;

export function convertCommandBuilder(yargs: Argv): Argv<ConvertArguments> {
  return yargs
    .positional('input', {
      type: 'string',
      describe: 'The Gen1 file (aws-exports.js, amplifyconfiguration.json, awsconfiguration.json, amplifyconfiguration.dart) or a project folder; default: found in the current project',
    })
    .option('out', { alias: 'o', type: 'string', default: 'amplify_outputs.json', describe: 'Where to write amplify_outputs.json; - for standard output' })
    .option('dry-run', { type: 'boolean', default: false, describe: 'Convert and report, write nothing (the result goes to standard output)' })
    .option('force', { type: 'boolean', default: false, describe: 'Replace an existing output file that differs' })
    .option('report', { choices: REPORT_FORMATS, default: 'text' as const, describe: 'Report format: text, json, github (workflow commands), sarif (2.1.0) or junit' })
    .option('report-file', { type: 'string', describe: 'Write the report to this file instead of the terminal' })
    .option('outputs-version', { type: 'string', choices: ['auto', ...OUTPUTS_VERSIONS] as const, default: 'auto' as const, describe: 'amplify_outputs.json version; auto picks the lowest that carries everything' })
    .option('from', { choices: SOURCE_FORMATS, describe: 'Read the input as this format instead of detecting it from the content' })
    .option('platform', { choices: ['web', 'ios', 'android', 'flutter'] as const, describe: 'The app platform (decides the push notification channel)' })
    .option('api', { type: 'string', describe: 'With several GraphQL APIs (mobile formats), the name of the one to carry; default: the first' })
    .option('project', { type: 'string', describe: 'A Gen1 project folder: convert its amplify-meta.json, with what the folder adds (guest access, group precedence)' })
    .option('select', { type: 'string', array: true, describe: 'With several resources where Gen2 holds one (amplify-meta.json): <category>=<resource>, the category being auth, api (the GraphQL API), storage or analytics' })
    .option('model-introspection', { type: 'string', describe: 'A model-introspection.json to write as data.model_introspection' })
    .check((argv) => {
      for (const choice of (argv.select as string[] | undefined) ?? []) {
        if (!/^[^=]+=.+$/.test(choice)) throw new Error(`--select takes <category>=<resource>, not "${choice}".`);
      }
      if (argv.report !== 'text' && argv.reportFile === undefined && argv.out === '-' && !argv.dryRun) {
        throw new Error(`--report ${String(argv.report)} prints the report on standard output, so the result cannot go there too: give --out a file or add --report-file.`);
      }
      return true;
    }) as unknown as Argv<ConvertArguments>;
}

/** Runs `convert`; returns the exit code. */
export function runConvert(args: ConvertArguments, terminal: Terminal): number {
  const projectDir = args.project ?? (args.input !== undefined && isGen1Project(path.resolve(terminal.cwd, args.input)) ? args.input : undefined);
  let display: string;
  let text: string | undefined;
  let projectFiles: Record<string, string> | undefined;
  if (projectDir !== undefined) {
    const root = path.resolve(terminal.cwd, projectDir);
    if (!isGen1Project(root)) {
      terminal.stderr(`${projectDir} is not a Gen1 project folder: it has no ${META_CANDIDATES.join(' nor ')}.\n`);
      return EXIT.USAGE;
    }
    const project = readProject(root);
    display = path.relative(terminal.cwd, path.join(root, project.metaFile)) || project.metaFile;
    text = project.metaText;
    projectFiles = project.projectFiles;
    terminal.stderr(
      `Using ${display}${project.metaFile.includes('#current-cloud-backend') ? ' (the last deployed copy)' : ''}${project.otherMetaFiles.length > 0 ? `; also found ${project.otherMetaFiles.join(', ')}` : ''}\n`,
    );
  } else {
    const found = findInput(args.input, terminal.cwd);
    if (found.kind === 'missing' && isGen1Project(found.root)) {
      // No client file, but the folder is a Gen1 project: its amplify-meta.json is the source.
      return runConvert({ ...args, project: found.root }, terminal);
    }
    if (found.kind === 'missing') {
      terminal.stderr(`No Gen1 configuration file found in ${found.root}. Looked for: ${found.searched.join(', ')}.\nName the file: amplify-outputs-migrate convert path/to/aws-exports.js\n`);
      return EXIT.USAGE;
    }
    display = path.relative(terminal.cwd, found.file) || found.file;
    if (found.discovered) terminal.stderr(`Using ${display}\n`);
    text = readInput(found.file, display, terminal);
  }
  if (text === undefined) return EXIT.USAGE;
  let modelIntrospection: string | undefined;
  if (args.modelIntrospection !== undefined) {
    modelIntrospection = readInput(path.resolve(terminal.cwd, args.modelIntrospection), args.modelIntrospection, terminal);
    if (modelIntrospection === undefined) return EXIT.USAGE;
  }
  const select = Object.fromEntries((args.select ?? []).map((choice) => [choice.slice(0, choice.indexOf('=')), choice.slice(choice.indexOf('=') + 1)]));

  // Machine-readable reports go to standard output (GitHub reads workflow commands there); text goes to standard error.
  const reportToStdout = args.report !== 'text' && args.reportFile === undefined;
  const emitReport = (report: Report): boolean => {
    const rendered = renderReport(report, args.report, { color: args.report === 'text' && args.reportFile === undefined && terminal.colorOnStderr, toolVersion: terminal.toolVersion });
    if (args.reportFile !== undefined) {
      try {
        writeFileAtomic(path.resolve(terminal.cwd, args.reportFile), rendered);
      } catch (error) {
        terminal.stderr(`Cannot write the report to ${args.reportFile}: ${describeError(error)}\n`);
        return false;
      }
    } else if (reportToStdout) {
      terminal.stdout(rendered);
    } else {
      terminal.stderr(rendered);
    }
    return true;
  };

  let result: ConvertResult;
  try {
    result = convert(text, {
      fileName: display,
      from: args.from,
      outputsVersion: args.outputsVersion,
      platform: args.platform,
      api: args.api,
      select,
      projectFiles,
      modelIntrospection,
    });
  } catch (error) {
    if (isConversionError(error)) {
      emitReport({ input: display, diagnostics: [error.diagnostic], written: false });
      return EXIT.USAGE;
    }
    if (isInternalFault(error)) {
      terminal.stderr(`Internal fault: ${error.message}\n${JSON.stringify(error.details, null, 2)}\n`);
      return EXIT.INTERNAL;
    }
    throw error;
  }

  const report: Report = { input: display, format: result.format, version: result.version, diagnostics: result.diagnostics };
  const findingsExit = result.diagnostics.some((diagnostic) => diagnostic.severity === 'error') ? EXIT.FINDINGS : EXIT.OK;

  if (args.dryRun || args.out === '-') {
    report.output = args.out === '-' ? '-' : path.relative(terminal.cwd, path.resolve(terminal.cwd, args.out));
    report.written = args.out === '-' && !args.dryRun;
    report.dryRun = args.dryRun;
    const reported = emitReport(report);
    if (!reportToStdout) terminal.stdout(result.text);
    return reported ? findingsExit : EXIT.USAGE;
  }

  const outFile = path.resolve(terminal.cwd, args.out);
  const outDisplay = path.relative(terminal.cwd, outFile) || outFile;
  report.output = outDisplay;
  const existing = readExisting(outFile);
  if (existing.kind === 'directory') {
    report.written = false;
    emitReport(report);
    terminal.stderr(`${outDisplay} is a directory; name a file with --out.\n`);
    return EXIT.USAGE;
  }
  if (existing.kind === 'file' && existing.text !== result.text && !args.force) {
    report.written = false;
    emitReport(report);
    terminal.stderr(`${outDisplay} already exists and differs from the converted result; nothing was written.\nRun again with --force to replace it, with --out to write elsewhere, or with --dry-run to see the result.\n`);
    return EXIT.USAGE;
  }
  if (existing.kind !== 'file' || existing.text !== result.text) {
    if (!existsSync(path.dirname(outFile))) {
      report.written = false;
      emitReport(report);
      terminal.stderr(`Cannot write ${outDisplay}: the folder ${path.dirname(outDisplay)} does not exist.\n`);
      return EXIT.USAGE;
    }
    try {
      writeFileAtomic(outFile, result.text);
    } catch (error) {
      report.written = false;
      emitReport(report);
      terminal.stderr(`Cannot write ${outDisplay}: ${describeError(error)}\n`);
      return EXIT.USAGE;
    }
  }
  report.written = true;
  return emitReport(report) ? findingsExit : EXIT.USAGE;
}

function readInput(file: string, display: string, terminal: Terminal): string | undefined {
  try {
    const stats = statSync(file);
    if (!stats.isFile()) {
      terminal.stderr(`Cannot read ${display}: not a regular file.\n`);
      return undefined;
    }
    if (stats.size > MAX_INPUT_BYTES) {
      terminal.stderr(`Cannot read ${display}: it is ${stats.size} bytes, more than the ${MAX_INPUT_BYTES} bytes a Gen1 configuration file can be.\n`);
      return undefined;
    }
    return readFileSync(file, 'utf8');
  } catch (error) {
    terminal.stderr(`Cannot read ${display}: ${describeError(error)}\n`);
    return undefined;
  }
}

function readExisting(file: string): { kind: 'none' } | { kind: 'directory' } | { kind: 'file'; text: string } {
  try {
    if (statSync(file).isDirectory()) return { kind: 'directory' };
    return { kind: 'file', text: readFileSync(file, 'utf8') };
  } catch {
    return { kind: 'none' };
  }
}

function describeError(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder';
  return error instanceof Error ? error.message : String(error);
}
