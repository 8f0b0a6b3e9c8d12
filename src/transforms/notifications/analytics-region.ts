import { region } from '../general.js';
import { describeValue } from '../support/report-value.js';
import type { Transform } from '../transform-context.js';

/**
 * amplify-js v5 push notifications used the Pinpoint app of Analytics, and so its region, when the PushNotification
 * block named none: the region of Analytics fills in notifications.aws_region, with a notice that says so.
 */
export const analyticsRegion: Transform = (value, ctx) => {
  const result = region(value, ctx);
  if (result !== undefined) {
    ctx.note('REGION_FALLBACK', {
      message: `The notification settings name no region; ${describeValue(result)}, the region of the Analytics Pinpoint app, is used, as amplify-js v5 did.`,
      target: ctx.target,
    });
  }
  return result;
};
