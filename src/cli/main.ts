#!/usr/bin/env node
import { hideBin } from 'yargs/helpers';
import { fileURLToPath } from 'node:url';
import { checkOne } from './commands/check.js';
import { createRequire } from 'node:module';
import { runCommandLine } from './commands/command-line.js';
import { convertOne } from './commands/convert.js';
import { serveBatchIfWorker } from './batch/worker-threads.js';
import { EXIT } from './output/exit-codes.js';
import { processTerminal } from './output/terminal.js';

/**
 * The script worker threads start from: the installed launcher, which runs this bundle with its code cache, when it
 * says so; else this module itself.
 */
const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };

const entry = ((globalThis as Record<symbol, unknown>)[Symbol.for('amplify-outputs-migrate.entry')] as string | undefined) ?? fileURLToPath(import.meta.url);

// A worker thread of a large batch serves its apps instead (see batch/worker-threads.ts).
if (!serveBatchIfWorker({ convert: convertOne, check: checkOne })) {
  runCommandLine(hideBin(process.argv), { terminal: processTerminal(version), threads: { entry }, version }).then(
    (code) => {
      process.exitCode = code;
    },
    () => {
      process.exitCode = EXIT.INTERNAL;
    },
  );
}
