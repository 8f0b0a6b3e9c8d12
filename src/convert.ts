import { detectFormatByText, detectJsonDocument, detectSourceDocument, isJsonText, type DetectedFormat } from './formats/detect-format.js';
import { compareDiagnostics, createDiagnostic, type Diagnostic } from './diagnostics/diagnostic.js';
import { ConversionError, InternalFault, isConversionError } from './errors.js';
import { addFromProject } from './app/add-from-project.js';
import { projectMetaOf, resourcesMatching, type ProjectMeta } from './app/project-resources.js';
import { applyTable, type MappingResult } from './mapping/apply-table.js';
import { deleteAt, getAt, setAt, type JsonObject } from './mapping/output-tree.js';
import { renumberDiagnostics, type FieldDisposition } from './mapping/ledger.js';
import { FORMATS, isSourceFormat, SOURCE_FORMATS, type FormatDescriptor, type SourceFormat } from './formats/index.js';
import { getTable } from './mapping/tables.js';
import { orderBySchema, serializeOutputs } from './outputs/serialize-outputs.js';
import { isOutputsVersion, OUTPUTS_VERSIONS, type OutputsVersion } from './outputs/versions.js';
import { isPlatform, PLATFORMS, type Platform } from './platforms.js';
import { readWellFormedJson } from './readers/read-json.js';
import { readPlainObject } from './readers/read-plain-object.js';
import type { SourceDocument } from './source/source-node.js';
import { validateOutputs } from './validation/validate-outputs.js';

export interface ConvertOptions {
  /** The file name, for diagnostics only (the format is told from the content). */
  fileName?: string;
  /** Read the input as this format instead of detecting it. */
  from?: SourceFormat;
  /** The amplify_outputs.json version to write; `auto` (the default) picks the lowest that carries everything. */
  outputsVersion?: OutputsVersion | 'auto';
  /** The app platform; decides the push notification channel. */
  platform?: Platform;
  /** The GraphQL API to carry when the input has several (mobile formats), by name. */
  api?: string;
  /** amplify-meta.json: which resource to carry where Gen2 holds one, by category (auth, api, storage, analytics). */
  select?: Record<string, string>;
  /**
   * The files of the app's Gen1 project folder by path relative to it (see readProject). For amplify-meta.json, what
   * the meta file lacks (guest access, group precedence, the environment). For a client file, its amplify-meta.json
   * (the deployed copy first) adds what the client file cannot say where both name the same backend: guest access,
   * additional GraphQL modes, user pool groups, every bucket, the Pinpoint app of notifications, the web client.
   */
  projectFiles?: Record<string, string>;
  /** Where the project folder is, as findings name its files (default: paths relative to it, as projectFiles has them). */
  projectFolder?: string;
  /** The text of a model-introspection.json, written to data.model_introspection. */
  modelIntrospection?: string;
}

/** An amplify_outputs.json document. */
export interface AmplifyOutputs {
  version: OutputsVersion;
  auth?: Record<string, unknown>;
  data?: Record<string, unknown>;
  storage?: Record<string, unknown>;
  analytics?: Record<string, unknown>;
  notifications?: Record<string, unknown>;
  geo?: Record<string, unknown>;
  custom?: Record<string, unknown>;
}

export interface ConvertResult {
  /** The converted document, keys in schema order. */
  outputs: AmplifyOutputs;
  /** The document as the file to write: 2-space JSON with a final newline. */
  text: string;
  /** Everything that could not be carried as it was, sorted by position in the input. */
  diagnostics: Diagnostic[];
  /** What became of every field of the input (mapped, reported or dropped). */
  fields: FieldDisposition[];
  format: SourceFormat;
  version: OutputsVersion;
}

/**
 * Converts the text of a Gen1 configuration file into amplify_outputs.json. Pure: no file system, no console.
 * Throws ConversionError for input that cannot be read at all (with the location), InternalFault for a bug.
 */
