import { convert, type ConvertOptions, type ConvertResult } from '../convert.js';
import { isOutputsVersion, type OutputsVersion } from '../outputs/versions.js';

/**
 * Converts a Gen1 source into the version asked for (`requested`), else the one the committed file declares, else
 * auto. A conversion into the version that auto picks is the auto conversion itself (a test holds them to that), so
 * the committed file is parsed for its version only when it is not what auto gives, and a second conversion runs
 * only when it declares another version. Throws what `convert` throws.
 */
export function convertAsCommitted(
  text: string,
  options: Omit<ConvertOptions, 'outputsVersion'>,
  requested: OutputsVersion | 'auto' | undefined,
  committed: string | undefined,
): ConvertResult {
  const convertInto = (outputsVersion: OutputsVersion | 'auto'): ConvertResult => convert(text, { ...options, outputsVersion });
  if (requested !== undefined || committed === undefined) return convertInto(requested ?? 'auto');
  const auto = convertInto('auto');
  const declared = auto.text === committed ? auto.version : declaredVersion(committed);
  return declared === undefined || declared === auto.version ? auto : convertInto(declared);
}

/** The version an amplify_outputs.json text declares, when it is one. */
export function declaredVersion(text: string): OutputsVersion | undefined {
  try {
    const version = (JSON.parse(text) as { version?: unknown }).version;
    return isOutputsVersion(version) ? version : undefined;
  } catch {
    return undefined;
  }
}
