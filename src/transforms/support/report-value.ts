import { joinPointer } from '../../source/json-pointer.js';
import type { TransformContext } from '../transform-context.js';

/** Findings that transforms of every target make about the values they are given. */

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

/** A value as a message shows it: a string quoted (and shortened), anything else by its kind. */
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
