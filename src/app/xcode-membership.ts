import { parse } from '@bacons/xcode/json';
import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';

/** The configuration file the Gen1 CLI adds to an iOS app, and the one amplify-swift reads from the app bundle. */
export const GEN1_IOS_FILE = 'amplifyconfiguration.json';
export const OUTPUTS_IOS_FILE = 'amplify_outputs.json';

/** A target of the project, in the order the project lists them. */
export interface XcodeTarget {
  name: string;
  /** `com.apple.product-type.application`, `...bundle.unit-test`, ...; empty for targets that name none. */
  productType: string;
  /** Whether the target builds an app (iOS, macOS, watchOS, App Clip...): the bundle amplify-swift reads from. */
  isApplication: boolean;
}

/**
 * An Xcode 16 synchronized folder (`PBXFileSystemSynchronizedRootGroup`): every file on disk under `folder` is a
 * member of `targets` except where the project lists it as an exception. Whether the file is there is for the file
 * system to say; the project only names the folder.
 */
export interface SynchronizedFolder {
  /** The folder's path as the project writes it (relative to its parent group, usually the project's folder). */
  folder: string;
  /** The targets that take the folder's files. */
  targets: string[];
  /** Of those, the targets that except a file of this name (at any depth of the folder) from membership. */
  excludedFrom: string[];
}

/** Where the project has one file name. */
export interface XcodeFileMembership {
  /** Whether a file reference of this name (its own name, any folder) is in the project. */
  referenced: boolean;
  /** The targets whose Copy Bundle Resources phase holds the file, in the project's target order. */
  targets: string[];
  /** The synchronized folders (Xcode 16) that would carry a file of this name placed in them. */
  synchronized: SynchronizedFolder[];
}

/** What `xcodeMembership` tells of a project. */
export interface XcodeMembership {
  targets: XcodeTarget[];
  /** amplifyconfiguration.json, the Gen1 file. */
  gen1: XcodeFileMembership;
  /** amplify_outputs.json, the Gen2 file. */
  outputs: XcodeFileMembership;
}

type PbxObject = Record<string, unknown> & { isa?: string };

/**
 * Tells, from the text of an Xcode project (`<App>.xcodeproj/project.pbxproj`), whether `amplifyconfiguration.json`
 * and `amplify_outputs.json` are in the project and in which targets' resources (the Copy Bundle Resources build
 * phase, what puts a file in the app bundle, where amplify-swift looks for `amplify_outputs.json`).
 *
 * Contract: pure (no file system); a file is matched by its own name, whatever its folder or group; a target counts
 * once however many resource phases it has; targets are in the order of the project's `targets` list. Files of
 * Xcode 16 synchronized folders are not listed in the project: such folders are returned in `synchronized`, with the
 * targets that would take a file of that name. A text that is not a readable project throws an `Error` saying so.
 */
export function xcodeMembership(pbxprojText: string): XcodeMembership {
  let objects: Record<string, PbxObject>;
  let rootObject: unknown;
  try {
    const project = parse(pbxprojText) as unknown as { objects?: Record<string, PbxObject>; rootObject?: unknown };
    objects = project.objects ?? {};
    rootObject = project.rootObject;
  } catch (error) {
    throw new Error(`Not a readable project.pbxproj: ${error instanceof Error ? error.message : String(error)}`);
  }
  const root = typeof rootObject === 'string' ? objects[rootObject] : undefined;
  if (root?.isa !== 'PBXProject') throw new Error('Not a readable project.pbxproj: it names no PBXProject as its root object.');

  const object = (id: unknown): PbxObject | undefined => (typeof id === 'string' ? objects[id] : undefined);
  const ids = (value: unknown): string[] => (Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : []);
  const nativeTargets = ids(root.targets)
    .map((id) => object(id))
    .filter((target): target is PbxObject => target !== undefined && typeof target.isa === 'string' && target.isa.endsWith('Target'));
  const targetName = (target: PbxObject | undefined): string => (typeof target?.name === 'string' ? target.name : String(target?.productName ?? ''));

  const membership = (fileName: string): XcodeFileMembership => {
    const references = new Set(
      Object.entries(objects)
        .filter(([, entry]) => entry.isa === 'PBXFileReference' && baseName(entry) === fileName)
        .map(([id]) => id),
    );
    const targets = nativeTargets
      .filter((target) =>
        ids(target.buildPhases)
          .map((id) => object(id))
          .some((phase) => phase?.isa === 'PBXResourcesBuildPhase' && ids(phase.files).some((buildFile) => references.has(String(object(buildFile)?.fileRef)))),
      )
      .map(targetName);
    const synchronized: SynchronizedFolder[] = [];
    for (const [id, group] of Object.entries(objects)) {
      if (group.isa !== 'PBXFileSystemSynchronizedRootGroup') continue;
      const taking = nativeTargets.filter((target) => ids(target.fileSystemSynchronizedGroups).includes(id));
      if (taking.length === 0) continue;
      const excludedFrom = ids(group.exceptions)
        .map((exceptionId) => object(exceptionId))
        .filter((exception) => ids(exception?.membershipExceptions).some((path) => path === fileName || path.endsWith(`/${fileName}`)))
        .map((exception) => targetName(object(exception?.target)))
        .filter((name) => name !== '');
      synchronized.push({
        folder: String(group.path ?? group.name ?? ''),
        targets: taking.map(targetName),
        excludedFrom: [...new Set(excludedFrom)],
      });
    }
    return { referenced: references.size > 0, targets, synchronized };
  };

  return {
    targets: nativeTargets.map((target) => {
      const productType = typeof target.productType === 'string' ? target.productType : '';
      return { name: targetName(target), productType, isApplication: productType.startsWith('com.apple.product-type.application') };
    }),
    gen1: membership(GEN1_IOS_FILE),
    outputs: membership(OUTPUTS_IOS_FILE),
  };
}

