import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { renderBatchReport } from '../../diagnostics/render-batch-report.js';
import { countOf, type AppReport, type FileChange, type Report } from '../../diagnostics/report.js';
import { isConversionError } from '../../errors.js';
import { planMigration, type MigrationPlan } from '../../migrate/plan-migration.js';
import type { MigrateArguments } from './migrate-options.js';
import { EXIT } from '../output/exit-codes.js';
import { describeError, isSymbolicLink, readExisting } from '../inputs/read-input.js';
import { emitReport, reportUsesStdout, combinesReports, writeReportFile } from '../output/emit-report.js';
import { appOf, modelContext, resolveSource } from '../inputs/resolve-source.js';
import { isWithin, searchLimit } from '../inputs/app-model.js';
import { findApps } from '../inputs/find-apps.js';
import { staleSources } from '../inputs/other-sources.js';
import { collectAppFiles } from '../inputs/collect-app-files.js';
import type { Terminal } from '../output/terminal.js';
import { writeFileAtomic } from '../output/write-file-atomic.js';

/** Runs `migrate`; returns the exit code. */
export async function runMigrate(args: MigrateArguments, terminal: Terminal): Promise<number> {
  if (args.recursive !== true && (args.more?.length ?? 0) === 0) {
    const outcome = await migrateApp(args, terminal);
    const reported = outcome.report === undefined || emitReport(outcome.report, args, terminal);
    // Why nothing was changed comes last, where a reader of the report ends.
    if (outcome.refusal !== undefined) terminal.stderr(outcome.refusal);
    return reported ? outcome.code : EXIT.USAGE;
  }
  const roots = [
    ...(args.recursive === true ? [] : [args.input ?? '.']),
    ...(args.recursive === true
      ? findApps(path.resolve(terminal.cwd, args.input ?? '.'), modelContext(args, terminal)).map((app) => path.relative(terminal.cwd, app.source))
      : (args.more ?? [])),
  ];
  if (roots.length === 0) {
    terminal.stderr(`No Gen1 configuration found in ${args.input ?? 'the current folder'} or any folder below it.\n`);
    return EXIT.USAGE;
  }
  const combined = combinesReports(args);
  const apps: AppReport[] = [];
  let worst: number = EXIT.OK;
  const tally = { changedApps: 0, files: 0, toAct: 0, stopped: 0 };
  for (const input of roots) {
    if (!args.quiet && args.report === 'text') terminal.stderr(`== ${input}\n`);
    const failures: string[] = [];
    const appTerminal: Terminal = combined ? { ...terminal, stderr: (text) => failures.push(text) } : terminal;
    const outcome = await migrateApp({ ...args, input, more: [], recursive: false, foundInRun: args.recursive === true }, appTerminal);
    worst = Math.max(worst, outcome.code);
    const changes = outcome.code === EXIT.OK || outcome.code === EXIT.FINDINGS ? (outcome.report?.changes?.length ?? 0) : 0;
    if (changes > 0) tally.changedApps++;
    tally.files += changes;
    if (outcome.code === EXIT.FINDINGS) tally.toAct++;
    else if (outcome.code !== EXIT.OK) tally.stopped++;
    if (outcome.refusal !== undefined && combined) failures.push(outcome.refusal);
    if (combined) apps.push({ app: input, exitCode: outcome.code, ...(outcome.report ? { report: outcome.report } : {}), failure: failures.join('').trim() });
    else {
      if (outcome.report !== undefined) emitReport(outcome.report, args, terminal);
      if (outcome.refusal !== undefined) terminal.stderr(outcome.refusal);
    }
  }
  if (!combined && !args.quiet) {
    const files = `${countOf(tally.files, 'file')} ${args.dryRun ? 'to change' : 'changed'}`;
    terminal.stderr(
      `\n${countOf(roots.length, 'app')}: ${files} in ${countOf(tally.changedApps, 'app')}; ${tally.toAct} with errors a person must act on; ${tally.stopped} refused or not read.\n`,
    );
  }
  if (combined) {
    const counts = { clean: 0, findings: 0, failed: 0 };
    for (const app of apps) {
      if (app.exitCode !== EXIT.OK && app.exitCode !== EXIT.FINDINGS) counts.failed++;
      else if (app.exitCode === EXIT.FINDINGS || (app.report?.diagnostics ?? []).some((d) => d.severity !== 'info')) counts.findings++;
      else counts.clean++;
    }
    const rendered = renderBatchReport({ apps, counts }, args.report, { toolVersion: terminal.toolVersion });
    if (args.reportFile !== undefined) {
      if (!writeReportFile(rendered, args.reportFile, terminal)) return EXIT.USAGE;
    } else terminal.stdout(rendered);
  }
  return worst;
}

interface AppOutcome {
  code: number;
  report?: Report;
  /** Why nothing was changed, said after the report. */
  refusal?: string;
}

