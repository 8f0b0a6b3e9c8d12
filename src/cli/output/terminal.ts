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
}

export function processTerminal(toolVersion?: string): Terminal {
  const noColor = process.env['NO_COLOR'] !== undefined && process.env['NO_COLOR'] !== '';
  const forceColor = process.env['FORCE_COLOR'] !== undefined && process.env['FORCE_COLOR'] !== '0';
  return {
    cwd: process.cwd(),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    colorOnStderr: !noColor && (forceColor || process.stderr.isTTY === true),
    toolVersion,
    interactive: process.stderr.isTTY === true && !process.env['CI'],
  };
}
