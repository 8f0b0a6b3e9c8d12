import { applyEdits, type FormattingOptions, findNodeAtLocation, type JSONPath, modify, parseTree } from 'jsonc-parser';
import { createDiagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { basename, dirname, foldersUp, inFolder, joinPath, lineColumn, relativePath } from '../project/paths.js';
import { type EffectiveConfig, governingConfig, matchesInclude, option, parseJsonc } from '../project/tsconfig-model.js';
import type { AppFiles, FileEdit } from '../types.js';

export interface TsconfigEditOptions {
  /**
   * The file the importers now load, relative to the app's root. Default: where each importer's relative import of
   * amplify_outputs.json leads, else amplify_outputs.json at the root.
   */
  outputsPath?: string;
}

/** How an importing file loads the JSON file, as far as TypeScript's checks of it go. */
interface JsonImport {
  /** A default import (`import outputs from ...`), which needs synthetic default imports. */
  isDefault: boolean;
  /** It carries `with { type: 'json' }` (or the older `assert`). */
  hasJsonAttribute: boolean;
  /** The specifier as written. */
  specifier: string;
  /** Where the specifier is, for findings (1-based). */
  line: number;
  column: number;
}

/** One option added to, or one entry appended to a list of, a configuration file, and why. */
interface Change {
  path: JSONPath;
  value: unknown;
  /** The option's name and value as shown in findings: `"resolveJsonModule": true`. */
  shown: string;
  why: string;
  importer: string;
  /** The JSON file the importer loads. */
  outputsPath: string;
}

const MODULE_KINDS_WITHOUT_JSON = new Set(['none', 'system', 'umd']);
/** `module` values under which TypeScript checks a JSON import of an ECMAScript module for `with { type: 'json' }`. */
const MODULES_NEEDING_ATTRIBUTE = new Set(['node18', 'node20', 'nodenext']);
const NODE_MODULES = new Set(['node16', 'node18', 'node20', 'nodenext']);

/**
 * For the TypeScript files that now import amplify_outputs.json, the edits their tsconfig.json files need so that the
 * import type-checks: `resolveJsonModule`, and the interop a default import of JSON needs (`esModuleInterop` where
 * tsc emits CommonJS, else `allowSyntheticDefaultImports`), judged on the options in effect (following `extends`,
 * with TypeScript's defaults for each `module` and `moduleResolution`); and, for a composite project, the JSON file
 * in its `include` (TypeScript requires every file of a composite project to be listed). The configuration edited is
 * the one that governs the importing file (the nearest, or the referenced project of a solution-style tsconfig that
 * holds it), never a base it extends: comments and formatting are kept. What no option can fix is reported.
 */
export function tsconfigEdits(files: AppFiles, importers: string[], options: TsconfigEditOptions = {}): { edits: FileEdit[]; diagnostics: Diagnostic[] } {
  const defaultOutputs = options.outputsPath ?? 'amplify_outputs.json';
  const diagnostics: Diagnostic[] = [];
  const changes = new Map<string, Change[]>();
  const reportedConfigs = new Set<string>();

  for (const importer of [...importers].sort()) {
    const config = governingConfig(files, importer);
    if (config === undefined || basename(config.path) === 'jsconfig.json') continue;
    if (!reportedConfigs.has(config.path)) {
      reportedConfigs.add(config.path);
      diagnostics.push(...configProblems(config));
    }
    if (config.unreadable.some((entry) => entry.path === config.path)) continue;
    const found = findJsonImport(files[importer] ?? '', basename(defaultOutputs));
    const jsonImport: JsonImport = found ?? { isDefault: true, hasJsonAttribute: false, specifier: '', line: 1, column: 1 };
    const relativeTarget = /^\.\.?\//.test(jsonImport.specifier) ? joinPath(dirname(importer), jsonImport.specifier) : undefined;
    const outputsPath = options.outputsPath ?? relativeTarget ?? defaultOutputs;
    const module = effectiveModule(config);
    const moduleResolution = effectiveModuleResolution(config, module);
    const at = { file: importer, pointer: '', line: jsonImport.line, column: jsonImport.column };
    // A base that was not read may set the module system (expo/tsconfig.base, @tsconfig/node20 do): then TypeScript's
    // defaults for a module left unset say nothing, and only what the files read show is relied on.
    const moduleUnknown = config.missing.length > 0 && option(config, 'module') === undefined && option(config, 'moduleResolution') === undefined;

    if (!moduleUnknown && (MODULE_KINDS_WITHOUT_JSON.has(module) || moduleResolution === 'classic')) {
      const setting = MODULE_KINDS_WITHOUT_JSON.has(module) ? `"module" is "${module}"` : `"moduleResolution" is "classic"`;
      diagnostics.push(
        createDiagnostic('TSCONFIG_JSON_IMPORT_UNSUPPORTED', {
          message: `${importer} imports ${outputsPath}, and TypeScript cannot import JSON files where ${setting} (in effect in ${config.path}): no option can be added to allow it.`,
          source: at,
        }),
      );
      continue;
    }
    const list = changes.get(config.path) ?? [];
    changes.set(config.path, list);
    if (
      option(config, 'resolveJsonModule') !== true &&
      !(option(config, 'resolveJsonModule') === undefined && resolvesJsonByDefault(module, moduleResolution))
    ) {
      list.push({
        path: ['compilerOptions', 'resolveJsonModule'],
        value: true,
        shown: '"resolveJsonModule": true',
        why: 'TypeScript resolves an import of a .json file only with it',
        importer,
        outputsPath,
      });
    }
    if (jsonImport.isDefault && !allowsSyntheticDefault(config, module, moduleResolution)) {
      const emitsCommonJs = !moduleUnknown && (module === 'commonjs' || module === 'amd') && option(config, 'noEmit') !== true;
      list.push(
        emitsCommonJs
          ? {
              path: ['compilerOptions', 'esModuleInterop'],
              value: true,
              shown: '"esModuleInterop": true',
              why: 'a default import of a JSON file needs it, and tsc emits CommonJS here, where the import reads `.default` at run time only with this option',
              importer,
              outputsPath,
            }
          : {
              path: ['compilerOptions', 'allowSyntheticDefaultImports'],
              value: true,
              shown: '"allowSyntheticDefaultImports": true',
              why: 'a default import of a JSON file (a module without a default export to TypeScript) type-checks only with it',
              importer,
              outputsPath,
            },
      );
    }
    if (option(config, 'composite') === true && !listsFile(config, outputsPath)) list.push(includeChange(config, outputsPath, importer));
    if (NODE_MODULES.has(module) && !jsonImport.hasJsonAttribute && isEcmaScriptModule(files, importer)) {
      const attributeWorks = MODULES_NEEDING_ATTRIBUTE.has(module);
      diagnostics.push(
        createDiagnostic('JSON_IMPORT_ATTRIBUTE_NEEDED', {
          message: `${importer} is an ECMAScript module under "module": "${module}" (${config.path}), and imports ${outputsPath} without \`with { type: 'json' }\`: ${attributeWorks ? 'TypeScript refuses it (TS1543)' : 'Node.js refuses it at run time'}. No option changes that.`,
          ...(attributeWorks
            ? {}
            : {
                resolution: `Set "module" to "nodenext" (or "node18") in ${config.path}, then add \`with { type: 'json' }\` after the specifier of the import.`,
              }),
          source: at,
        }),
      );
    }
  }

  const edits: FileEdit[] = [];
  for (const [configPath, list] of [...changes].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const before = files[configPath]!;
    let after = before;
    const done = new Set<string>();
    const added: Change[] = [];
    for (const change of list) {
      const key = JSON.stringify(change.path);
      if (done.has(key)) continue;
      done.add(key);
      after = applyChange(after, change);
      added.push(change);
    }
    if (after === before) continue;
    edits.push({ path: configPath, before, after });
    const tree = parseTree(after);
    for (const change of added) {
      const node = tree === undefined ? undefined : findNodeAtLocation(tree, change.path.slice(0, 2));
      const where = node?.parent !== undefined && node.parent.type === 'property' ? lineColumn(after, node.parent.offset) : { line: 1, column: 1 };
      diagnostics.push(
        createDiagnostic('TSCONFIG_OPTION_ADDED', {
          message: `Added ${change.shown} to ${configPath}: ${change.why}, and ${change.importer} now imports ${change.outputsPath}.`,
          source: { file: configPath, pointer: '', ...where },
        }),
      );
    }
  }
  return { edits, diagnostics };
}

/** The configuration's own problems: a file that does not parse, a base that is not among the files. */
function configProblems(config: EffectiveConfig): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const { path, error } of config.unreadable)
    found.push(
      createDiagnostic('TSCONFIG_UNREADABLE', {
        message: `${path} does not parse (${error}), so the options ${config.path} has in effect are not known${path === config.path ? ', and it was not edited' : ''}.`,
        source: { file: path, pointer: '' },
      }),
    );
  for (const { from, specifier } of config.missing)
    found.push(
      createDiagnostic('TSCONFIG_BASE_NOT_READ', {
        message: `${from} extends "${specifier}", which is not among the app's files (a package not installed, or a file outside the app): the options it sets are not known, and those needed for the JSON import were judged without them.`,
        source: { file: from, pointer: '' },
      }),
    );
  return found;
}

