import { isInternalFault } from '../../errors.js';
import { EXIT } from './exit-codes.js';

/**
 * How an internal fault (a bug in this tool, never caused by input alone) is printed, wherever it is met: one line
 * naming it, the details an InternalFault carries, and the stack trace only with --debug.
 */
export function describeInternalFault(error: unknown, debug: boolean): string {
  const message = error instanceof Error ? error.message : String(error);
  let text = `Internal fault: ${message}\n`;
  if (isInternalFault(error) && error.details !== undefined) text += `${JSON.stringify(error.details, null, 2)}\n`;
  const stack = error instanceof Error ? error.stack : undefined;
  if (debug && stack !== undefined) {
    // The stack's first lines repeat the message; only its frames are added.
    const frames = stack.split('\n').filter((line) => /^\s+at /.test(line));
    if (frames.length > 0) text += `${frames.join('\n')}\n`;
  }
  text += debug
    ? 'This is a bug in amplify-outputs-migrate: please report it.\n'
    : 'This is a bug in amplify-outputs-migrate: please report it (run again with --debug for the stack trace).\n';
  return text;
}

/** Prints an internal fault on standard error (see describeInternalFault); returns its exit code. */
export function reportInternalFault(stderr: (text: string) => void, error: unknown, debug: boolean | undefined): typeof EXIT.INTERNAL {
  stderr(describeInternalFault(error, debug === true));
  return EXIT.INTERNAL;
}