/** Migrates one app: plans, then shows (dry run) or applies. Never writes outside the app. */
async function migrateApp(args: MigrateArguments, terminal: Terminal): Promise<AppOutcome> {
  const source = resolveSource(args, terminal);
  if (typeof source === 'number') return { code: source };
  const { app } = source;
  const shown = (file: string): string => path.relative(terminal.cwd, path.resolve(app.root, file)) || file;
  const relative = (file: string): string => path.relative(app.root, file).split(path.sep).join('/');
  const limit = searchLimit(app.source, terminal.cwd);
  const files = collectAppFiles(app.root, limit);

  let plan: MigrationPlan;
  try {
    plan = await planMigration(files, {
      source: relative(app.source),
      sourceText: source.text,
      sourceName: source.display,
      platform: app.platform,
      appDir: path.relative(limit, app.root).split(path.sep).join('/'),
      outputsPath: relative(app.output),
      projectFiles: source.projectFiles,
      projectFolder: source.projectFolder,
      from: args.from,
      outputsVersion: args.outputsVersion ?? 'auto',
      api: args.api,
      select: source.select,
      modelIntrospection: source.modelIntrospection,
    });
  } catch (error) {
    if (isConversionError(error))
      return { code: EXIT.USAGE, report: { input: source.display, ...appOf(source), diagnostics: [error.diagnostic], written: false } };
    throw error;
  }

  const outputFile = path.resolve(app.root, plan.outputsPath);
  // The parts name files relative to the app's root; the report names them as the command line does.
  const planned = plan.diagnostics.slice(plan.conversion.diagnostics.length).map((diagnostic) => showFile(diagnostic, shown));
  const diagnostics: Diagnostic[] = [
    ...plan.conversion.diagnostics,
    ...staleSources(source, plan.conversion, { platform: app.platform, api: args.api }, terminal),
    // With the Xcode project changed by the plan, its membership is the plan's to say.
    ...source.appFindings(outputFile).filter((diagnostic) => !(plan.sourcesRewritten && diagnostic.code === 'NOT_IN_XCODE_TARGET')),
    ...planned,
  ];
  const edits = plan.edits.filter((edit) => isWithin(path.resolve(app.root, edit.path), app.root));
  const changes: FileChange[] = edits.map((edit) => ({ file: shown(edit.path), change: edit.before === null ? 'created' : 'changed' }));
  const report: Report = {
    input: source.display,
    ...appOf(source),
    format: plan.conversion.format,
    version: plan.conversion.version,
    output: shown(plan.outputsPath),
    diagnostics,
    changes,
  };
  const findingsExit = diagnostics.some((diagnostic) => diagnostic.severity === 'error') ? EXIT.FINDINGS : EXIT.OK;

  if (args.dryRun) {
    report.dryRun = true;
    report.written = false;
    if (!reportUsesStdout(args)) {
      for (const edit of edits) {
        const name = shown(edit.path);
        terminal.stdout(
          createTwoFilesPatch(edit.before === null ? '/dev/null' : `a/${name}`, `b/${name}`, edit.before ?? '', edit.after, undefined, undefined, {
            context: 3,
            headerOptions: FILE_HEADERS_ONLY,
          }),
        );
      }
    }
    return { code: findingsExit, report };
  }

  // Refusals: a file that is not a regular file, a different outputs file, uncommitted changes; nothing is written then.
  const refusals: string[] = [];
  for (const edit of edits) {
    const file = path.resolve(app.root, edit.path);
    const existing = readExisting(file);
    if (existing.kind === 'directory' || existing.kind === 'other' || (existing.kind === 'file' && isSymbolicLink(file)))
      refusals.push(`${shown(edit.path)} is not a regular file; it was left as it is.`);
    else if (existing.kind === 'file' && existing.text !== edit.before) refusals.push(`${shown(edit.path)} changed while it was read; run again.`);
  }
  const outputEdit = edits.find((edit) => edit.path === plan.outputsPath);
  if (outputEdit !== undefined && outputEdit.before !== null && !args.force) {
    refusals.push(
      `${shown(plan.outputsPath)} already exists and differs from the converted result. Run with --force to replace it, or with --dry-run to see the change.`,
    );
  }
  if (!args.force) {
    const dirty = uncommitted(
      app.root,
      edits.filter((edit) => edit.before !== null).map((edit) => edit.path),
    );
    if (dirty.length > 0)
      refusals.push(`These files have uncommitted changes in git: ${dirty.map(shown).join(', ')}. Commit or stash them first, or run with --force.`);
  }
  if (refusals.length > 0) {
    report.written = false;
    return { code: EXIT.USAGE, report, refusal: `Nothing was changed:\n${refusals.map((line) => `  ${line}\n`).join('')}` };
  }
  for (const edit of edits) {
    const file = path.resolve(app.root, edit.path);
    try {
      if (!existsSync(path.dirname(file))) mkdirSync(path.dirname(file), { recursive: true });
      writeFileAtomic(file, edit.after);
    } catch (error) {
      report.written = false;
      terminal.stderr(`Cannot write ${shown(edit.path)}: ${describeError(error)}\n`);
      return { code: EXIT.USAGE, report };
    }
  }
  report.written = true;
  report.unchanged = edits.length === 0;
  return { code: findingsExit, report };
}

function showFile(diagnostic: Diagnostic, shown: (file: string) => string): Diagnostic {
  return diagnostic.source.file === undefined || diagnostic.source.file === ''
    ? diagnostic
    : { ...diagnostic, source: { ...diagnostic.source, file: shown(diagnostic.source.file) } };
}

/** The files (relative to the root) git has uncommitted changes in; none when the app is not in a git repository or git cannot be run. */
function uncommitted(root: string, files: readonly string[]): string[] {
  if (files.length === 0) return [];
  const status = spawnSync('git', ['status', '--porcelain=v1', '-z', '--untracked-files=all', '--', ...files], { cwd: root, encoding: 'utf8' });
  if (status.error !== undefined || status.status !== 0) return [];
  const prefix = spawnSync('git', ['rev-parse', '--show-prefix'], { cwd: root, encoding: 'utf8' }).stdout?.trim() ?? '';
  const dirty: string[] = [];
  for (const entry of status.stdout.split('\0')) {
    if (entry.length < 4) continue;
    const file = entry.slice(3);
    dirty.push(prefix !== '' && file.startsWith(prefix) ? file.slice(prefix.length) : file);
  }
  return dirty.filter((file) => files.includes(file));
}
