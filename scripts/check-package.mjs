// Checks the package as it would be published: packs it once (without running the build again: `npm test` has just
// run it) and lints the tarball with publint (package.json against the files it ships) and Are the Types Wrong?
// (the types every resolution mode, CommonJS and ES module, finds for each entry). A finding of either fails the run.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const bin = (name) => path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);
const folder = mkdtempSync(path.join(tmpdir(), 'amplify-outputs-migrate-pack-'));
try {
  const packed = JSON.parse(
    execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', folder], {
      cwd: root,
      encoding: 'utf8',
      shell: process.platform === 'win32',
    }),
  );
  const tarball = path.join(folder, packed[0].filename);
  const failed = [];
  for (const [name, args] of [
    ['publint', ['--strict', tarball]],
    ['attw', [tarball]],
  ]) {
    const run = spawnSync(bin(name), args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
    if (run.status !== 0) failed.push(name);
  }
  if (failed.length > 0) {
    console.error(`The packed package has problems (${failed.join(', ')}: see above).`);
    process.exitCode = 1;
  }
} finally {
  rmSync(folder, { recursive: true, force: true });
}
