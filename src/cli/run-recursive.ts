import path from 'node:path';
import type { ReportFormat } from '../diagnostics/render-report.js';
import { EXIT } from './exit-codes.js';
import { expandInputs, isGlob } from './expand-inputs.js';
import { findApps } from './find-apps.js';
import type { Terminal } from './terminal.js';

export interface RecursiveArguments {
  input?: string;
  more?: string[];
  report: ReportFormat;
  reportFile?: string;
  quiet?: boolean;
}

/**
 * Runs a command once per app of a repository (each next to its own Gen1 file), in a stable order, with a progress
 * line on a terminal (not in CI, not with --quiet) and a summary at the end. The exit code is the worst one.
 */
export function runRecursive<A extends RecursiveArguments>(args: A, terminal: Terminal, runOne: (args: A, app: string, terminal: Terminal) => number): number {
  if (args.report !== 'text' && args.report !== 'github') {
    terminal.stderr(`--recursive writes one report per app: use --report text or github.\n`);
    return EXIT.USAGE;
  }
  const given = [...(args.input !== undefined ? [args.input] : []), ...(args.more ?? [])];
  const explicit = given.length > 1 || given.some(isGlob);
  // Several inputs (or globs): each is one item. Otherwise the apps found below the folder given.
  const apps = explicit ? expandInputs(given, terminal.cwd).map((item) => path.resolve(terminal.cwd, item)) : findApps(path.resolve(terminal.cwd, args.input ?? '.'));
  if (apps.length === 0) {
    terminal.stderr(`No Gen1 configuration file found${explicit ? ` for ${given.join(' ')}` : ` below ${args.input ?? '.'}`}.\n`);
    return EXIT.USAGE;
  }
  const progress = terminal.interactive && !args.quiet;
  const counts = { clean: 0, findings: 0, failed: 0 };
  const severities = { error: 0, warning: 0, info: 0 };
  const tallying: Terminal = { ...terminal, tally: (diagnostics) => diagnostics.forEach((diagnostic) => severities[diagnostic.severity]++) };
  let worst: number = EXIT.OK;
  apps.forEach((app, index) => {
    const relative = path.relative(terminal.cwd, app) || '.';
    if (progress) terminal.stderr(`\r[${index + 1}/${apps.length}] ${relative}\u001b[K`);
    if (!args.quiet && args.report === 'text') terminal.stderr(`${progress ? '\r\u001b[K' : ''}== ${relative}\n`);
    const code = runOne(args, relative, tallying);
    if (code === EXIT.OK) counts.clean++;
    else if (code === EXIT.FINDINGS) counts.findings++;
    else counts.failed++;
    worst = Math.max(worst, code);
  });
  if (progress) terminal.stderr('\r\u001b[K');
  const noun = explicit ? 'input' : 'app';
  terminal.stderr(
    `${apps.length} ${noun}${apps.length === 1 ? '' : 's'}: ${counts.clean} clean, ${counts.findings} with findings, ${counts.failed} failed; findings: ${severities.error} errors, ${severities.warning} warnings, ${severities.info} info.\n`,
  );
  return worst;
}
