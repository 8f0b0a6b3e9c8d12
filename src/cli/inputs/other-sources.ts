import path from 'node:path';
import { staleSourceDiagnostics, type OtherSource } from '../../check/stale-sources.js';
import type { ConvertOptions, ConvertResult } from '../../convert.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { CLIENT_FILE_PLACES, PROJECT_FILE_PLACES } from '../../formats/index.js';
import type { Terminal } from '../output/terminal.js';
import { listedPlaces } from './folder-names.js';
import { readExisting } from './read-input.js';
import type { ResolvedSource } from './resolve-source.js';

/**
 * The app's other Gen1 sources compared with the one converted, on the fields that name the backend
 * (`SOURCES_DISAGREE`), as `convert` and `check` both say: its other client files at the usual places, and, when the
 * conversion did not read the project's amplify-meta.json itself, the project's copies of it.
 */
export function staleSources(
  source: ResolvedSource,
  result: ConvertResult,
  settings: Pick<ConvertOptions, 'platform' | 'api'>,
  terminal: Terminal,
): Diagnostic[] {
  return staleSourceDiagnostics({ display: source.display, outputs: result.outputs }, otherSources(source, terminal), settings);
}

function otherSources(source: ResolvedSource, terminal: Terminal): OtherSource[] {
  const { app } = source;
  const places = listedPlaces(app.root, CLIENT_FILE_PLACES).map((place) => path.join(app.root, place));
  // A client file converted with the project's meta file was compared with it already (see ConvertOptions.projectFiles).
  if (app.projectFolder !== undefined && source.projectMeta === undefined) {
    places.push(...listedPlaces(app.projectFolder, PROJECT_FILE_PLACES).map((place) => path.join(app.projectFolder!, place)));
  }
  const others: OtherSource[] = [];
  for (const file of new Set(places)) {
    const display = path.relative(terminal.cwd, file) || file;
    if (display === source.display) continue;
    const existing = readExisting(file);
    if (existing.kind === 'file') others.push({ display, text: existing.text });
  }
  return others;
}
