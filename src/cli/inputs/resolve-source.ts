import path from 'node:path';
import { PROJECT_FILE_PLACES } from '../../formats/index.js';
import { statIfAny } from '../../project/path-kind.js';
import { metaPlacesIn, readProject } from '../../project/read-project.js';
import { EXIT } from '../output/exit-codes.js';
import { createDiagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { appFindings } from './app-findings.js';
import { appOfClientFile, appOfProject, metaFileOf, projectOfMeta, readsMeta, type AppModel, type ModelContext } from './app-model.js';
import { findApp, whyFound } from './find-app.js';
import { describeError, examine, inputText, readExisting, readInput } from './read-input.js';
import type { SourceArguments } from '../options/shared-options.js';
import type { Terminal } from '../output/terminal.js';

export interface ResolvedSource {
  /** The input as shown to the user (relative to the current folder). */
  display: string;
  text: string;
  projectFiles?: Record<string, string>;
  modelIntrospection?: string;
  select: Record<string, string>;
  /** The app the source belongs to: its root, platform, project folder, and where its output goes. */
  app: AppModel;
  /** The app's root, relative to the current folder (`.` for the current folder). */
  appRoot: string;
  /** The app's project folder, relative to the current folder (see ConvertOptions.projectFolder). */
  projectFolder?: string;
  /** What the app around the file says that the conversion cannot, for an output (an iOS app's Xcode target membership), and a project that cannot be read. */
  appFindings(output?: string): Diagnostic[];
  /** The project's meta file a client file's conversion reads (see ConvertOptions.projectFiles), relative to the current folder. */
  projectMeta?: string;
}

/** How the command line reads the model's small files (project-config.json): as text, or not at all. */
export function modelContext(args: Pick<SourceArguments, 'platform'>, terminal: Pick<Terminal, 'cwd'>): ModelContext {
  return {
    cwd: terminal.cwd,
    platform: args.platform,
    readText: (file) => {
      const existing = readExisting(file);
      return existing.kind === 'file' ? existing.text : undefined;
    },
  };
}

/**
 * Finds and reads the Gen1 source of one app: a file as given, the app found in a folder (its client file, else
 * its project's amplify-meta.json), or the project named with --project. Says on standard error which file is used
 * and why; returns an exit code when there is none.
 */
export function resolveSource(args: SourceArguments & { quiet?: boolean }, terminal: Terminal): ResolvedSource | number {
  const context = modelContext(args, terminal);
  const shown = (file: string): string => path.relative(terminal.cwd, file) || '.';
  let app: AppModel;
  let text: string | undefined;
  let why: string;
  if (args.project !== undefined) {
    const root = path.resolve(terminal.cwd, args.project);
    const meta = metaFileOf(root);
    if (meta === undefined) {
      terminal.stderr(`${args.project} is not a Gen1 project folder: it has no ${PROJECT_FILE_PLACES.join(' nor ')}.\n`);
      return EXIT.USAGE;
    }
    const named = args.input === undefined ? undefined : examine(path.resolve(terminal.cwd, args.input));
    if (named !== undefined && named.kind !== 'directory') {
      // A client file named with the project: the file is read, and the project adds to it.
      text = inputText(named, args.input!, terminal);
      if (text === undefined) return EXIT.USAGE;
      app = { ...appOfClientFile(path.resolve(terminal.cwd, args.input!), context), projectFolder: root };
      why = 'the file named, with the project named with --project';
    } else {
      app = appOfProject(root, meta, context);
      why = 'the project named with --project';
    }
  } else {
    const givenPath = path.resolve(terminal.cwd, args.input ?? '.');
    const given = args.input !== undefined ? examine(givenPath) : undefined;
    if (given !== undefined && given.kind !== 'directory') {
      // A file named: read from the look already taken.
      text = inputText(given, args.input!, terminal);
      if (text === undefined) return EXIT.USAGE;
      app = appOfNamedFile(givenPath, context);
      why = args.foundInRun ? whyFound(app) : 'the file named';
    } else {
      const found = findApp(givenPath, context);
      if (found.kind === 'missing' || found.kind === 'several') {
        terminal.stderr(found.message);
        return EXIT.USAGE;
      }
      app = found.app;
      why = found.why;
    }
  }
  const display = shown(app.source);
  text ??= readInput(app.source, display, terminal);
  if (text === undefined) return EXIT.USAGE;

  let projectFiles: Record<string, string> | undefined;
  let projectMeta: string | undefined;
  let projectProblem: Diagnostic | undefined;
  if (app.projectFolder !== undefined) {
    try {
      const project = readProject(app.projectFolder);
      projectFiles = project.projectFiles;
      // A client file's conversion also reads the project's meta file (the deployed copy first).
      if (!readsMeta(app)) projectMeta = shown(path.join(app.projectFolder, project.metaFile));
    } catch (error) {
      // A project folder that cannot be read adds nothing, and says so; the source alone is converted.
      projectProblem = createDiagnostic('PROJECT_META_UNREADABLE', {
        category: 'sources',
        message: `The project folder ${shown(app.projectFolder)} could not be read (${describeError(error)}), so nothing was added from it.`,
        source: { file: shown(app.projectFolder), pointer: '' },
      });
    }
  }
  if (!args.quiet) terminal.stderr(usingLine(app, display, why, projectMeta, shown));

  let modelIntrospection: string | undefined;
  if (args.modelIntrospection !== undefined) {
    modelIntrospection = readInput(path.resolve(terminal.cwd, args.modelIntrospection), args.modelIntrospection, terminal);
    if (modelIntrospection === undefined) return EXIT.USAGE;
  }
  const projectFolder = app.projectFolder === undefined ? undefined : shown(app.projectFolder).split(path.sep).join('/');
  return {
    display,
    text,
    appRoot: shown(app.root).split(path.sep).join('/'),
    projectFiles,
    projectFolder,
    modelIntrospection,
    select: args.select ?? {},
    app,
    projectMeta,
    appFindings: (output) => [...(projectProblem ? [projectProblem] : []), ...projectNotRead(app, shown), ...appFindings(app, shown, output)],
  };
}

/** A file named on the command line: an amplify-meta.json at its place in a project is that project's; any other a client file. */
function appOfNamedFile(file: string, context: ModelContext): AppModel {
  const project = projectOfMeta(file);
  return project === undefined ? appOfClientFile(file, context) : appOfProject(project, file, context);
}

/** "Using <file> (why) with <meta> for the <platform> app at <root> (what says so); its file: <output>". */
function usingLine(app: AppModel, display: string, why: string, projectMeta: string | undefined, shown: (file: string) => string): string {
  const deployed = display.includes('#current-cloud-backend') ? ', the last deployed copy' : '';
  // The project's other meta copy, when the meta file is the source: said, not read.
  const others =
    readsMeta(app) && app.projectFolder !== undefined
      ? metaPlacesIn(app.projectFolder)
          .map((place) => path.join(app.projectFolder!, place))
          .filter((file) => file !== app.source)
      : [];
  const alsoFound = others.length > 0 ? `; also found ${others.map(shown).join(', ')}` : '';
  const withMeta = projectMeta !== undefined ? ` with ${projectMeta}` : '';
  const platform = app.platform === undefined ? 'the app' : `the ${app.platform} app`;
  return `Using ${display} (${why}${deployed}${alsoFound})${withMeta} for ${platform} at ${shown(app.root)} (${app.platformReason}); its file: ${shown(app.output)}\n`;
}

/**
 * Where the amplify_outputs of one input of a run over several goes (relative to the current folder), as its app
 * model says; undefined when the input names no app (the command then says why).
 */
export function outputOf(input: string, args: Pick<SourceArguments, 'platform'>, terminal: Pick<Terminal, 'cwd'>): string | undefined {
  const context = modelContext(args, terminal);
  const file = path.resolve(terminal.cwd, input);
  const stats = statIfAny(file);
  if (stats === undefined) return undefined;
  const app = stats.isDirectory() ? findApp(file, context) : { kind: 'found' as const, app: appOfNamedFile(file, context) };
  return app.kind === 'found' ? path.relative(terminal.cwd, app.app.output) : undefined;
}

/** The app of a source as reports name it: its root (relative to the current folder) and its platform. */
export function appOf(source: ResolvedSource): { app: string; platform?: string } {
  return source.app.platform === undefined ? { app: source.appRoot } : { app: source.appRoot, platform: source.app.platform };
}

/** A Gen1 project above an app that is not its own is not read for it: said, with how to read it. */
function projectNotRead(app: AppModel, shown: (file: string) => string): Diagnostic[] {
  if (app.projectAbove === undefined) return [];
  const folder = shown(app.projectAbove);
  return [
    createDiagnostic('PROJECT_NOT_READ', {
      category: 'sources',
      message: `The Gen1 project in ${folder} is above this app, but by its settings (amplify/.config/project-config.json names another folder for its client files, or none) it is not this app's, so it was not read for this app.`,
      resolution: `If it is this app's backend too, convert with --project ${folder} to add what only it says (guest access, groups, additional GraphQL modes).`,
      source: { file: shown(app.source), pointer: '' },
    }),
  ];
}
