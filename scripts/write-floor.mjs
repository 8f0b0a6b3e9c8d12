// The floor of a convert batch on this disk, for npm run bench: what reading each app's input and writing its
// amplify_outputs.json durably costs with no conversion at all, in the same way the command writes (a temporary
// file beside the target, flushed, then renamed over it; the flushes of a few dozen files at a time on libuv's
// threads). It imports nothing of the project, so it measures the disk and the operating system only.
// Usage: node scripts/write-floor.mjs <folder> <apps>   (writes <folder>/app-<i>/amplify_outputs.json)
import { closeSync, fsync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import path from 'node:path';

const [folder, count] = [process.argv[2], Number(process.argv[3])];
const AT_ONCE = 32;

const flushed = (descriptor) => new Promise((resolve, reject) => fsync(descriptor, (error) => (error ? reject(error) : resolve())));

for (let first = 0; first < count; first += AT_ONCE) {
  const staged = [];
  for (let i = first; i < Math.min(count, first + AT_ONCE); i++) {
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
