import { findNodeAtLocation, type Node, parseTree } from 'jsonc-parser';
import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { basename, lineColumn } from './project/paths.js';
import type { AppFiles, RewriteContext } from './types.js';

/** What the build-step report needs to know of the migration: the Gen1 file and where amplify_outputs.json goes. */
export type BuildStepContext = Pick<RewriteContext, 'gen1Path' | 'outputsPath'>;

/** The Gen1 client files a build step may write (besides the app's own Gen1 file, whatever its name). */
const GEN1_NAMES = ['aws-exports.js', 'aws-exports.ts', 'amplifyconfiguration.json', 'amplifyconfiguration.dart', 'awsconfiguration.json'];

/** Files that hold build steps: container builds, CI definitions, hosting build settings, shell scripts. */
const BUILD_FILE_PATTERNS: readonly RegExp[] = [
  /(^|\/)(Dockerfile|Containerfile)([.-][^/]*)?$/,
  /(^|\/)[^/]+\.(dockerfile|Dockerfile)$/,
  /(^|\/)\.github\/workflows\/[^/]+\.ya?ml$/,
  /(^|\/)\.github\/actions\/.+\/action\.ya?ml$/,
  /(^|\/)amplify\.ya?ml$/,
  /(^|\/)buildspec[^/]*\.ya?ml$/,
  /(^|\/)\.gitlab-ci\.ya?ml$/,
  /(^|\/)bitbucket-pipelines\.ya?ml$/,
  /(^|\/)\.circleci\/config\.ya?ml$/,
  /(^|\/)azure-pipelines[^/]*\.ya?ml$/,
  /(^|\/)\.travis\.ya?ml$/,
  /(^|\/)(cloudbuild|codemagic|appveyor|\.drone)\.ya?ml$/,
  /(^|\/)\.buildkite\/.+\.ya?ml$/,
  /(^|\/)Jenkinsfile$/,
  /(^|\/)netlify\.toml$/,
  /(^|\/)(Makefile|Taskfile\.ya?ml|justfile)$/,
  /\.(sh|bash|ps1|cmd|bat)$/,
];

/** One way a step writes a file: the shape of the command, with NAME where the file's path is. */
interface WriteShape {
  what: string;
  pattern: (name: string) => RegExp;
}

/** Whether a file (path relative to the app's root) is one whose build steps are read: see BUILD_FILE_PATTERNS. */
export function isBuildStepFile(path: string): boolean {
  return BUILD_FILE_PATTERNS.some((pattern) => pattern.test(path));
}

const PATH_CHARS = `[^\\s"'\`;|&<>()]*`;

const WRITE_SHAPES: readonly WriteShape[] = [
  { what: 'redirects output into', pattern: (name) => new RegExp(`>>?\\s*["']?(${PATH_CHARS}${name})`) },
  { what: 'writes (tee)', pattern: (name) => new RegExp(`\\btee\\b[^|;&]*?\\s["']?(${PATH_CHARS}${name})`) },
  { what: 'copies or moves', pattern: (name) => new RegExp(`\\b(?:cp|mv|rsync|install|ln)\\b[^;&|]*\\s["']?(${PATH_CHARS}${name})`) },
  {
    what: 'writes (Windows)',
    pattern: (name) =>
      new RegExp(`\\b(?:copy|xcopy|robocopy|move|Copy-Item|Move-Item|Set-Content|Add-Content|Out-File)\\b[^;&|]*\\s["']?(${PATH_CHARS}${name})`, 'i'),
  },
  { what: 'copies into the image', pattern: (name) => new RegExp(`^\\s*(?:COPY|ADD)\\b[^\\n]*\\s["']?(${PATH_CHARS}${name})`, 'i') },
  { what: 'edits in place', pattern: (name) => new RegExp(`\\b(?:sed|perl)\\s+(?:-[a-zA-Z]*i|--in-place)[^;&|]*?\\s["']?(${PATH_CHARS}${name})`) },
  {
    what: 'writes',
    pattern: (name) => new RegExp(`(?:\\s-o\\s*|--output[=\\s]|--out[=\\s]|writeFileSync\\(\\s*["'\`]|writeFile\\(\\s*["'\`])["']?(${PATH_CHARS}${name})`),
  },
];

/** Commands of the Gen1 CLI that write the client files (amplifyPush is Amplify Hosting's wrapper of amplify push). */
const GEN1_CLI = /\b(amplify\s+(?:pull|push|init|env\s+(?:checkout|pull)|codegen)|amplifyPush)\b/;

/**
 * Reports the build steps that write, copy, decode or edit the Gen1 client file: Dockerfiles, CI workflows (GitHub
 * Actions, Amplify Hosting's amplify.yml, CodeBuild buildspec.yml, GitLab, Bitbucket, CircleCI, Azure, Travis,
 * Jenkins), Netlify settings, Makefiles, shell scripts and package.json scripts. A warning each, at the line and
 * column of the path; nothing is edited. Steps that run the Gen1 CLI (amplify pull, amplifyPush) are reported too:
 * they write the Gen1 file, not amplify_outputs.json.
 */
