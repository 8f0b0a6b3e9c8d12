import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { targetsLackingOutputs, xcodeMembership, xcodeMembershipDiagnostics } from '../src/app/xcode-membership.js';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/xcode');
const pbxproj = (name: string): string => readFileSync(path.join(FIXTURES, `${name}.pbxproj`), 'utf8');

const APP_TARGETS = [
  { name: 'Notes', productType: 'com.apple.product-type.application', isApplication: true },
  { name: 'NotesTests', productType: 'com.apple.product-type.bundle.unit-test', isApplication: false },
];
const ABSENT = { referenced: false, targets: [], synchronized: [] };

describe('xcodeMembership', () => {
  it('a SwiftUI app with the Gen1 file in its target: amplify_outputs.json must join it', () => {
    const membership = xcodeMembership(pbxproj('gen1'));
    expect(membership).toEqual({ targets: APP_TARGETS, gen1: { referenced: true, targets: ['Notes'], synchronized: [] }, outputs: ABSENT });
    expect(targetsLackingOutputs(membership)).toEqual(['Notes']);
    const [finding] = xcodeMembershipDiagnostics(membership, 'Notes.xcodeproj/project.pbxproj');
    expect(finding).toMatchObject({
      code: 'NOT_IN_XCODE_TARGET',
      severity: 'warning',
      source: { file: 'Notes.xcodeproj/project.pbxproj', pointer: '' },
      message: expect.stringContaining('amplifyconfiguration.json is a member of Notes, but amplify_outputs.json is not in the project'),
    });
    expect(finding!.resolution).toBe(
      'In Xcode, select amplify_outputs.json, File Inspector, Target Membership: tick Notes. (Add it to the project first: File > Add Files to the project, with those targets ticked.)',
    );
  });

  it('both files in the app target: nothing to do', () => {
    const membership = xcodeMembership(pbxproj('both'));
    expect(membership.gen1).toEqual({ referenced: true, targets: ['Notes'], synchronized: [] });
    expect(membership.outputs).toEqual({ referenced: true, targets: ['Notes'], synchronized: [] });
    expect(xcodeMembershipDiagnostics(membership, 'project.pbxproj')).toEqual([]);
  });

  it('amplify_outputs.json in the project but in no target: the step names the target', () => {
    const membership = xcodeMembership(pbxproj('outputs-not-member'));
    expect(membership.outputs).toEqual({ referenced: true, targets: [], synchronized: [] });
    const [finding] = xcodeMembershipDiagnostics(membership, 'project.pbxproj');
    expect(finding!.resolution).toBe('In Xcode, select amplify_outputs.json, File Inspector, Target Membership: tick Notes.');
  });

  it('neither file: the app targets are the ones to join', () => {
    const membership = xcodeMembership(pbxproj('none'));
    expect(membership).toEqual({ targets: APP_TARGETS, gen1: ABSENT, outputs: ABSENT });
    expect(targetsLackingOutputs(membership)).toEqual(['Notes']);
    expect(xcodeMembershipDiagnostics(membership, 'project.pbxproj')[0]!.message).toContain('not a member of the app target Notes');
  });

  it('an Xcode 16 synchronized folder: its targets take the file unless they except it', () => {
    const membership = xcodeMembership(pbxproj('synchronized'));
    expect(membership.targets.map((target) => [target.name, target.isApplication])).toEqual([
      ['Notes', true],
      ['NotesWidget', false],
    ]);
    expect(membership.outputs).toEqual({
      referenced: false,
      targets: [],
      synchronized: [{ folder: 'Notes', targets: ['Notes', 'NotesWidget'], excludedFrom: ['NotesWidget'] }],
    });
    expect(membership.gen1.synchronized).toEqual([{ folder: 'Notes', targets: ['Notes', 'NotesWidget'], excludedFrom: ['NotesWidget'] }]);
    // Placed in the folder, the file is in the app target; elsewhere, it is in none.
    expect(targetsLackingOutputs(membership, 'Notes/amplify_outputs.json')).toEqual([]);
    expect(targetsLackingOutputs(membership, 'amplify_outputs.json')).toEqual(['Notes']);
    expect(targetsLackingOutputs(membership)).toEqual(['Notes']);
  });

  it('names every target the Gen1 file belongs to', () => {
    const text = pbxproj('gen1').replace(
      'A50000000000000000000004 /* Resources */ = {\n\t\t\tisa = PBXResourcesBuildPhase;\n\t\t\tbuildActionMask = 2147483647;\n\t\t\tfiles = (\n',
      'A50000000000000000000004 /* Resources */ = {\n\t\t\tisa = PBXResourcesBuildPhase;\n\t\t\tbuildActionMask = 2147483647;\n\t\t\tfiles = (\n\t\t\t\tA10000000000000000000004 /* amplifyconfiguration.json in Resources */,\n',
    );
    expect(text).not.toBe(pbxproj('gen1'));
    const membership = xcodeMembership(text);
    expect(membership.gen1.targets).toEqual(['Notes', 'NotesTests']);
    expect(xcodeMembershipDiagnostics(membership, 'project.pbxproj')[0]!.resolution).toContain('tick Notes and NotesTests.');
  });

  it('refuses a text that is not a project', () => {
    expect(() => xcodeMembership('{ objects = {')).toThrow(/Not a readable project.pbxproj/);
    expect(() => xcodeMembership('{ objects = {}; }')).toThrow(/no PBXProject/);
  });
});
