/** The amplify_outputs.json schema versions this package writes, lowest first. */
export const OUTPUTS_VERSIONS = ['1', '1.1', '1.2', '1.3', '1.4', '1.5'] as const;

export type OutputsVersion = (typeof OUTPUTS_VERSIONS)[number];

export function isOutputsVersion(value: unknown): value is OutputsVersion {
  return typeof value === 'string' && (OUTPUTS_VERSIONS as readonly string[]).includes(value);
}

export function compareVersions(a: OutputsVersion, b: OutputsVersion): number {
  return OUTPUTS_VERSIONS.indexOf(a) - OUTPUTS_VERSIONS.indexOf(b);
}

export function maxVersion(a: OutputsVersion, b: OutputsVersion): OutputsVersion {
  return compareVersions(a, b) >= 0 ? a : b;
}