function lower(value: unknown): string | undefined {
  return typeof value === 'string' ? value.toLowerCase() : undefined;
}

/** `module` as TypeScript computes it: as set, else ES2015 from target ES2015 on, else CommonJS. */
function effectiveModule(config: EffectiveConfig): string {
  const module = lower(option(config, 'module'));
  if (module !== undefined) return module === 'es6' ? 'es2015' : module;
  const target = lower(option(config, 'target')) ?? 'es5';
  return target === 'es3' || target === 'es5' ? 'commonjs' : 'es2015';
}

/** `moduleResolution` as TypeScript computes it from `module` when it is not set ("node" is "node10"). */
function effectiveModuleResolution(config: EffectiveConfig, module: string): string {
  const set = lower(option(config, 'moduleResolution'));
  if (set !== undefined) return set === 'node' ? 'node10' : set;
  if (module === 'commonjs') return 'node10';
  if (module === 'node16' || module === 'node18' || module === 'node20') return 'node16';
  if (module === 'nodenext') return 'nodenext';
  if (module === 'preserve') return 'bundler';
  return 'classic';
}

/** TypeScript 5.9 turns `resolveJsonModule` on by default for `module` node20 and nodenext, and `moduleResolution` bundler. */
function resolvesJsonByDefault(module: string, moduleResolution: string): boolean {
  return module === 'node20' || module === 'nodenext' || moduleResolution === 'bundler';
}

