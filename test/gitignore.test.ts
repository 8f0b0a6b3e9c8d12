import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gitignoreEdits, gitignoreMatcher } from '../src/migrate/gitignore.js';
import type { AppFiles } from '../src/migrate/types.js';
import { temporaryDirectory } from './support/run-cli.js';

/** What git itself says: whether each path is ignored, with `git check-ignore` in a fresh repository holding the files. */
function gitIgnored(files: AppFiles, paths: string[]): boolean[] {
  const root = temporaryDirectory();
  execFileSync('git', ['init', '-q'], { cwd: root });
  for (const [relative, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
    writeFileSync(path.join(root, relative), text);
  }
  return paths.map((candidate) => {
    try {
      execFileSync('git', ['-c', 'core.excludesFile=/dev/null', 'check-ignore', '-q', '--no-index', candidate], { cwd: root, stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  });
}

const CASES: { name: string; files: AppFiles }[] = [
  {
    name: "the Gen1 CLI's root .gitignore",
    files: {
      '.gitignore':
        '#amplify-do-not-edit-begin\namplify/\\#current-cloud-backend\namplify/.config/local-*\namplify/logs\namplify/mock-data\namplify/mock-api-resources\namplify/backend/amplify-meta.json\namplify/backend/.temp\nbuild/\ndist/\nnode_modules/\naws-exports.js\nawsconfiguration.json\namplifyconfiguration.json\namplifyconfiguration.dart\namplify-build-config.json\namplify-gradle-config.json\namplifytools.xcconfig\n.secret-*\n**.sample\n#amplify-do-not-edit-end\n',
    },
  },
  { name: 'an anchored path', files: { '.gitignore': '/src/aws-exports.js\n' } },
  { name: 'a wildcard and a Gen2 rule', files: { '.gitignore': 'amplifyconfiguration*\namplify_outputs*\n' } },
  { name: 'a nested .gitignore and a negation', files: { '.gitignore': '*.json\n', 'src/.gitignore': '!amplify_outputs.json\n' } },
  { name: 'an ignored folder cannot be brought back', files: { '.gitignore': 'src/\n', 'src/.gitignore': '!amplify_outputs.json\n' } },
  { name: 'a folder pattern and ** ', files: { '.gitignore': '**/src/aws-*\nconfig/\n' } },
  { name: 'no rule', files: { '.gitignore': 'node_modules\n' } },
];
const PATHS = [
  'src/aws-exports.js',
  'src/amplify_outputs.json',
  'amplify_outputs.json',
  'src/amplifyconfiguration.json',
  'config/amplify_outputs.json',
  'lib/amplifyconfiguration.dart',
];

describe('gitignoreMatcher', () => {
  it.each(CASES)('agrees with git check-ignore: $name', ({ files }) => {
    const matcher = gitignoreMatcher(files);
    expect(PATHS.map((candidate) => matcher(candidate).ignored)).toEqual(gitIgnored(files, PATHS));
  });

  it('names the file and line that decided, as git check-ignore -v does', () => {
    const matcher = gitignoreMatcher({ '.gitignore': 'node_modules\n\n# Amplify\naws-exports.js\n' });
    expect(matcher('src/aws-exports.js')).toEqual({ ignored: true, file: '.gitignore', line: 4, pattern: 'aws-exports.js' });
  });
});

describe('gitignoreEdits: reported, never edited', () => {
  it("the Gen1 CLI's .gitignore: the Gen1 file is ignored, amplify_outputs.json is not; the line to add", () => {
    const { edits, diagnostics } = gitignoreEdits(CASES[0]!.files, 'src/aws-exports.js', 'amplify_outputs.json');
    expect(edits).toEqual([]);
    expect(diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.severity, diagnostic.source])).toEqual([
      ['GITIGNORE_OUTPUTS_NOT_IGNORED', 'warning', { file: '.gitignore', pointer: '', line: 12, column: 1 }],
    ]);
    expect(diagnostics[0]!.message).toBe(
      'src/aws-exports.js is ignored by line 12 of .gitignore (`aws-exports.js`), and amplify_outputs.json is not: the new file is not ignored as the old one was. Add the line `amplify_outputs.json` to .gitignore to keep it so.',
    );
  });

  it('an anchored rule gets an anchored line, and the line does what it says', () => {
    const files = { 'web/.gitignore': '/src/aws-exports.js\n' };
    const { diagnostics } = gitignoreEdits(files, 'web/src/aws-exports.js', 'web/amplify_outputs.json');
    expect(diagnostics[0]!.resolution).toContain('Add the line `/amplify_outputs.json` to web/.gitignore');
    expect(gitIgnored({ 'web/.gitignore': '/src/aws-exports.js\n/amplify_outputs.json\n' }, ['web/amplify_outputs.json'])).toEqual([true]);
  });

  it('both ignored: an information naming both rules', () => {
    const { diagnostics } = gitignoreEdits(CASES[2]!.files, 'src/amplifyconfiguration.json', 'src/amplify_outputs.json');
    expect(diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.severity, diagnostic.source.line])).toEqual([['GITIGNORE_OUTPUTS_IGNORED', 'info', 2]]);
    expect(diagnostics[0]!.message).toContain(
      'line 2 of .gitignore (`amplify_outputs*`), as src/amplifyconfiguration.json was by line 1 of .gitignore (`amplifyconfiguration*`)',
    );
  });

  it('the Gen1 file committed, the outputs ignored: the negation to add, which git honours', () => {
    const files = { '.gitignore': 'amplify_outputs*\n' };
    const { diagnostics } = gitignoreEdits(files, 'src/aws-exports.js', 'amplify_outputs.json');
    expect(diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['GITIGNORE_OUTPUTS_NEWLY_IGNORED']);
    expect(diagnostics[0]!.resolution).toBe('Add the line `!/amplify_outputs.json` to .gitignore, after line 1, and commit amplify_outputs.json.');
    expect(gitIgnored({ '.gitignore': 'amplify_outputs*\n!/amplify_outputs.json\n' }, ['amplify_outputs.json'])).toEqual([false]);
  });

  it('an ignored folder: says a negation cannot help', () => {
    const { diagnostics } = gitignoreEdits({ '.gitignore': 'config/\n' }, 'src/aws-exports.js', 'config/amplify_outputs.json');
    expect(diagnostics[0]!.resolution).toContain('git cannot bring back a file below an ignored folder');
  });

  it('nothing ignored: nothing said', () => {
    expect(gitignoreEdits({ '.gitignore': 'node_modules\n' }, 'src/aws-exports.js', 'amplify_outputs.json')).toEqual({ edits: [], diagnostics: [] });
    expect(gitignoreEdits({}, 'src/aws-exports.js', 'amplify_outputs.json')).toEqual({ edits: [], diagnostics: [] });
  });
});
