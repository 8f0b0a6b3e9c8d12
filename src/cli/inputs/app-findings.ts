import path from 'node:path';
import { xcodeMembership, xcodeMembershipDiagnostics } from '../../app/xcode-membership.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { AppModel } from './app-model.js';
import { namesIn } from './folder-names.js';
import { readExisting } from './read-input.js';

/**
 * What the app around the file says that the conversion cannot: for an iOS app, whether amplify_outputs.json is a
 * member of the targets of the Xcode projects at the app's root that hold the Gen1 file (or of their app targets). `shown` names files as
 * the report does; `output`, where the file goes (`-`: nowhere, so nothing to say).
 */
export function appFindings(app: AppModel, shown: (file: string) => string, output: string = app.output): Diagnostic[] {
  if (app.platform !== 'ios' || output === '-') return [];
  const findings: Diagnostic[] = [];
  for (const name of [...namesIn(app.root)].filter((entry) => entry.endsWith('.xcodeproj')).sort()) {
    const file = path.join(app.root, name, 'project.pbxproj');
    const project = readExisting(file);
    if (project.kind !== 'file') continue;
    try {
      const membership = xcodeMembership(project.text);
      const outputsPath = path.relative(app.root, output).split(path.sep).join('/');
      findings.push(...xcodeMembershipDiagnostics(membership, shown(file), outputsPath));
    } catch {
      // A project file that does not read as one says nothing here.
    }
  }
  return findings;
}