export function convert(text: string, options: ConvertOptions = {}): ConvertResult {
  const file = options.fileName;
  checkText(text, file);
  // A JSON file as the Amplify CLI writes it is read once, and its format told from what was read.
  const triedStrict = options.from === undefined && isJsonText(text);
  const wellFormed = triedStrict ? readWellFormedJson(text) : undefined;
  const detected = options.from === undefined ? (wellFormed ? detectJsonDocument(wellFormed.root) : detectFormatByText(text)) : undefined;
  const readAs = options.from ?? acceptFormat(detected ?? detectFormatByText(text), file);
  checkOptions(options, file);
  const descriptor = FORMATS[readAs];
  const document = wellFormed ?? descriptor.read(text, file ?? descriptor.defaultFileName, { refusedByStrictReader: triedStrict });
  // JavaScript source is read before its shape tells a configuration written by hand from the CLI's.
  const format = detected ? (detectSourceDocument(detected, document).format as SourceFormat) : readAs;
  return convertDocument(document, format, options);
}

/** Converts an already-loaded Gen1 configuration object (no line and column in diagnostics). */
export function convertObject(object: Record<string, unknown>, options: Omit<ConvertOptions, 'fileName'> & { fileName?: string } = {}): ConvertResult {
  checkOptions(options, options.fileName);
  if (typeof object !== 'object' || object === null || Array.isArray(object)) {
    throw new ConversionError(
      createDiagnostic('NO_CONFIG_OBJECT', { message: 'convertObject needs a configuration object.', source: { file: options.fileName, pointer: '' } }),
    );
  }
  const format = options.from ?? 'aws-exports';
  return convertDocument(readPlainObject(object), format, options);
}

function convertDocument(document: SourceDocument, format: SourceFormat, options: ConvertOptions): ConvertResult {
  const requested = options.outputsVersion === undefined || options.outputsVersion === 'auto' ? undefined : options.outputsVersion;
  const descriptor: FormatDescriptor = FORMATS[format];
  const mapping = applyTable(document, getTable(descriptor.table), {
    file: options.fileName,
    settings: {
      platform: options.platform ?? descriptor.platform,
      outputsVersion: requested,
      api: options.api,
      select: options.select,
      projectFiles: options.projectFiles,
    },
    outputsVersion: requested,
  });
  attachModelIntrospection(mapping, options.modelIntrospection);
  const project = format === 'amplify-meta' ? undefined : projectMetaOf(options.projectFiles);
  const version = project ? addProject(mapping, project, options, options.platform ?? descriptor.platform, requested) : (requested ?? mapping.requiredVersion);
  const outputs = orderBySchema({ version, ...mapping.outputs }, version) as AmplifyOutputs;
  inCanonicalOrder(outputs);
  const validation = validateOutputs(outputs, version);
  if (!validation.valid) {
    throw new InternalFault(
      `The converted document does not validate against the amplify_outputs.json ${version} schema. This is a bug in amplify-outputs-migrate.`,
      validation.errors,
    );
  }
  const { diagnostics, fields } = sortDiagnostics(mapping.diagnostics, mapping.fields);
  return { outputs, text: serializeOutputs(outputs), diagnostics, fields, format, version };
}

/**
 * An app's client file, converted with its project folder at hand: the meta file's conversion (of the resources
 * that name the same backend) adds what the client file cannot say. Returns the version of the result: the lowest
 * that holds it, or the one requested (what that cannot hold is left out and reported).
 */
