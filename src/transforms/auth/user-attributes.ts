import { joinPointer } from '../../source/json-pointer.js';
import { isPlainObject } from '../../mapping/output-tree.js';
import { DROP_REASONS } from '../drop-reasons.js';
import { describeValue, invalid } from '../support/report-value.js';
import type { Transform } from '../transform-context.js';
import { STANDARD_ATTRIBUTES } from './attributes.js';

/**
 * amplify-js v6 `userAttributes: { email: { required: true }, ... }` becomes the list of standard attributes required
 * at sign-up. An attribute marked `required: false` is not required, which the list says by leaving it out.
 */
export const requiredUserAttributes: Transform = (value, ctx) => {
  if (!isPlainObject(value)) return invalid(ctx, 'an object of attributes, each { required: true or false }', value);
  const required: string[] = [];
  for (const [name, setting] of Object.entries(value)) {
    const pointer = joinPointer(ctx.pointer, name);
    if (!isPlainObject(setting) || typeof setting['required'] !== 'boolean' || Object.keys(setting).length !== 1) {
      invalid(ctx, 'an attribute setting of the form { required: true }', setting, pointer);
      continue;
    }
    if (!setting['required']) {
      ctx.drop(pointer, DROP_REASONS.switchedOff);
      continue;
    }
    if (!(STANDARD_ATTRIBUTES as readonly string[]).includes(name)) {
      ctx.report('UNKNOWN_FIELD', {
        pointer,
        message: `${describeValue(name)} is not a standard Cognito attribute, and auth.standard_required_attributes lists only those.`,
        resolution: 'Custom attributes are not listed in amplify_outputs.json; nothing is needed for sign-up to send them.',
        target: ctx.target,
      });
      continue;
    }
    required.push(name);
  }
  return required.length > 0 ? required : undefined;
};