/** `allowSyntheticDefaultImports` in effect: as set, else `esModuleInterop` (on by default for the Node modules and preserve), system, or bundler. */
function allowsSyntheticDefault(config: EffectiveConfig, module: string, moduleResolution: string): boolean {
  const set = option(config, 'allowSyntheticDefaultImports');
  if (typeof set === 'boolean') return set;
  const interop = option(config, 'esModuleInterop');
  const esModuleInterop = typeof interop === 'boolean' ? interop : NODE_MODULES.has(module) || module === 'preserve';
  return esModuleInterop || module === 'system' || moduleResolution === 'bundler';
}

/** Whether the project lists the JSON file among its files: in `files`, or matched by an `include` pattern that names .json files. */
function listsFile(config: EffectiveConfig, path: string): boolean {
  if (config.files?.entries.some((entry) => joinPath(config.files!.base, entry) === path)) return true;
  return config.include?.entries.some((pattern) => matchesInclude(config.include!.base, pattern, path, false)) ?? false;
}

/** Lists the JSON file in the project's `include` (or `files`, when the project has a list of files and no `include`). */
function includeChange(config: EffectiveConfig, outputsPath: string, importer: string): Change {
  const folder = dirname(config.path);
  const entry = relativePath(folder, outputsPath);
  const why = 'a composite project must list every file it compiles, and TypeScript does not add imported JSON files to the list itself';
  if (config.include === undefined && config.files !== undefined && config.files.definedIn === config.path) {
    return { path: ['files', config.files.entries.length], value: entry, shown: `"${entry}" in "files"`, why, importer, outputsPath };
  }
  if (config.include?.definedIn === config.path) {
    return { path: ['include', config.include.entries.length], value: entry, shown: `"${entry}" in "include"`, why, importer, outputsPath };
  }
  // The list is inherited (or absent, meaning every file): the project gets its own, the same entries and the JSON file.
  const inherited =
    config.include === undefined
      ? ['**/*']
      : config.include.entries.map((pattern) => relativePath(folder, joinPath(config.include!.base, pattern) ?? pattern) || '.');
  return { path: ['include'], value: [...inherited, entry], shown: `"include": ${JSON.stringify([...inherited, entry])}`, why, importer, outputsPath };
}