function addProject(
  mapping: MappingResult,
  project: ProjectMeta,
  options: ConvertOptions,
  platform: Platform | undefined,
  requested: OutputsVersion | undefined,
): OutputsVersion {
  let meta: ConvertResult;
  // As findings name it: below the project folder, when the caller says where that is.
  const metaFile =
    options.projectFolder === undefined || options.projectFolder === '.' ? project.file : `${options.projectFolder.replace(/[\\/]$/, '')}/${project.file}`;
  try {
    meta = convert(project.text, {
      fileName: metaFile,
      from: 'amplify-meta',
      platform,
      select: { ...resourcesMatching(project.text, mapping.outputs), ...options.select },
      projectFiles: options.projectFiles,
    });
  } catch (error) {
    if (!isConversionError(error)) throw error;
    mapping.diagnostics.push(
      createDiagnostic('PROJECT_META_UNREADABLE', {
        category: 'sources',
        message: `${metaFile} of the project folder could not be read (${error.diagnostic.message}), so nothing was added from it.`,
        source: { file: metaFile, pointer: error.diagnostic.source.pointer, line: error.diagnostic.source.line, column: error.diagnostic.source.column },
      }),
    );
    return requested ?? mapping.requiredVersion;
  }
  const additions = addFromProject(
    mapping,
    { file: metaFile, outputs: meta.outputs as unknown as JsonObject, diagnostics: meta.diagnostics },
    options.fileName ?? 'the client file',
  );
  const valid = (version: OutputsVersion): boolean => validateOutputs({ ...mapping.outputs, version }, version).valid;
  if (requested === undefined) {
    const from = OUTPUTS_VERSIONS.indexOf(mapping.requiredVersion);
    return OUTPUTS_VERSIONS.find((version, index) => index >= from && valid(version)) ?? mapping.requiredVersion;
  }
  if (valid(requested)) return requested;
  // Taken back, then put again one at a time: what the version requested cannot hold stays out, and is reported.
  const values = additions.map((addition) => getAt(mapping.outputs, addition.target));
  for (const addition of [...additions].reverse()) restore(mapping.outputs, addition.target, addition.previous);
  additions.forEach((addition, index) => {
    setAt(mapping.outputs, addition.target, values[index]);
    if (valid(requested)) return;
    restore(mapping.outputs, addition.target, addition.previous);
    // The finding that said it was read says it is left out instead (in its place: the field record refers to findings by position).
    const field = addition.target.slice(1).replace(/\//g, '.');
    mapping.diagnostics.forEach((diagnostic, position) => {
      if (diagnostic.code !== 'READ_FROM_PROJECT' || !diagnostic.message.includes(field)) return;
      mapping.diagnostics[position] = { ...diagnostic, message: `${diagnostic.message} Of these, ${field} is left out: see VERSION_TOO_LOW.` };
    });
    mapping.diagnostics.push(
      createDiagnostic('VERSION_TOO_LOW', {
        severity: 'warning',
        category: addition.target.split('/')[1],
        message: `${addition.target.slice(1).replace(/\//g, '.')}, read from ${metaFile}, needs a later amplify_outputs.json version than ${requested}, so it is left out.`,
        source: { file: metaFile, pointer: '' },
        target: addition.target,
      }),
    );
  });
  return requested;
}

/**
 * Notification channels are a set: whatever the source (a client file's plugins, a meta file's channel keys), they
 * are written in one order, so that two sources of one app give the same file.
 */
const CHANNEL_ORDER = ['APNS', 'FCM', 'IN_APP_MESSAGING', 'EMAIL', 'SMS'];

function inCanonicalOrder(outputs: AmplifyOutputs): void {
  const channels = outputs.notifications?.['channels'];
  if (!Array.isArray(channels)) return;
  const rank = (channel: unknown): number => {
    const index = CHANNEL_ORDER.indexOf(String(channel));
    return index < 0 ? CHANNEL_ORDER.length : index;
  };
  channels.sort((a, b) => rank(a) - rank(b));
}

/** Puts back the value a field had before (none: the field is removed). */
function restore(outputs: JsonObject, target: string, previous: unknown): void {
  if (previous === undefined) deleteAt(outputs, target);
  else setAt(outputs, target, previous);
}

/** A model-introspection.json (from codegen) becomes data.model_introspection. */
function attachModelIntrospection(mapping: ReturnType<typeof applyTable>, text: string | undefined): void {
  if (text === undefined) return;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ConversionError(
      createDiagnostic('INVALID_OPTION', {
        message: 'The model introspection file is not a JSON object.',
        resolution: 'Give the model-introspection.json that `amplify codegen models` writes.',
        source: { file: 'model-introspection.json', pointer: '' },
      }),
    );
  }
  const data = mapping.outputs['data'];
  if (typeof data === 'object' && data !== null) {
    (data as Record<string, unknown>)['model_introspection'] = parsed;
  } else {
    mapping.diagnostics.push(
      createDiagnostic('MODEL_INTROSPECTION_IGNORED', {
        category: 'data',
        resolution: 'Convert a Gen1 file that names the GraphQL API, or leave the model introspection out.',
        source: { file: 'model-introspection.json', pointer: '' },
      }),
    );
  }
}

