// The floor of `migrate --dry-run` over a repository, for npm run bench: walk the app's folders as the command does
// (skipping dependencies and build output), read every source file, and parse with @babel/parser only the files that
// mention a Gen1 configuration name — what a migration cannot do without. It imports nothing of the project.
// Usage: node scripts/migrate-floor.mjs <app folder>
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const babel = createRequire(import.meta.url)('@babel/parser');
const SKIPPED = new Set(['node_modules', '.git', 'dist', 'build']);
const SOURCE = /\.(m|c)?[jt]sx?$/;
const GEN1_NAME = /aws-exports|amplifyconfiguration/;

let parsed = 0;
const walk = (directory) => {
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED.has(entry.name) && !entry.name.startsWith('.')) walk(full);
    } else if (SOURCE.test(entry.name)) {
      const text = readFileSync(full, 'utf8');
      if (GEN1_NAME.test(text)) {
        babel.parse(text, { sourceType: 'module', plugins: ['typescript', 'jsx'], tokens: true });
        parsed++;
      }
    }
  }
};
walk(process.argv[2]);
process.stderr.write(`parsed ${parsed} files\n`);
