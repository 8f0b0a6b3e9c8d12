import { readFileSync } from 'node:fs';
import path from 'node:path';
import { build, parse } from '@bacons/xcode/json';
import { diffLines } from 'diff';
import { describe, expect, it } from 'vitest';
import { xcodeMembership } from '../src/app/xcode-membership.js';
import { addOutputsToXcodeProject } from '../src/migrate/xcode-outputs.js';

const SWIFTUI = readFileSync(path.resolve(import.meta.dirname, '../fixtures/migrate-gate/ios-swiftui/Notes.xcodeproj/project.pbxproj'), 'utf8');
const XCODE = path.resolve(import.meta.dirname, '../fixtures/xcode');
const pbxproj = (name: string): string => readFileSync(path.join(XCODE, `${name}.pbxproj`), 'utf8');
const OPTIONS = { projectPath: 'Notes.xcodeproj', gen1Path: 'Notes/amplifyconfiguration.json', outputsPath: 'Notes/amplify_outputs.json' };

/** The lines a change adds and removes. */
function lineChanges(before: string, after: string): { added: string[]; removed: string[] } {
  const added: string[] = [];
  const removed: string[] = [];
  for (const part of diffLines(before, after)) {
    const lines = part.value.split(/\r?\n/).filter((line) => line !== '');
    if (part.added) added.push(...lines);
    if (part.removed) removed.push(...lines);
  }
  return { added, removed };
}

type PbxObject = Record<string, unknown>;
const objectsOf = (text: string) => (parse(text) as unknown as { objects: Record<string, PbxObject> }).objects;

