import type { Options } from 'yargs';
import { SOURCE_FORMATS, type SourceFormat } from '../../formats/index.js';
import { REPORT_FORMATS, type ReportFormat } from '../../diagnostics/render-report.js';
import { OUTPUTS_VERSIONS } from '../../outputs/versions.js';
import { PLATFORMS, type Platform } from '../../platforms.js';

/**
 * The options `convert` and `check` share, declared once with their checks, so that an option means the same and is
 * refused the same way (a usage error, exit 2) in both. A check that fails throws; the command line reports its
 * message as a usage error.
 */

/** The source and conversion options: where the Gen1 source is, and how to read it. */
export interface SourceArguments {
  input?: string;
  project?: string;
  /** --select, by category: the resource to carry where Gen2 holds one. */
  select?: Record<string, string>;
  modelIntrospection?: string;
  from?: SourceFormat;
  platform?: Platform;
  api?: string;
  /** Set by a --recursive run: the input is the source it found for an app, not a file the user named. */
  foundInRun?: boolean;
}

/** `--select <category>=<resource>`, repeatable, read into a record by category. */
export function parseSelect(values: readonly string[]): Record<string, string> {
  const select: Record<string, string> = {};
  for (const value of values) {
    const equals = value.indexOf('=');
    if (equals <= 0 || equals === value.length - 1) throw new Error(`--select takes <category>=<resource>, not "${value}".`);
    select[value.slice(0, equals)] = value.slice(equals + 1);
  }
  return select;
}

export const SOURCE_OPTIONS = {
  from: { choices: SOURCE_FORMATS, describe: 'Read the input as this format instead of detecting it from the content' },
  platform: { choices: PLATFORMS, describe: 'The app platform (decides the push notification channel)' },
  api: { type: 'string', describe: 'With several GraphQL APIs (mobile formats), the name of the one to carry; default: the first' },
  project: { type: 'string', describe: 'A Gen1 project folder: convert its amplify-meta.json, with what the folder adds (guest access, group precedence)' },
  select: {
    type: 'string',
    array: true,
    describe:
      'With several resources where Gen2 holds one (amplify-meta.json): <category>=<resource>, the category being auth, api (the GraphQL API), storage or analytics',
    coerce: (values: string[]) => parseSelect(values),
  },
  'model-introspection': { type: 'string', describe: 'A model-introspection.json to write as data.model_introspection' },
} as const satisfies Record<string, Options>;

/** --outputs-version; each command says what its default is. */
export const OUTPUTS_VERSION_OPTION = { type: 'string', choices: ['auto', ...OUTPUTS_VERSIONS] as const } as const satisfies Options;

export interface ReportArguments {
  report: ReportFormat;
  reportFile?: string;
}

export const REPORT_OPTIONS = {
  report: { choices: REPORT_FORMATS, default: 'text' as const, describe: 'Report format: text, json, github (workflow commands), sarif (2.1.0) or junit' },
  'report-file': { type: 'string', describe: 'Write the report to this file instead of the terminal' },
} as const satisfies Record<string, Options>;

/** The options of a run over several apps. */
export interface BatchArguments {
  more?: string[];
  recursive?: boolean;
  quiet?: boolean;
  jobs?: number;
}

export const BATCH_OPTIONS = {
  recursive: { type: 'boolean', default: false, describe: 'Every app of a repository (the folder given, or the current one), each next to its own Gen1 file' },
  quiet: { type: 'boolean', default: false, describe: 'No progress line and no per-app headings' },
  jobs: {
    type: 'number',
    describe: 'With several apps: how many to run at once, on this thread and worker threads (default: one per core from 2,000 apps on, else 1)',
    coerce: (value: number): number => {
      if (!Number.isInteger(value) || value < 1) throw new Error('--jobs takes a whole number, 1 or more.');
      return value;
    },
  },
} as const satisfies Record<string, Options>;

export interface DebugArguments {
  debug?: boolean;
}

export const DEBUG_OPTION = {
  debug: { type: 'boolean', default: false, describe: 'On an internal fault, print its stack trace too' },
} as const satisfies Record<string, Options>;

/** Every option both commands take, for a command's builder: `yargs.options(SHARED_OPTIONS)`. */
export const SHARED_OPTIONS = { ...SOURCE_OPTIONS, ...REPORT_OPTIONS, ...BATCH_OPTIONS, ...DEBUG_OPTION } as const;
