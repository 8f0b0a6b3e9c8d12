import { joinPointer } from '../source/json-pointer.js';
import { cloneJson, isPlainObject } from '../mapping/output-tree.js';
import type { Transform, TransformContext } from './transform-context.js';

/** General-purpose transforms: copies, strings, regions, booleans and lists. */

const REGION_PATTERN = /^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d$/;

export const copy: Transform = (value) => cloneJson(value);

/** A free-form JSON object (model introspection, custom outputs). */
export const jsonObject: Transform = (value, ctx) => {
  if (!isPlainObject(value)) return invalid(ctx, 'an object', value);
  return cloneJson(value);
};

export const string: Transform = (value, ctx) => {
  if (typeof value !== 'string') return invalid(ctx, 'a string', value);
  return value.trim() === value ? value : (note(ctx, 'surrounding spaces were removed'), value.trim());
};

export const constant: Transform = (_value, ctx) => cloneJson(ctx.options['value']);

/** An AWS region; `US_EAST_1` and `Regions.US_EAST_1` style enum names are turned into `us-east-1`. */
export const region: Transform = (value, ctx) => {
  if (typeof value !== 'string') return invalid(ctx, 'an AWS region', value);
  const trimmed = value.trim();
  if (REGION_PATTERN.test(trimmed)) return trimmed;
  const enumName = /^(?:Regions\.)?([A-Z]{2}(?:_GOV|_ISO[A-Z]*)?_[A-Z]+_\d)$/.exec(trimmed);
  if (enumName?.[1]) {
    const normalized = enumName[1].toLowerCase().replace(/_/g, '-');
    note(ctx, `the region enum name "${value}" was written as "${normalized}"`);
    return normalized;
  }
  return invalid(ctx, 'an AWS region such as us-east-1', value);
};

/** The region prefix of a Cognito user pool id (`us-east-1_AbCd` gives `us-east-1`). */
export const regionFromPoolId: Transform = (value) => {
  if (typeof value !== 'string') return undefined;
  const prefix = value.split('_')[0] ?? '';
  return REGION_PATTERN.test(prefix) ? prefix : undefined;
};

/** "true" / "false" (strings or booleans). */
export const booleanValue: Transform = (value, ctx) => {
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'false') return value === 'true';
  return invalid(ctx, 'true or false', value);
};

/** The inverse of a boolean ("mandatory sign-in" is "no guest access"). */
export const negatedBoolean: Transform = (value, ctx) => {
  const result = booleanValue(value, ctx);
  return typeof result === 'boolean' ? !result : undefined;
};

/** Gen1 `aws_mandatory_sign_in`: "enable" means no guest access; the Gen1 libraries read anything else as allowed. */
export const mandatorySignIn: Transform = (value, ctx) => {
  if (typeof value !== 'string') return invalid(ctx, '"enable" or "disable"', value);
  return value.trim().toLowerCase() !== 'enable';
};

/** A comma-joined string (or an array) of strings, as a list without blanks or repeats. */
export const splitList: Transform = (value, ctx) => {
  const parts = typeof value === 'string' ? value.split(',') : Array.isArray(value) ? value : undefined;
  if (!parts) return invalid(ctx, 'a comma-separated string or a list of strings', value);
  return cleanList(parts, ctx, typeof value === 'string' ? undefined : ctx.pointer);
};

/** A list of strings without blanks or repeats. */
export const stringList: Transform = (value, ctx) => {
  if (!Array.isArray(value)) return invalid(ctx, 'a list of strings', value);
  return cleanList(value, ctx, ctx.pointer);
};

function cleanList(parts: unknown[], ctx: TransformContext, itemPointerBase: string | undefined): string[] | undefined {
  const result: string[] = [];
  let changed = false;
  parts.forEach((part, index) => {
    if (part === undefined) return;
    if (typeof part !== 'string') {
      ctx.report('INVALID_VALUE', {
        pointer: itemPointerBase === undefined ? ctx.pointer : joinPointer(itemPointerBase, index),
        message: `Expected a string, found ${describeValue(part)}.`,
        resolution: 'Remove the entry or write it as a string.',
      });
      return;
    }
    const trimmed = part.trim();
    if (trimmed !== part || trimmed === '' || result.includes(trimmed)) changed = true;
    if (trimmed !== '' && !result.includes(trimmed)) result.push(trimmed);
  });
  if (changed) note(ctx, 'blank entries, surrounding spaces or repeated entries were removed');
  return result.length > 0 ? result : undefined;
}

function note(ctx: TransformContext, what: string): void {
  ctx.note('VALUE_NORMALIZED', { message: `The value was cleaned up: ${what}.`, target: ctx.target });
}

/** Reports the value as invalid for its field; returns undefined so nothing is written. */
export function invalid(ctx: TransformContext, expected: string, value: unknown, pointer?: string): undefined {
  ctx.report('INVALID_VALUE', {
    pointer: pointer ?? ctx.pointer,
    message: `Expected ${expected}, found ${describeValue(value)}.`,
    resolution: 'Correct the value in the Gen1 file (or regenerate it with the Amplify CLI) and convert again.',
    target: ctx.target,
  });
  return undefined;
}

export function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  if (value === undefined) return 'no value';
  return String(value);
}

/** Reports the keys of an object that a transform does not carry, so none of them is dropped silently. */
export function reportUnknownKeys(ctx: TransformContext, value: Record<string, unknown>, known: readonly string[], pointer = ctx.pointer): void {
  for (const key of Object.keys(value)) {
    if (known.includes(key)) continue;
    ctx.report('UNKNOWN_FIELD', {
      pointer: joinPointer(pointer, key),
      message: `"${key}" is not a field of this setting that amplify_outputs.json can carry.`,
      resolution: 'Remove it, or carry it yourself (for example in custom) if your code reads it.',
      target: ctx.target,
    });
  }
}
