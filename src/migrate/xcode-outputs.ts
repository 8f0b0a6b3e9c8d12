import { build, parse } from '@bacons/xcode/json';
import { GEN1_IOS_FILE, OUTPUTS_IOS_FILE, xcodeMembership, xcodeMembershipDiagnostics } from '../app/xcode-membership.js';
import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { basename, dirname, relativePath } from './project/paths.js';

/** Where the project and the two files are, each relative to the app's root. */
export interface XcodeOutputsOptions {
  /** The `.xcodeproj` folder (or its `project.pbxproj`), e.g. `Notes.xcodeproj`. */
  projectPath: string;
  /** The Gen1 `amplifyconfiguration.json`, e.g. `Notes/amplifyconfiguration.json`. */
  gen1Path: string;
  /** Where `amplify_outputs.json` is written, e.g. `Notes/amplify_outputs.json`. */
  outputsPath: string;
}

export interface XcodeOutputsEdit {
  /** The new text of project.pbxproj: the same string when nothing had to change. */
  text: string;
  diagnostics: Diagnostic[];
}

type PbxObject = Record<string, unknown> & { isa?: string };

/** A list entry to add: an object ID (`id`), or a plain value (`literal`, a path of membershipExceptions), after another. */
interface Entry {
  container: string;
  key: string;
  after: string;
  id: string;
  literal?: boolean;
}
interface Project {
  objects: Record<string, PbxObject>;
  rootObject: string;
  [key: string]: unknown;
}

const ids = (value: unknown): string[] => (Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : []);

/**
 * Joins path parts and resolves `.` and `..` ("" is the app's root). Unlike project/paths' joinPath, the result may
 * lead above the root: an Xcode project's projectDirPath can.
 */
function joinPath(...parts: string[]): string {
  const out: string[] = [];
  for (const part of parts.join('/').split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && out.length > 0 && out.at(-1) !== '..') out.pop();
    else out.push(part);
  }
  return out.join('/');
}

/** A deterministic object ID in Xcode's form (24 hex digits) for `seed`, not already used. */
function newId(seed: string, taken: Set<string>): string {
  for (let salt = 0; ; salt++) {
    let id = '';
    for (const basis of [0x811c9dc5, 0x01000193, 0x9e3779b1]) {
      let hash = basis >>> 0;
      for (const char of `${seed}#${salt}#${basis}`) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
      id += hash.toString(16).toUpperCase().padStart(8, '0');
    }
    if (!taken.has(id)) {
      taken.add(id);
      return id;
    }
  }
}

/** The folders of the project's groups and the paths of its file references, relative to the app's root. */
function placesOf(
  project: Project,
  projectDir: string,
): { parentOf: Map<string, string>; pathOf: (id: string) => string | undefined; folderOf: (id: string) => string | undefined } {
  const { objects } = project;
  const parentOf = new Map<string, string>();
  for (const [id, object] of Object.entries(objects)) {
    if (object.isa === 'PBXGroup' || object.isa === 'PBXVariantGroup' || object.isa === 'XCVersionGroup')
      for (const child of ids(object.children)) parentOf.set(child, id);
  }
  const root = objects[project.rootObject];
  const mainGroup = typeof root?.mainGroup === 'string' ? root.mainGroup : undefined;
  const base = joinPath(projectDir, typeof root?.projectDirPath === 'string' ? root.projectDirPath : '');
  const place = (id: string, depth: number): string | undefined => {
    if (depth > 100) return undefined;
    const object = objects[id];
    if (!object) return undefined;
    if (id === mainGroup) return base;
    const path = typeof object.path === 'string' ? object.path : '';
    switch (object.sourceTree) {
      case 'SOURCE_ROOT':
        return joinPath(base, path);
      case '<group>': {
        const parent = parentOf.get(id);
        const folder = parent !== undefined ? place(parent, depth + 1) : base;
        return folder === undefined ? undefined : joinPath(folder, path);
      }
      default:
        return undefined;
    }
  };
  return { parentOf, pathOf: (id) => place(id, 0), folderOf: (id) => place(id, 0) };
}

/**
 * Adds `amplify_outputs.json` to an Xcode project (`project.pbxproj`) where amplify-swift needs it: a file reference in
 * the group of the Gen1 `amplifyconfiguration.json` (the one at `gen1Path`), and a build file in the Copy Bundle
 * Resources phase of every target whose resources hold the Gen1 file. The project is read and changed with
 * @bacons/xcode; the new entries are rendered by its writer and put into the original text at the places Xcode keeps
 * them (objects sorted by ID in their section, each list entry after the Gen1 file's), so the rest of the file keeps
 * its bytes. The result is parsed again and must equal the changed project, else the whole file is the writer's.
 *
 * Contract: pure; idempotent (a project that already has the file where it must be is returned as the same string);
 * the findings say what was added (`XCODE_OUTPUTS_ADDED`) and what a person must still do (`NOT_IN_XCODE_TARGET`, as
 * `xcodeMembershipDiagnostics` says it of the result).
 */
