import { joinPointer } from '../source/json-pointer.js';
import { cloneJson, isPlainObject } from '../mapping/output-tree.js';
import { describeValue, invalid } from './support/report-value.js';
import type { Transform, TransformContext } from './transform-context.js';

/** Transforms for a value of any target: copies, strings, regions, booleans and lists. */

/** An AWS region: us-east-1, us-gov-west-1, cn-north-1... */
export const REGION_PATTERN = /^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d$/;

/** The value as it is (the transform of a row that names none). */
export const copy: Transform = (value) => cloneJson(value);

/** A free-form JSON object (model introspection, custom outputs). */
export const jsonObject: Transform = (value, ctx) => {
  if (!isPlainObject(value)) return invalid(ctx, 'an object', value);
  return cloneJson(value);
};

export const string: Transform = (value, ctx) => {
  if (typeof value !== 'string') return invalid(ctx, 'a string', value);
  if (value.trim() === value) return value;
  note(ctx, 'surrounding spaces were removed');
  return value.trim();
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