describe('addOutputsToXcodeProject', () => {
  it('a SwiftUI project: amplify_outputs.json joins the group and every target of the Gen1 file, and nothing else changes', () => {
    const { text, diagnostics } = addOutputsToXcodeProject(SWIFTUI, OPTIONS);
    // The library reads the result, and the file is a member of the same targets as the Gen1 file.
    const membership = xcodeMembership(text);
    expect(membership.gen1.targets).toEqual(['Notes', 'Notes Dev']);
    expect(membership.outputs).toEqual({ referenced: true, targets: ['Notes', 'Notes Dev'], synchronized: [] });
    // One reference beside the Gen1 file, in its group, with its attributes.
    const objects = objectsOf(text);
    const [outputsId, reference] = Object.entries(objects).find(([, object]) => object.path === 'amplify_outputs.json') ?? [];
    expect(reference).toEqual({
      isa: 'PBXFileReference',
      fileEncoding: 4,
      lastKnownFileType: 'text.json',
      path: 'amplify_outputs.json',
      sourceTree: '<group>',
    });
    expect(objects['5E1A2B3A2B4D5E6F00A1B2C3']?.children).toEqual([
      '5E1A2B3B2B4D5E6F00A1B2C3',
      '5E1A2B3D2B4D5E6F00A1B2C3',
      '5E1A2B5F2B4D61A000A1B2C3',
      outputsId,
      '5E1A2B5E2B4D61A000A1B2C3',
      '5E1A2B3F2B4D5E6F00A1B2C3',
      '5E1A2B412B4D5E6F00A1B2C3',
    ]);
    // Only added lines: the reference, two build files, the group entry and one entry per resources phase.
    const { added, removed } = lineChanges(SWIFTUI, text);
    expect(removed).toEqual([]);
    expect(added).toHaveLength(6);
    expect(added.filter((line) => line.includes('amplify_outputs.json in Resources */ = {isa = PBXBuildFile;'))).toHaveLength(2);
    expect(added.filter((line) => /^\t{4}[0-9A-F]{24} \/\* amplify_outputs\.json in Resources \*\/,$/.test(line))).toHaveLength(2);
    expect(added).toContain(`\t\t\t\t${outputsId} /* amplify_outputs.json */,`);
    expect(added).toContain(
      `\t\t${outputsId} /* amplify_outputs.json */ = {isa = PBXFileReference; fileEncoding = 4; lastKnownFileType = text.json; path = amplify_outputs.json; sourceTree = "<group>"; };`,
    );
    // Each entry follows the Gen1 file's; each object is in its section in ID order.
    const lines = text.split('\n');
    expect(lines[lines.indexOf(`\t\t\t\t${outputsId} /* amplify_outputs.json */,`) - 1]).toBe(
      '\t\t\t\t5E1A2B5F2B4D61A000A1B2C3 /* amplifyconfiguration.json */,',
    );
    for (const section of ['PBXBuildFile', 'PBXFileReference']) {
      const sectionIds = lines
        .slice(lines.indexOf(`/* Begin ${section} section */`) + 1, lines.indexOf(`/* End ${section} section */`))
        .map((line) => line.trim().slice(0, 24));
      expect(sectionIds).toEqual([...sectionIds].sort());
    }
    expect(diagnostics).toEqual([
      expect.objectContaining({
        code: 'XCODE_OUTPUTS_ADDED',
        severity: 'info',
        source: { file: 'Notes.xcodeproj/project.pbxproj', pointer: '' },
        message:
          'amplify_outputs.json was added to the group Notes, beside amplifyconfiguration.json, and made a resource of Notes and Notes Dev, the targets of amplifyconfiguration.json.',
      }),
    ]);
  });

  it('a second run changes nothing and finds nothing to do', () => {
    const once = addOutputsToXcodeProject(SWIFTUI, OPTIONS).text;
    const twice = addOutputsToXcodeProject(once, OPTIONS);
    expect(twice.text).toBe(once);
    expect(twice.diagnostics).toEqual([]);
  });

  it('the same result as the library writer gives for the whole project, where the original is in its layout', () => {
    const { text } = addOutputsToXcodeProject(SWIFTUI, OPTIONS);
    // The fixture is in the writer's own layout (which is Xcode's), so writing the whole project again gives the same text.
    expect(build(parse(text))).toBe(text);
  });

  it('keeps the bytes the writer would write otherwise: comments, CRLF line ends', () => {
    // Xcode 16 comments some objects in words the writer does not use; the edit keeps them.
    const commented = SWIFTUI.replaceAll('/* Build configuration list for PBXNativeTarget "Notes Dev" */', '/* Build configuration list for the dev app */');
    expect(build(parse(commented))).not.toBe(commented);
    const { text } = addOutputsToXcodeProject(commented, OPTIONS);
    expect(lineChanges(commented, text)).toMatchObject({ removed: [] });
    expect(lineChanges(commented, text).added).toHaveLength(6);
    const crlf = SWIFTUI.replaceAll('\n', '\r\n');
    const edited = addOutputsToXcodeProject(crlf, OPTIONS).text;
    expect(edited.replaceAll('\r\n', '')).not.toContain('\n');
    expect(lineChanges(crlf, edited).added).toHaveLength(6);
  });

  it('a reference already in the project gets the missing build files only', () => {
    const before = pbxproj('outputs-not-member');
    const { text, diagnostics } = addOutputsToXcodeProject(before, OPTIONS);
    expect(xcodeMembership(text).outputs.targets).toEqual(['Notes']);
    expect(lineChanges(before, text)).toMatchObject({ removed: [] });
    expect(lineChanges(before, text).added).toHaveLength(2);
    expect(diagnostics.map((diagnostic) => diagnostic.message)).toEqual([
      'amplify_outputs.json was made a resource of Notes, the targets of amplifyconfiguration.json.',
    ]);
  });

  it('nothing to add: a project that has both, one without the Gen1 file, an Xcode 16 synchronized folder', () => {
    expect(addOutputsToXcodeProject(pbxproj('both'), OPTIONS)).toEqual({ text: pbxproj('both'), diagnostics: [] });
    const none = addOutputsToXcodeProject(pbxproj('none'), OPTIONS);
    expect(none.text).toBe(pbxproj('none'));
    expect(none.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['NOT_IN_XCODE_TARGET']);
    // A synchronized folder takes the file from disk: nothing to write, and the file placed in it is a member.
    const synchronized = addOutputsToXcodeProject(pbxproj('synchronized'), {
      ...OPTIONS,
      gen1Path: 'Notes/Config/amplifyconfiguration.json',
      outputsPath: 'Notes/amplify_outputs.json',
    });
    expect(synchronized.text).toBe(pbxproj('synchronized'));
  });

  it('an Xcode 16 synchronized folder: amplify_outputs.json follows the exceptions of the Gen1 file beside it', () => {
    const before = pbxproj('synchronized');
    const options = { ...OPTIONS, gen1Path: 'Notes/Config/amplifyconfiguration.json', outputsPath: 'Notes/Config/amplify_outputs.json' };
    const { text, diagnostics } = addOutputsToXcodeProject(before, options);
    expect(lineChanges(before, text)).toEqual({ added: ['\t\t\t\tConfig/amplify_outputs.json,'], removed: [] });
    expect(objectsOf(text).B90000000000000000000001?.membershipExceptions).toEqual([
      'amplify_outputs.json',
      'Config/amplifyconfiguration.json',
      'Config/amplify_outputs.json',
    ]);
    expect(diagnostics.map((diagnostic) => diagnostic.message)).toEqual([
      'amplify_outputs.json was added to the membership exceptions of NotesWidget in the synchronized folder, beside amplifyconfiguration.json, so that it belongs to the same targets.',
    ]);
    expect(addOutputsToXcodeProject(text, options)).toEqual({ text, diagnostics: [] });
  });

  it('an outputs file in another folder than the Gen1 file: a reference by its relative path, named', () => {
    const { text } = addOutputsToXcodeProject(SWIFTUI, { ...OPTIONS, outputsPath: 'Config/amplify_outputs.json' });
    const reference = Object.values(objectsOf(text)).find((object) => object.name === 'amplify_outputs.json');
    expect(reference).toMatchObject({ path: '../Config/amplify_outputs.json', name: 'amplify_outputs.json', sourceTree: '<group>' });
  });

  it('the Gen1 file the options name, among several', () => {
    // A second amplifyconfiguration.json (another environment's) in the NotesTests group, in no target.
    const two = SWIFTUI.replace(
      '\t\t\t\t5E1A2B4C2B4D5E6F00A1B2C3 /* NotesTests.swift */,\n',
      '\t\t\t\t5E1A2B4C2B4D5E6F00A1B2C3 /* NotesTests.swift */,\n\t\t\t\t5E1A2B902B4D5E6F00A1B2C3 /* amplifyconfiguration.json */,\n',
    ).replace(
      '/* End PBXFileReference section */',
      '\t\t5E1A2B902B4D5E6F00A1B2C3 /* amplifyconfiguration.json */ = {isa = PBXFileReference; lastKnownFileType = text.json; path = amplifyconfiguration.json; sourceTree = "<group>"; };\n/* End PBXFileReference section */',
    );
    const { text } = addOutputsToXcodeProject(two, OPTIONS);
    expect(xcodeMembership(text).outputs.targets).toEqual(['Notes', 'Notes Dev']);
    const tests = addOutputsToXcodeProject(two, {
      ...OPTIONS,
      gen1Path: 'NotesTests/amplifyconfiguration.json',
      outputsPath: 'NotesTests/amplify_outputs.json',
    });
    expect(objectsOf(tests.text)['5E1A2B4B2B4D5E6F00A1B2C3']?.children).toHaveLength(3);
    expect(tests.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['XCODE_OUTPUTS_ADDED', 'NOT_IN_XCODE_TARGET']);
  });

  it('a text that is not a project is left as it is, and said', () => {
    const result = addOutputsToXcodeProject('not a project {', OPTIONS);
    expect(result.text).toBe('not a project {');
    expect(result.diagnostics[0]).toMatchObject({ code: 'NOT_IN_XCODE_TARGET', source: { file: 'Notes.xcodeproj/project.pbxproj' } });
  });
});