export function addOutputsToXcodeProject(pbxproj: string, options: XcodeOutputsOptions): XcodeOutputsEdit {
  const xcodeproj = options.projectPath.replace(/\/project\.pbxproj$/, '').replace(/\/$/, '');
  const pbxprojFile = `${xcodeproj}/project.pbxproj`;
  const projectDir = dirname(xcodeproj);
  let project: Project;
  try {
    project = parse(pbxproj) as unknown as Project;
    if (typeof project.objects !== 'object' || project.objects === null || typeof project.rootObject !== 'string') throw new Error('it names no root object');
  } catch (error) {
    return {
      text: pbxproj,
      diagnostics: [
        createDiagnostic('NOT_IN_XCODE_TARGET', {
          category: 'outputs',
          message: `The Xcode project could not be read (${error instanceof Error ? error.message : String(error)}), so ${OUTPUTS_IOS_FILE} was not added to it: amplify-swift reads it from the app bundle, and fails to configure without it.`,
          resolution: `In Xcode, File > Add Files to the project: ${OUTPUTS_IOS_FILE}, with the targets of ${GEN1_IOS_FILE} ticked.`,
          source: { file: pbxprojFile, pointer: '' },
        }),
      ],
    };
  }

  const objects = project.objects;
  const { parentOf, pathOf, folderOf } = placesOf(project, projectDir);
  const gen1Path = joinPath(options.gen1Path);
  const outputsPath = joinPath(options.outputsPath);
  const references = Object.entries(objects).filter(([, object]) => object.isa === 'PBXFileReference');
  const named = (name: string) =>
    references
      .filter(([, object]) => basename(String(object.name ?? object.path ?? '')) === name || basename(String(object.path ?? '')) === name)
      .map(([id]) => id);
  const gen1Candidates = named(GEN1_IOS_FILE);
  const gen1Ids = gen1Candidates.filter((id) => pathOf(id) === gen1Path);
  const gen1Id = gen1Ids[0] ?? (gen1Candidates.length === 1 ? gen1Candidates[0] : undefined);
  const group = gen1Id !== undefined ? parentOf.get(gen1Id) : undefined;

  // The changes, made on a copy of the parsed project.
  const changed = structuredClone(project);
  const added: { id: string; isa: string }[] = [];
  const entries: Entry[] = [];
  const targetsJoined: string[] = [];
  let groupName = '';

  if (gen1Id !== undefined && group !== undefined) {
    const taken = new Set(Object.keys(objects));
    const groupObject = changed.objects[group] as PbxObject;
    groupName = String(groupObject.name ?? groupObject.path ?? 'the main group');
    // The outputs reference: one that already resolves to the file, else a new one beside the Gen1 file's.
    let outputsId = named(OUTPUTS_IOS_FILE).find((id) => pathOf(id) === outputsPath);
    if (outputsId === undefined) {
      outputsId = newId(`${OUTPUTS_IOS_FILE}:${group}`, taken);
      const gen1 = objects[gen1Id] as PbxObject;
      const folder = folderOf(group) ?? dirname(gen1Path);
      const path = relativePath(folder, outputsPath);
      const reference: PbxObject = { isa: 'PBXFileReference' };
      if (gen1.fileEncoding !== undefined) reference.fileEncoding = gen1.fileEncoding;
      reference.lastKnownFileType = 'text.json';
      if (path.includes('/')) reference.name = OUTPUTS_IOS_FILE;
      reference.path = path;
      reference.sourceTree = '<group>';
      changed.objects[outputsId] = reference;
      added.push({ id: outputsId, isa: 'PBXFileReference' });
      groupObject.children = insertAfter(ids(groupObject.children), gen1Id, outputsId);
      entries.push({ container: group, key: 'children', after: gen1Id, id: outputsId });
    }
    // A build file in each resources phase that holds the Gen1 file and not the outputs file.
    const root = objects[project.rootObject];
    for (const targetId of ids(root?.targets)) {
      const target = objects[targetId];
      let joined = false;
      for (const phaseId of ids(target?.buildPhases)) {
        const phase = changed.objects[phaseId] as PbxObject | undefined;
        if (phase?.isa !== 'PBXResourcesBuildPhase') continue;
        const files = ids(phase.files);
        const gen1Build = files.find((id) => objects[id]?.fileRef === gen1Id);
        if (gen1Build === undefined || files.some((id) => changed.objects[id]?.fileRef === outputsId)) continue;
        const buildId = newId(`${OUTPUTS_IOS_FILE}:${phaseId}`, taken);
        changed.objects[buildId] = { isa: 'PBXBuildFile', fileRef: outputsId };
        phase.files = insertAfter(files, gen1Build, buildId);
        added.push({ id: buildId, isa: 'PBXBuildFile' });
        entries.push({ container: phaseId, key: 'files', after: gen1Build, id: buildId });
        joined = true;
      }
      if (joined) targetsJoined.push(String(target?.name ?? target?.productName ?? targetId));
    }
  }

  // Xcode 16 synchronized folders: their files on disk are members of the folder's targets, and an exception set
  // names the files that are not (for a target that does not take the folder, the ones that are). A file placed
  // beside the Gen1 file follows the Gen1 file's exceptions.
  const excepted: string[] = [];
  for (const [groupId, groupObject] of Object.entries(objects)) {
    if (groupObject.isa !== 'PBXFileSystemSynchronizedRootGroup') continue;
    const folder = folderOf(groupId);
    if (folder === undefined || !gen1Path.startsWith(`${folder}/`) || !outputsPath.startsWith(`${folder}/`)) continue;
    const gen1Relative = gen1Path.slice(folder.length + 1);
    const outputsRelative = outputsPath.slice(folder.length + 1);
    for (const exceptionId of ids(groupObject.exceptions)) {
      const exception = changed.objects[exceptionId] as PbxObject | undefined;
      const list = ids(exception?.membershipExceptions);
      if (!exception || !list.includes(gen1Relative) || list.includes(outputsRelative)) continue;
      exception.membershipExceptions = insertAfter(list, gen1Relative, outputsRelative);
      entries.push({ container: exceptionId, key: 'membershipExceptions', after: gen1Relative, id: outputsRelative, literal: true });
      const target = typeof exception.target === 'string' ? objects[exception.target] : undefined;
      excepted.push(String(target?.name ?? target?.productName ?? exceptionId));
    }
  }

  let text = pbxproj;
  let rewritten = false;
  if (added.length > 0 || entries.length > 0) {
    const written = build(changed as never);
    const spliced = splice(pbxproj, written, added, entries);
    if (spliced !== undefined && sameProject(spliced, changed)) text = spliced;
    else {
      text = written;
      rewritten = true;
    }
  }

  const diagnostics: Diagnostic[] = [];
  if (excepted.length > 0) {
    diagnostics.push(
      createDiagnostic('XCODE_OUTPUTS_ADDED', {
        category: 'outputs',
        message: `${OUTPUTS_IOS_FILE} was added to the membership exceptions of ${listOf(excepted)} in the synchronized folder, beside ${GEN1_IOS_FILE}, so that it belongs to the same targets.${
          rewritten && added.length === 0 ? ' The project file was written again whole by the pbxproj writer, in its layout (review the diff).' : ''
        }`,
        source: { file: pbxprojFile, pointer: '' },
      }),
    );
  }
  if (added.length > 0) {
    const reference = added.some((entry) => entry.isa === 'PBXFileReference');
    diagnostics.push(
      createDiagnostic('XCODE_OUTPUTS_ADDED', {
        category: 'outputs',
        message: `${OUTPUTS_IOS_FILE} was ${reference ? `added to the group ${groupName}, beside ${GEN1_IOS_FILE}, and ` : ''}${
          targetsJoined.length > 0 ? `made a resource of ${listOf(targetsJoined)}, the targets of ${GEN1_IOS_FILE}` : 'made a resource of no target'
        }.${rewritten ? ' The project file was written again whole by the pbxproj writer, in its layout (review the diff).' : ''}`,
        source: { file: pbxprojFile, pointer: '' },
      }),
    );
  }
  const outputsFromProjectDir = relativePath(projectDir, outputsPath);
  diagnostics.push(...xcodeMembershipDiagnostics(xcodeMembership(text), pbxprojFile, outputsFromProjectDir));
  return { text, diagnostics };
}