export function reportBuildSteps(files: AppFiles, context: BuildStepContext): Diagnostic[] {
  const names = new Set([...GEN1_NAMES, basename(context.gen1Path)]);
  const namePattern = [...names].map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  const name = `(?:${namePattern})\\b`;
  const shapes = WRITE_SHAPES.map((shape) => ({ what: shape.what, pattern: shape.pattern(name) }));
  const diagnostics: Diagnostic[] = [];
  for (const path of Object.keys(files).sort()) {
    if (path.split('/').includes('node_modules')) continue;
    const text = files[path]!;
    if (basename(path) === 'package.json') diagnostics.push(...packageScripts(path, text, shapes, context));
    else if (BUILD_FILE_PATTERNS.some((pattern) => pattern.test(path))) diagnostics.push(...buildFile(path, text, shapes, context));
  }
  return diagnostics;
}

interface Found {
  /** Offset in the searched text of the path written, or of the Gen1 CLI command. */
  index: number;
  message: string;
  resolution: string;
}

/** What one command line does to the Gen1 file, if anything. */
function inspect(line: string, shapes: readonly { what: string; pattern: RegExp }[], where: string, context: BuildStepContext): Found | undefined {
  for (const shape of shapes) {
    const match = shape.pattern.exec(line);
    if (match === null) continue;
    const written = match[1]!;
    const index = match.index + match[0].lastIndexOf(written);
    const replacement = outputsAt(written, context);
    return {
      index,
      message: `${where} ${shape.what} ${written}, a Gen1 configuration file. The migrated app loads ${context.outputsPath} instead, so this step no longer feeds it.`,
      resolution: `Make this step write ${replacement} instead of ${written}, with the content of amplify_outputs.json (for example from a secret that holds the converted file, or from npx ampx generate outputs), so that the app finds it at ${context.outputsPath}.`,
    };
  }
  const cli = GEN1_CLI.exec(line);
  if (cli !== null) {
    return {
      index: cli.index,
      message: `${where} runs \`${cli[1]}\`, which writes the Gen1 configuration (${context.gen1Path}), not ${context.outputsPath}, which the migrated app loads.`,
      resolution: `After this step, convert what it wrote: add \`npx amplify-outputs-migrate convert ${context.gen1Path} --out ${context.outputsPath} --force\` (paths from the app's root), or commit ${context.outputsPath}.`,
    };
  }
  return undefined;
}

/** The path a step should write amplify_outputs.json to, in the step's own terms: its path to the Gen1 file, with the app's part swapped. */
function outputsAt(written: string, context: BuildStepContext): string {
  const clean = written.replace(/^\.\//, '');
  if (clean.endsWith(context.gen1Path)) return clean.slice(0, clean.length - context.gen1Path.length) + context.outputsPath;
  return context.outputsPath;
}

function buildFile(path: string, text: string, shapes: readonly { what: string; pattern: RegExp }[], context: BuildStepContext): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    const start = offset;
    offset += line.length + 1;
    const code = withoutComment(line);
    if (code.trim() === '') continue;
    const found = inspect(code, shapes, `A step of ${path}`, context);
    if (found === undefined) continue;
    const { line: lineNumber, column } = lineColumn(text, start + found.index);
    diagnostics.push(
      createDiagnostic('BUILD_STEP_WRITES_GEN1', {
        message: found.message,
        resolution: found.resolution,
        source: { file: path, pointer: '', line: lineNumber, column },
      }),
    );
  }
  return diagnostics;
}

/** The line without a `#` comment (YAML, shell, Dockerfile, TOML, Makefile); a `#` inside quotes or a word is kept. */
function withoutComment(line: string): string {
  let quote: string | undefined;
  for (let index = 0; index < line.length; index++) {
    const char = line[index]!;
    if (quote !== undefined) {
      if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '#' && (index === 0 || /\s/.test(line[index - 1]!))) return line.slice(0, index);
  }
  return line;
}

function packageScripts(path: string, text: string, shapes: readonly { what: string; pattern: RegExp }[], context: BuildStepContext): Diagnostic[] {
  const tree = parseTree(text);
  const scripts: Node | undefined = tree === undefined ? undefined : findNodeAtLocation(tree, ['scripts']);
  if (scripts?.type !== 'object') return [];
  const diagnostics: Diagnostic[] = [];
  for (const property of scripts.children ?? []) {
    const [key, value] = property.children ?? [];
    if (key === undefined || value?.type !== 'string' || typeof value.value !== 'string') continue;
    const found = inspect(value.value, shapes, `The script "${String(key.value)}" of ${path}`, context);
    if (found === undefined) continue;
    // The script's text as written (escapes and all): point at the path where it reads the same, else at the script.
    const raw = text.slice(value.offset + 1, value.offset + value.length - 1);
    const rawIndex = raw === value.value ? found.index : -1;
    const { line, column } = lineColumn(text, value.offset + 1 + Math.max(rawIndex, 0));
    diagnostics.push(
      createDiagnostic('BUILD_STEP_WRITES_GEN1', {
        message: found.message,
        resolution: found.resolution,
        source: { file: path, pointer: '', line, column },
      }),
    );
  }
  return diagnostics;
}
