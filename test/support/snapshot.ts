import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import path from 'node:path';

/** Every file below a folder with its content (symbolic links as their target, pipes as "(pipe)"). */
export function snapshot(root: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      const relative = path.relative(root, full);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFIFO()) files[relative] = '(pipe)';
      else if (entry.isSymbolicLink()) files[relative] = `-> ${readlinkSync(full)}`;
      else files[relative] = readFileSync(full, 'utf8');
    }
  };
  walk(root);
  return files;
}