/** A file reference's own name: `name`, else the last part of `path`. */
function baseName(reference: PbxObject): string {
  const name = typeof reference.name === 'string' ? reference.name : typeof reference.path === 'string' ? reference.path : '';
  return name.slice(name.lastIndexOf('/') + 1);
}

/**
 * The targets amplify_outputs.json must be a member of and is not: those amplifyconfiguration.json is a member of
 * (or, when it is in none, the app targets), less those whose resources hold amplify_outputs.json. `outputsPath`:
 * where amplify_outputs.json is, relative to the folder that holds the .xcodeproj, when it is known; a file in a
 * synchronized folder is a member of that folder's targets (less their exceptions).
 */
export function targetsLackingOutputs(membership: XcodeMembership, outputsPath?: string): string[] {
  const wanted =
    membership.gen1.targets.length > 0 ? membership.gen1.targets : membership.targets.filter((target) => target.isApplication).map((target) => target.name);
  const members = new Set(membership.outputs.targets);
  if (outputsPath !== undefined) {
    const normalized = outputsPath.replace(/^\.\//, '');
    for (const folder of membership.outputs.synchronized) {
      if (!normalized.startsWith(`${folder.folder.replace(/\/$/, '')}/`)) continue;
      for (const target of folder.targets) if (!folder.excludedFrom.includes(target)) members.add(target);
    }
  }
  return wanted.filter((target) => !members.has(target));
}

/**
 * The finding (`NOT_IN_XCODE_TARGET`) when amplify_outputs.json is not in every target it must be in (see
 * `targetsLackingOutputs`), at the project file `pbxprojFile`; none when it is.
 */
export function xcodeMembershipDiagnostics(membership: XcodeMembership, pbxprojFile: string, outputsPath?: string): Diagnostic[] {
  const lacking = targetsLackingOutputs(membership, outputsPath);
  if (lacking.length === 0) return [];
  const names = listOf(lacking);
  const why =
    membership.gen1.targets.length > 0
      ? `${GEN1_IOS_FILE} is a member of ${names}, but ${OUTPUTS_IOS_FILE} is ${membership.outputs.referenced ? 'not' : 'not in the project at all'}`
      : `${OUTPUTS_IOS_FILE} is ${membership.outputs.referenced ? 'not a member of' : 'not in the project, so not a member of'} the app target ${names}`;
  return [
    createDiagnostic('NOT_IN_XCODE_TARGET', {
      category: 'outputs',
      message: `${why}: amplify-swift reads it from the app bundle, and fails to configure without it.`,
      resolution: `In Xcode, select ${OUTPUTS_IOS_FILE}, File Inspector, Target Membership: tick ${names}.${
        membership.outputs.referenced ? '' : ` (Add it to the project first: File > Add Files to the project, with those targets ticked.)`
      }`,
      source: { file: pbxprojFile, pointer: '' },
    }),
  ];
}

function listOf(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}
