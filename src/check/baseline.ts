import { createRequire } from 'node:module';
import { compiledValidator } from '../validation/compiled-validator.js';
import type { ValidateFunction } from 'ajv';
import type { Diagnostic } from '../diagnostics/diagnostic.js';

/** `.amplify-outputs-migrate.json`: accepted findings, and the options a project always uses (schemas/baseline.schema.json). */
export interface Baseline {
  $schema?: string;
  options?: {
    platform?: 'web' | 'ios' | 'android' | 'flutter';
    api?: string;
    select?: Record<string, string>;
    outputsVersion?: string;
    failOn?: 'error' | 'warning' | 'info';
  };
  accepted?: { code: string; file?: string; pointer: string; note?: string }[];
}

export const BASELINE_FILE = '.amplify-outputs-migrate.json';

const load = createRequire(import.meta.url);
let validator: ValidateFunction | undefined;

/** Parses and validates a baseline; returns the problems when it is not one. */
export function parseBaseline(text: string): { baseline: Baseline } | { problems: string[] } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { problems: [`not valid JSON (${error instanceof Error ? error.message : String(error)})`] };
  }
  validator ??= compiledValidator('baseline', () => load('../../schemas/baseline.schema.json') as object);
  if (!validator(value)) return { problems: (validator.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? 'is invalid'}`) };
  return { baseline: value as Baseline };
}

/** Whether a finding is one the baseline accepts (same code, pointer and, when recorded, file). */
export function isAccepted(diagnostic: Diagnostic, baseline: Baseline | undefined): boolean {
  return (baseline?.accepted ?? []).some(
    (entry) =>
      entry.code === diagnostic.code && entry.pointer === diagnostic.source.pointer && (entry.file === undefined || entry.file === diagnostic.source.file),
  );
}

/** A baseline accepting these findings, keeping the options (and notes) of the previous one. */
export function baselineFrom(diagnostics: readonly Diagnostic[], previous: Baseline | undefined): Baseline {
  const accepted = diagnostics.map((diagnostic) => {
    const entry: NonNullable<Baseline['accepted']>[number] = {
      code: diagnostic.code,
      ...(diagnostic.source.file !== undefined ? { file: diagnostic.source.file } : {}),
      pointer: diagnostic.source.pointer,
    };
    const note = previous?.accepted?.find((old) => old.code === entry.code && old.pointer === entry.pointer && old.file === entry.file)?.note;
    if (note !== undefined) entry.note = note;
    return entry;
  });
  const seen = new Set<string>();
  const unique = accepted.filter((entry) => {
    const key = JSON.stringify(entry);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { ...(previous?.options ? { options: previous.options } : {}), accepted: unique };
}