/** Whether TypeScript treats the file as an ECMAScript module: .mts, or .ts/.tsx under a package.json with "type": "module". */
function isEcmaScriptModule(files: AppFiles, path: string): boolean {
  if (/\.m[jt]s$/.test(path)) return true;
  if (/\.c[jt]s$/.test(path)) return false;
  for (const folder of foldersUp(dirname(path))) {
    const manifest = files[inFolder(folder, 'package.json')];
    if (manifest === undefined) continue;
    const { value } = parseJsonc(manifest);
    return typeof value === 'object' && value !== null && (value as Record<string, unknown>)['type'] === 'module';
  }
  return false;
}

/** The import of the JSON file in a source text, by its file name: its form and where it is. */
function findJsonImport(text: string, fileName: string): JsonImport | undefined {
  const escaped = fileName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`\\bimport\\s+([^'";]*?)\\s*from\\s*(['"])([^'"\\n]*\\b${escaped})\\2([^;\\n]*)`, 'g');
  for (const match of text.matchAll(pattern)) {
    const clause = (match[1] ?? '').trim();
    if (clause.startsWith('type ')) continue;
    const offset = match.index + match[0].indexOf(match[2]!);
    const { line, column } = lineColumn(text, offset);
    return {
      specifier: match[3]!,
      isDefault: /^[\w$]+\s*(,|$)/.test(clause),
      hasJsonAttribute: /^\s*(with|assert)\s*\{\s*type\s*:\s*['"]json['"]/.test(match[4] ?? ''),
      line,
      column,
    };
  }
  return undefined;
}

/**
 * Sets the option or appends the entry. In a list or object written on one line, the text goes in on that line, in
 * its spacing; elsewhere jsonc-parser adds it on a line of its own, indented as the file is.
 */
function applyChange(text: string, change: Change): string {
  const tree = parseTree(text);
  const container = tree === undefined ? undefined : findNodeAtLocation(tree, change.path.slice(0, -1));
  const last = change.path.at(-1);
  const exists = tree !== undefined && findNodeAtLocation(tree, change.path) !== undefined;
  if (
    container !== undefined &&
    !exists &&
    (container.children?.length ?? 0) > 0 &&
    !text.slice(container.offset, container.offset + container.length).includes('\n')
  ) {
    const inner = text.slice(container.offset + 1, container.offset + container.length - 1);
    const spaced = container.children!.length > 1 ? /,\s/.test(inner) : /[,:]\s/.test(text);
    const separator = spaced ? ', ' : ',';
    const colon = /"\s*:\s/.test(inner) ? ': ' : ':';
    const rendered = container.type === 'array' ? JSON.stringify(change.value) : `${JSON.stringify(last)}${colon}${JSON.stringify(change.value)}`;
    const lastChild = container.children!.at(-1)!;
    const at = lastChild.offset + lastChild.length;
    return `${text.slice(0, at)}${separator}${rendered}${text.slice(at)}`;
  }
  return applyEdits(text, modify(text, change.path, change.value, { formattingOptions: formattingOf(text), isArrayInsertion: typeof last === 'number' }));
}

/** The indentation and line ends the file already uses, for the text that is added. */
function formattingOf(text: string): FormattingOptions {
  const indent = /\n([ \t]+)\S/.exec(text)?.[1] ?? '  ';
  return { insertSpaces: !indent.startsWith('\t'), tabSize: indent.startsWith('\t') ? 1 : indent.length, eol: text.includes('\r\n') ? '\r\n' : '\n' };
}
