import { afterAll } from 'vitest';
import { removeTemporaryDirectories } from './run-cli.js';

// Run before each test file (vitest setupFiles): the folders its tests made are removed once it has run.
afterAll(removeTemporaryDirectories);
