import path from 'node:path';
import type { ReportFormat } from '../diagnostics/render-report.js';
import { EXIT } from './exit-codes.js';
import { findApps } from './find-apps.js';
import type { Terminal } from './terminal.js';

export interface RecursiveArguments {
  input?: string;
  report: ReportFormat;
  reportFile?: string;
  quiet?: boolean;
}

/**
 * Runs a command once per app of a repository (each next to its own Gen1 file), in a stable order, with a progress
 * line on a terminal (not in CI, not with --quiet) and a summary at the end. The exit code is the worst one.
 */
export function runRecursive<A extends RecursiveArguments>(args: A, terminal: Terminal, runOne: (args: A, app: string) => number): number {
  if (args.report !== 'text' && args.report !== 'github') {
    terminal.stderr(`--recursive writes one report per app: use --report text or github.\n`);
    return EXIT.USAGE;
  }
  const root = path.resolve(terminal.cwd, args.input ?? '.');
  const apps = findApps(root);
  if (apps.length === 0) {
    terminal.stderr(`No Gen1 configuration file found below ${path.relative(terminal.cwd, root) || '.'}.\n`);
    return EXIT.USAGE;
  }
  const progress = terminal.interactive && !args.quiet;
  const counts = { clean: 0, findings: 0, failed: 0 };
  let worst: number = EXIT.OK;
  apps.forEach((app, index) => {
    const relative = path.relative(terminal.cwd, app) || '.';
    if (progress) terminal.stderr(`\r[${index + 1}/${apps.length}] ${relative}\u001b[K`);
    if (!args.quiet && args.report === 'text') terminal.stderr(`${progress ? '\r\u001b[K' : ''}== ${relative}\n`);
    const code = runOne(args, relative);
    if (code === EXIT.OK) counts.clean++;
    else if (code === EXIT.FINDINGS) counts.findings++;
    else counts.failed++;
    worst = Math.max(worst, code);
  });
  if (progress) terminal.stderr('\r\u001b[K');
  terminal.stderr(`${apps.length} app${apps.length === 1 ? '' : 's'}: ${counts.clean} clean, ${counts.findings} with findings, ${counts.failed} failed.\n`);
  return worst;
}
