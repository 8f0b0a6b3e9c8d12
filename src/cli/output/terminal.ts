import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { WriteBatch } from './write-file-atomic.js';

/** The process around a command: where it runs and where it prints. Tests substitute their own. */
export interface Terminal {
  cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether text written to standard error may be coloured (a TTY, and NO_COLOR not set). */
  colorOnStderr: boolean;
  /** This package's version, for reports that name the tool. */
  toolVersion?: string;
  /** A person at a terminal (stderr is a TTY and not in CI): progress lines are welcome. */
  interactive?: boolean;
  /** Receives every report's findings, for the summary of a run over several inputs. */
  tally?: (diagnostics: readonly Diagnostic[]) => void;
  /** The script that runs this command line, which the worker threads of a large batch run too (else no workers). */
  entry?: string;
  /** In a run over many apps: their outputs are written together (see WriteBatch), not one by one. */
  writeBatch?: WriteBatch;
  /** In `check --update-baseline` over many apps: takes each app's findings, for one baseline with them all. */
  acceptFindings?: (diagnostics: readonly Diagnostic[]) => void;
}

export function processTerminal(toolVersion?: string, entry?: string): Terminal {
  const noColor = process.env['NO_COLOR'] !== undefined && process.env['NO_COLOR'] !== '';
  const forceColor = process.env['FORCE_COLOR'] !== undefined && process.env['FORCE_COLOR'] !== '0';
  return {
    cwd: process.cwd(),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    colorOnStderr: !noColor && (forceColor || process.stderr.isTTY === true),
    toolVersion,
    entry,
    interactive: process.stderr.isTTY === true && !process.env['CI'],
  };
}
