import ignore, { type Ignore } from 'ignore';
import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { dirname, foldersUp, inFolder, relativePath } from './project/paths.js';
import type { AppFiles, FileEdit } from './types.js';

/** Why git ignores a path, or does not: the .gitignore and its line that decided, as `git check-ignore -v` says. */
export interface IgnoreDecision {
  ignored: boolean;
  /** The .gitignore file whose rule decided (absent when no rule matched). */
  file?: string;
  /** 1-based line of the rule in that file. */
  line?: number;
  /** The rule as written. */
  pattern?: string;
  /** True when the path is ignored because a folder above it is (a negation cannot bring it back). */
  byFolder?: boolean;
}

/**
 * Matches paths against every .gitignore of the app as git does: the .gitignore of each folder applies below it, a
 * deeper file's rules come after a shallower one's, the last matching rule wins, and nothing below an ignored folder
 * can be brought back. The matching itself is the `ignore` package's (git's own rules, tested against git).
 * `.git/info/exclude`, the user's global excludes and .gitignore files above the app's root are not among the app's
 * files and are not read.
 */
export function gitignoreMatcher(files: AppFiles): (path: string) => IgnoreDecision {
  const managers = new Map<string, Ignore>();
  for (const [path, text] of Object.entries(files)) {
    if (path !== '.gitignore' && !path.endsWith('/.gitignore')) continue;
    if (path.split('/').includes('node_modules')) continue;
    const manager = ignore();
    text.split(/\r?\n/).forEach((line, index) => {
      manager.add({ pattern: line, mark: String(index + 1) });
    });
    managers.set(dirname(path), manager);
  }
  /** The decision of the .gitignore files alone for one path (a folder ends with "/"), the deepest deciding. */
  const decide = (path: string): IgnoreDecision => {
    const folders = foldersUp(dirname(path.replace(/\/$/, '')));
    for (const folder of folders) {
      const manager = managers.get(folder);
      if (manager === undefined) continue;
      const relative = folder === '' ? path : path.slice(folder.length + 1);
      const result = manager.test(relative);
      if (result.ignored) return { ignored: true, file: inFolder(folder, '.gitignore'), line: Number(result.rule?.mark), pattern: result.rule?.pattern ?? '' };
      if (result.unignored) return { ignored: false, file: inFolder(folder, '.gitignore') };
    }
    return { ignored: false };
  };
  return (path) => {
    const segments = path.split('/');
    for (let depth = 1; depth < segments.length; depth++) {
      const folder = decide(`${segments.slice(0, depth).join('/')}/`);
      if (folder.ignored) return { ...folder, byFolder: true };
    }
    return decide(path);
  };
}

/**
 * Compares how git treats the Gen1 file and amplify_outputs.json, and reports it; the .gitignore files are never
 * edited (whether the new file belongs in git is the team's choice), so `edits` is always empty. A finding says
 * whether the new file is ignored as the old one was, and the exact line that keeps it so:
 * - the Gen1 file ignored, the outputs not: a warning, with the line to add to the .gitignore that ignores the Gen1 file;
 * - both ignored: an information, naming both rules;
 * - the Gen1 file committed, the outputs ignored (an `amplify_outputs*` or `*.json` rule): a warning, with the negation to add.
 */
export function gitignoreEdits(files: AppFiles, gen1Path: string, outputsPath: string): { edits: FileEdit[]; diagnostics: Diagnostic[] } {
  const matcher = gitignoreMatcher(files);
  const gen1 = matcher(gen1Path);
  const outputs = matcher(outputsPath);
  const diagnostics: Diagnostic[] = [];
  const rule = (decision: IgnoreDecision): string =>
    `line ${decision.line} of ${decision.file} (\`${decision.pattern}\`${decision.byFolder === true ? ', which ignores a folder above it' : ''})`;
  const at = (decision: IgnoreDecision) => ({ file: decision.file!, pointer: '', line: decision.line!, column: 1 });

  if (gen1.ignored && !outputs.ignored) {
    const line = lineToIgnore(files, gen1, outputsPath);
    diagnostics.push(
      createDiagnostic('GITIGNORE_OUTPUTS_NOT_IGNORED', {
        message: `${gen1Path} is ignored by ${rule(gen1)}, and ${outputsPath} is not: the new file is not ignored as the old one was. Add the line \`${line}\` to ${gen1.file} to keep it so.`,
        resolution: `Add the line \`${line}\` to ${gen1.file} to keep ${outputsPath} out of git as ${gen1Path} was, or commit it on purpose.`,
        source: at(gen1),
      }),
    );
  } else if (gen1.ignored && outputs.ignored) {
    diagnostics.push(
      createDiagnostic('GITIGNORE_OUTPUTS_IGNORED', {
        message: `${outputsPath} is ignored by ${rule(outputs)}, as ${gen1Path} was by ${rule(gen1)}: the new file is ignored as the old one was.`,
        source: at(outputs),
      }),
    );
  } else if (!gen1.ignored && outputs.ignored) {
    const folder = dirname(outputs.file!);
    const negation = `!/${relativePath(folder, outputsPath)}`;
    const resolution =
      outputs.byFolder === true
        ? `${outputsPath} is in a folder that ${outputs.file} ignores, and git cannot bring back a file below an ignored folder: change that rule (line ${outputs.line}) so that the folder is not ignored, then commit ${outputsPath}.`
        : `Add the line \`${negation}\` to ${outputs.file}, after line ${outputs.line}, and commit ${outputsPath}.`;
    diagnostics.push(
      createDiagnostic('GITIGNORE_OUTPUTS_NEWLY_IGNORED', {
        message: `${gen1Path} is not ignored, and ${outputsPath} is, by ${rule(outputs)}: the new file would not be committed as the old one is.`,
        resolution,
        source: at(outputs),
      }),
    );
  }
  return { edits: [], diagnostics };
}

/**
 * The line that, added at the end of the .gitignore that ignores the Gen1 file, ignores the outputs too: the file's
 * name alone when the Gen1 rule is a bare name (matching at any depth, as that rule does), else its path from that
 * .gitignore's folder, anchored. Checked by matching: the anchored path is used if the name alone would not do.
 */
function lineToIgnore(files: AppFiles, gen1: IgnoreDecision, outputsPath: string): string {
  const file = gen1.file!;
  const folder = dirname(file);
  const relative = relativePath(folder, outputsPath);
  const bare = !(gen1.pattern ?? '').replace(/\/$/, '').includes('/');
  const candidates = bare ? [relative.slice(relative.lastIndexOf('/') + 1), `/${relative}`] : [`/${relative}`];
  for (const candidate of candidates) {
    const changed = { ...files, [file]: `${files[file] ?? ''}\n${candidate}\n` };
    if (gitignoreMatcher(changed)(outputsPath).ignored) return candidate;
  }
  return `/${relative}`;
}
