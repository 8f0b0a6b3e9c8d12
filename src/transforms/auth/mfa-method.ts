import { switchedOn } from '../switches.js';
import type { Transform } from '../transform-context.js';

/**
 * amplify-js v6 `mfa: { smsEnabled, totpEnabled }`: a method switched on joins auth.mfa_methods (options.value).
 * Without the status beside it (options.statusSource) amplify-js would not read the methods back, which a notice says.
 */
export const mfaMethod: Transform = (value, ctx) => {
  const methods = switchedOn(value, ctx);
  if (methods !== undefined && ctx.lookup(String(ctx.options['statusSource'])) === undefined) {
    ctx.note('MFA_STATUS_UNSTATED', { target: ctx.target });
  }
  return methods;
};
