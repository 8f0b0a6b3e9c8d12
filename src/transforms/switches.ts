import { DROP_REASONS } from './drop-reasons.js';
import { invalid } from './support/report-value.js';
import type { Transform } from './transform-context.js';

/**
 * A switch of a hand-written configuration (`loginWith: { email: true }`, `mfa: { smsEnabled: true }`): `true` gives
 * the list `[options.value]`, to be merged with the other switches of the same list; `false` says the option is off,
 * which amplify_outputs.json says by leaving the value out of the list.
 */
export const switchedOn: Transform = (value, ctx) => {
  if (value === true) return [ctx.options['value']];
  if (value === false) {
    ctx.drop(ctx.pointer, DROP_REASONS.switchedOff);
    return undefined;
  }
  return invalid(ctx, 'true or false', value);
};
