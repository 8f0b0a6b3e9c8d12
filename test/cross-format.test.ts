import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'vitest';
import { crossFormatAgreement } from './support/backend-checks.js';
import { BACKENDS } from './support/backends.js';
import { corpusFiles, HAS_CORPUS } from './support/corpus.js';
import type { AmplifyMeta } from './support/official-generator.js';

/** The files the Gen1 CLI writes for web, iOS, Android and Flutter, converted: they agree (see crossFormatAgreement). */

describe('the files the Gen1 CLI writes for web, iOS, Android and Flutter agree after conversion', () => {
  for (const [name, meta] of Object.entries(BACKENDS)) {
    it(name, () => crossFormatAgreement(meta));
  }
});

describe.skipIf(!HAS_CORPUS)('cross-format agreement on the corpus amplify-meta files', () => {
  for (const file of corpusFiles('amplify-meta')) {
    it(path.basename(file), () => crossFormatAgreement(JSON.parse(readFileSync(file, 'utf8')) as AmplifyMeta));
  }
});
