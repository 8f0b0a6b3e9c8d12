#!/usr/bin/env node
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { hideBin } from 'yargs/helpers';
import { launcherOffer } from '../bin/launcher-contract.js';
import { checkOne } from './commands/check.js';
import { runCommandLine } from './commands/command-line.js';
import { convertOne } from './commands/convert.js';
import { serveBatchIfWorker } from './batch/worker-threads.js';
import { EXIT } from './output/exit-codes.js';
import { processTerminal } from './output/terminal.js';

const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };

/**
 * The script worker threads start from: the installed launcher, which runs this bundle with its code cache, when it
 * offers itself (see src/bin/launcher-contract.ts); else this module itself.
 */
const entry = launcherOffer()?.entry ?? fileURLToPath(import.meta.url);

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