function insertAfter(list: string[], after: string, id: string): string[] {
  const at = list.indexOf(after);
  return at === -1 ? [...list, id] : [...list.slice(0, at + 1), id, ...list.slice(at + 1)];
}

function listOf(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** Whether `text` parses to the same project as `expected` (objects compared by value, whatever their key order). */
function sameProject(text: string, expected: Project): boolean {
  try {
    return canonical(parse(text)) === canonical(expected);
  } catch {
    return false;
  }
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * Puts the writer's lines for the new objects and list entries into the original text: each object in its section
 * (by ID, as Xcode sorts them; the section made if the project has none), each list entry after the entry it follows.
 * Undefined when a place cannot be found, so that the caller falls back to the writer's whole text.
 */
function splice(original: string, written: string, added: { id: string; isa: string }[], entries: Entry[]): string | undefined {
  const eol = original.includes('\r\n') ? '\r\n' : '\n';
  const lines = original.split(/\r?\n/);
  const writtenLines = written.split(/\r?\n/);
  const definition = (id: string) => writtenLines.find((line) => line.trimStart().startsWith(`${id} `) && line.includes('= {'))?.trim();
  const entryLine = (id: string) => writtenLines.find((line) => line.trim().startsWith(id) && line.trim().endsWith(','))?.trim();
  const idOf = (line: string) => /^\s*([0-9A-Fa-f]{24})\b/.exec(line)?.[1];

  for (const { id, isa } of added) {
    const text = definition(id);
    if (text === undefined) return undefined;
    const begin = lines.indexOf(`/* Begin ${isa} section */`);
    const end = lines.indexOf(`/* End ${isa} section */`);
    if (begin === -1 || end === -1 || end < begin) {
      // A new section, before the first section whose kind sorts after this one (the writer's order, and Xcode's).
      const objectsEnd = lines.findIndex((line, index) => index > 0 && /^\t};\s*$/.test(line) && /^\trootObject = /.test(lines[index + 1] ?? ''));
      let at = objectsEnd === -1 ? -1 : objectsEnd;
      for (let index = 0; index < lines.length; index++) {
        const section = /^\/\* Begin (\w+) section \*\/$/.exec(lines[index] ?? '');
        if (section && (section[1] ?? '') > isa) {
          at = index;
          break;
        }
      }
      if (at === -1) return undefined;
      const block = [`/* Begin ${isa} section */`, `\t\t${text}`, `/* End ${isa} section */`, ''];
      // Sections are separated by a blank line: the new one goes after the blank line before `at`.
      const insertAt = at > 0 && lines[at - 1] === '' ? at : at;
      lines.splice(insertAt, 0, ...(lines[insertAt - 1] === '' ? block : ['', ...block.slice(0, -1)]));
      continue;
    }
    // Objects start at the section's own indentation; nested lines are deeper.
    const starts = lines.slice(begin + 1, end).map((line, offset) => ({ line, index: begin + 1 + offset }));
    const indent = /^(\s*)/.exec(starts.find(({ line }) => idOf(line) !== undefined)?.line ?? '\t\t')?.[1] ?? '\t\t';
    let at = end;
    for (const { line, index } of starts) {
      if (!line.startsWith(indent) || /^\s/.test(line.slice(indent.length))) continue;
      const other = idOf(line);
      if (other !== undefined && other > id) {
        at = index;
        break;
      }
    }
    lines.splice(at, 0, `${indent}${text}`);
  }

  for (const { container, key, after, id, literal } of entries) {
    const text = literal ? `${plistString(id)},` : entryLine(id);
    if (text === undefined) return undefined;
    const isAfter = (line: string) => (literal ? line.trim() === `${plistString(after)},` || line.trim() === `"${after}",` : idOf(line) === after);
    const start = lines.findIndex((line) => idOf(line) === container && /= \{\s*$/.test(line));
    if (start === -1) return undefined;
    const containerIndent = /^(\s*)/.exec(lines[start] ?? '')?.[1] ?? '';
    let open = -1;
    for (let index = start + 1; index < lines.length; index++) {
      const line = lines[index] ?? '';
      if (line.startsWith(containerIndent) && /^\s*};\s*$/.test(line) && line.length - line.trimStart().length === containerIndent.length) break;
      if (new RegExp(`^\\s*"?${key}"? = \\($`).test(line)) {
        open = index;
        break;
      }
    }
    if (open === -1) return undefined;
    let close = -1;
    let afterLine = -1;
    for (let index = open + 1; index < lines.length; index++) {
      const line = lines[index] ?? '';
      if (/^\s*\);\s*$/.test(line)) {
        close = index;
        break;
      }
      if (isAfter(line)) afterLine = index;
    }
    if (close === -1) return undefined;
    const keyIndent = /^(\s*)/.exec(lines[open] ?? '')?.[1] ?? '';
    const indent = afterLine !== -1 ? (/^(\s*)/.exec(lines[afterLine] ?? '')?.[1] ?? '') : `${keyIndent}\t`;
    lines.splice(afterLine !== -1 ? afterLine + 1 : close, 0, `${indent}${text}`);
  }
  return lines.join(eol);
}

/** A string as the pbxproj writer writes it: bare when it is made of word characters, `$`, `/`, `:` and `.`, else quoted. */
function plistString(value: string): string {
  const escaped = value
    .replace(/[\\"]/g, (char) => `\\${char}`)
    .replace(/\n/g, '\\n')
    .replace(/\t/g, '\\t');
  return /^[\w$/:.]+$/.test(escaped) ? escaped : `"${escaped}"`;
}
