import { readFileSync } from 'node:fs';
import path from 'node:path';
import { runCommandLine } from '../../src/cli/commands/command-line.js';
import { BIN, type CliRun } from './run-cli.js';

export const VERSION = (JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../package.json'), 'utf8')) as { version: string }).version;

/**
 * Runs the command line in this process, as a terminal in CI would (no colour, no progress line), with every app of
 * a batch left to worker threads started from the built command line (npm test builds it first).
 */
export async function runWorkersOnly(args: string[], cwd: string): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const terminal = {
    cwd,
    stdout: (text: string) => {
      stdout += text;
    },
    stderr: (text: string) => {
      stderr += text;
    },
    colorOnStderr: false,
    interactive: false,
    toolVersion: VERSION,
  };
  const status = await runCommandLine(args, { terminal, threads: { entry: BIN, workersOnly: true }, version: VERSION });
  return { status, stdout, stderr };
}
