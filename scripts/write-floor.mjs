// The floor of a convert batch on this disk, for npm run bench: what reading each app's input and writing its
// amplify_outputs.json durably costs with no conversion at all, in the way the command writes (a temporary file
// beside the target, flushed, then renamed over it; the flushes of a few dozen files at a time on libuv's threads)
// and with as many writers as the command has threads (one per core, each a share of the apps): on some disks,
// writers in parallel finish well before one alone. It imports nothing of the project, so it measures the disk and
// the operating system only.
// Usage: node scripts/write-floor.mjs <folder> <apps>   (writes <folder>/app-<i>/amplify_outputs.json)
import { closeSync, fsync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker, isMainThread, workerData } from 'node:worker_threads';

const AT_ONCE = 32;

const flushed = (descriptor) => new Promise((resolve, reject) => fsync(descriptor, (error) => (error ? reject(error) : resolve())));

/** Writes the outputs of apps `from` to `to` (not included). */
async function writeApps(folder, from, to) {
  for (let first = from; first < to; first += AT_ONCE) {
    const staged = [];
    for (let i = first; i < Math.min(to, first + AT_ONCE); i++) {
      const app = path.join(folder, `app-${i}`);
      const text = readFileSync(path.join(app, 'amplifyconfiguration.json'), 'utf8');
      const target = path.join(app, 'amplify_outputs.json');
      const temporary = path.join(app, `.amplify_outputs.json.${process.pid}.tmp`);
      const descriptor = openSync(temporary, 'wx', 0o644);
      writeSync(descriptor, text);
      staged.push({ descriptor, temporary, target });
    }
    await Promise.all(staged.map(({ descriptor }) => flushed(descriptor)));
    for (const { descriptor, temporary, target } of staged) {
      closeSync(descriptor);
      renameSync(temporary, target);
    }
  }
}

if (isMainThread) {
  const [folder, count] = [process.argv[2], Number(process.argv[3])];
  const writers = Math.max(1, Math.min(os.availableParallelism(), Math.ceil(count / AT_ONCE)));
  const share = Math.ceil(count / writers);
  // This thread writes the first share, a worker each of the others.
  const others = Array.from({ length: writers - 1 }, (_, index) => {
    const from = (index + 1) * share;
    return new Promise((resolve, reject) => {
      const worker = new Worker(new URL(import.meta.url), { workerData: { folder, from, to: Math.min(count, from + share) } });
      worker.on('error', reject);
      worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`writer exited ${code}`))));
    });
  });
  await Promise.all([writeApps(folder, 0, Math.min(count, share)), ...others]);
} else {
  await writeApps(workerData.folder, workerData.from, workerData.to);
}
