import path from 'node:path';
import { PROJECT_FILE_PLACES } from '../../formats/index.js';
import { isGen1Project, readProject } from '../../project/read-project.js';
import { EXIT } from '../output/exit-codes.js';
import { findInput } from './find-input.js';
import { examine, inputText, readInput } from './read-input.js';
import type { SourceArguments } from '../options/shared-options.js';
import type { Terminal } from '../output/terminal.js';

export interface ResolvedSource {
  /** The input as shown to the user (relative to the current folder). */
  display: string;
  text: string;
  projectFiles?: Record<string, string>;
  modelIntrospection?: string;
  select: Record<string, string>;
  /** Whether the source was found in a folder (a project, an app, the current folder) rather than named as a file. */
  fromFolder: boolean;
}

/**
 * Finds and reads the Gen1 source: a file as given, a project folder's amplify-meta.json, or the first client file
 * found at the usual places (falling back to the project folder). Returns an exit code when it cannot.
 */
export function resolveSource(args: SourceArguments & { quiet?: boolean }, terminal: Terminal): ResolvedSource | number {
  const givenPath = args.input !== undefined ? path.resolve(terminal.cwd, args.input) : undefined;
  // The input named is looked at once: a file is read from that look, and only a folder is asked whether it is a
  // Gen1 project. (With --project, the input is not the source.)
  const given = givenPath !== undefined && args.project === undefined ? examine(givenPath) : undefined;
  const givenFolder = given?.kind === 'directory';
  const projectDir = args.project ?? (givenFolder && givenPath !== undefined && isGen1Project(givenPath) ? args.input : undefined);
  let display: string;
  let text: string | undefined;
  let projectFiles: Record<string, string> | undefined;
  if (projectDir !== undefined) {
    const root = path.resolve(terminal.cwd, projectDir);
    if (!isGen1Project(root)) {
      terminal.stderr(`${projectDir} is not a Gen1 project folder: it has no ${PROJECT_FILE_PLACES.join(' nor ')}.\n`);
      return EXIT.USAGE;
    }
    const project = readProject(root);
    display = path.relative(terminal.cwd, path.join(root, project.metaFile)) || project.metaFile;
    text = project.metaText;
    projectFiles = project.projectFiles;
    if (!args.quiet)
      terminal.stderr(
        `Using ${display}${project.metaFile.includes('#current-cloud-backend') ? ' (the last deployed copy)' : ''}${project.otherMetaFiles.length > 0 ? `; also found ${project.otherMetaFiles.join(', ')}` : ''}\n`,
      );
  } else {
    const found = findInput(args.input, terminal.cwd, givenFolder);
    if (found.kind === 'missing' && isGen1Project(found.root)) {
      // No client file, but the folder is a Gen1 project: its amplify-meta.json is the source.
      return resolveSource({ ...args, project: found.root }, terminal);
    }
    if (found.kind === 'missing') {
      terminal.stderr(
        `No Gen1 configuration file found in ${found.root}. Looked for: ${found.searched.join(', ')}.\nName the file: amplify-outputs-migrate convert path/to/aws-exports.js\n`,
      );
      return EXIT.USAGE;
    }
    display = path.relative(terminal.cwd, found.file) || found.file;
    if (found.discovered && !args.quiet) terminal.stderr(`Using ${display}\n`);
    text = found.discovered || given === undefined ? readInput(found.file, display, terminal) : inputText(given, display, terminal);
  }
  if (text === undefined) return EXIT.USAGE;
  let modelIntrospection: string | undefined;
  if (args.modelIntrospection !== undefined) {
    modelIntrospection = readInput(path.resolve(terminal.cwd, args.modelIntrospection), args.modelIntrospection, terminal);
    if (modelIntrospection === undefined) return EXIT.USAGE;
  }
  const select = args.select ?? {};

  // Machine-readable reports go to standard output (GitHub reads workflow commands there); text goes to standard error.
  return { display, text, projectFiles, modelIntrospection, select, fromFolder: projectDir !== undefined || givenFolder || args.input === undefined };
}
