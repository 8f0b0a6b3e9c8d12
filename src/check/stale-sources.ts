import { convert, type ConvertOptions, type ConvertResult } from '../convert.js';
import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { compareSources } from './compare-sources.js';

/** Another Gen1 source of the same project: its name (as messages show it) and its text. */
export interface OtherSource {
  display: string;
  text: string;
}

/**
 * The other Gen1 sources of the checked one's project, converted (with the settings that choose among what a file
 * holds: platform, API) and compared with it on the fields that name the backend: each disagreement is a stale
 * source (`SOURCES_DISAGREE`). A source that does not convert says nothing here.
 */
export function staleSourceDiagnostics(
  checked: { display: string; outputs: ConvertResult['outputs'] },
  others: readonly OtherSource[],
  settings: Pick<ConvertOptions, 'platform' | 'api'>,
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const { display, text } of others) {
    let other: ConvertResult;
    try {
      other = convert(text, { fileName: display, platform: settings.platform, api: settings.api });
    } catch {
      continue;
    }
    for (const disagreement of compareSources(checked.outputs as unknown as Record<string, unknown>, other.outputs as unknown as Record<string, unknown>)) {
      diagnostics.push(
        createDiagnostic('SOURCES_DISAGREE', {
          category: 'sources',
          message: `${checked.display} gives ${disagreement.pointer} = ${JSON.stringify(disagreement.left)}, but ${display} gives ${JSON.stringify(disagreement.right)}.`,
          resolution: `Find out which file describes the deployed backend (amplify pull regenerates the client files), and update or remove the stale one.`,
          source: { file: display, pointer: '' },
          target: disagreement.pointer,
        }),
      );
    }
  }
  return diagnostics;
}