function sortDiagnostics(diagnostics: Diagnostic[], fields: FieldDisposition[]): { diagnostics: Diagnostic[]; fields: FieldDisposition[] } {
  const order = diagnostics
    .map((diagnostic, index) => ({ diagnostic, index }))
    .sort((a, b) => compareDiagnostics(a.diagnostic, b.diagnostic) || a.index - b.index);
  const byPointer = (a: FieldDisposition, b: FieldDisposition): number => (a.pointer < b.pointer ? -1 : a.pointer > b.pointer ? 1 : 0);
  // Already in order (the usual case): the numbers stay as they are.
  if (order.every((entry, position) => entry.index === position)) return { diagnostics, fields: fields.sort(byPointer) };
  const newIndex = new Map(order.map((entry, position) => [entry.index, position]));
  return { diagnostics: order.map((entry) => entry.diagnostic), fields: renumberDiagnostics(fields, newIndex).sort(byPointer) };
}

/** The detected format, if it is one to convert; else the error that says what the file is. */
function acceptFormat(detected: DetectedFormat, file: string | undefined): SourceFormat {
  if (detected.format === 'amplify-outputs') {
    throw new ConversionError(
      createDiagnostic('ALREADY_GEN2', {
        message: `The file already is an amplify_outputs.json (${detected.reason}); there is nothing to convert.`,
        resolution: 'Point the command at the Gen1 file (aws-exports.js or amplifyconfiguration.json) instead.',
        source: { file, pointer: '/version' },
      }),
    );
  }
  if (detected.format === 'unknown') {
    throw new ConversionError(
      createDiagnostic('UNSUPPORTED_FORMAT', {
        message: `The content is not a Gen1 configuration this tool recognises (${detected.reason}).`,
        resolution: `Point the command at a Gen1 configuration file, or name its format with --from (${SOURCE_FORMATS.join(', ')}).`,
        source: { file, pointer: '' },
      }),
    );
  }
  return detected.format;
}

/** Inputs longer than this are refused unread: no Gen1 configuration comes near it. */
export const MAX_INPUT_CHARACTERS = 10 * 1024 * 1024;

function checkText(text: unknown, file: string | undefined): void {
  const problem =
    typeof text !== 'string'
      ? ([
          'INVALID_OPTION',
          `convert needs the text of the file as a string (got ${text === null ? 'null' : typeof text}).`,
          'Read the file as UTF-8 text first, or pass a loaded object to convertObject.',
        ] as const)
      : text.length > MAX_INPUT_CHARACTERS
        ? ([
            'INPUT_TOO_LARGE',
            `The text is ${text.length} characters long, more than the ${MAX_INPUT_CHARACTERS} a Gen1 configuration can be.`,
            'Point the command at the configuration file the Amplify CLI generated.',
          ] as const)
        : undefined;
  if (problem) throw new ConversionError(createDiagnostic(problem[0], { message: problem[1], resolution: problem[2], source: { file, pointer: '' } }));
}

function checkOptions(options: ConvertOptions, file: string | undefined): void {
  const version = options.outputsVersion;
  const bad =
    version !== undefined && version !== 'auto' && !isOutputsVersion(version)
      ? `outputsVersion must be auto or one of ${OUTPUTS_VERSIONS.join(', ')} (got ${JSON.stringify(version)})`
      : options.from !== undefined && !isSourceFormat(options.from)
        ? `from must be one of ${SOURCE_FORMATS.join(', ')} (got ${JSON.stringify(options.from)})`
        : options.platform !== undefined && !isPlatform(options.platform)
          ? `platform must be one of ${PLATFORMS.join(', ')} (got ${JSON.stringify(options.platform)})`
          : undefined;
  if (bad) {
    throw new ConversionError(createDiagnostic('INVALID_OPTION', { message: `Invalid option: ${bad}.`, source: { file, pointer: '' } }));
  }
}
