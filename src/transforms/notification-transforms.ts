import type { Transform } from './transform-context.js';

/**
 * Gen1 web files have one `Push` entry for APNS and FCM alike. With a known platform the matching channel is
 * written; otherwise both, with a notice.
 */
export const pushChannels: Transform = (_value, ctx) => {
  const platform = ctx.settings.platform;
  if (platform === 'ios') return ['APNS'];
  if (platform === 'android') return ['FCM'];
  ctx.note('PUSH_CHANNEL_AMBIGUOUS', {
    message:
      platform === 'flutter'
        ? 'The push notifications settings of a Flutter app serve APNS (iOS) and FCM (Android); both channels were written.'
        : 'The push notifications settings do not say whether they serve APNS (iOS) or FCM (Android); both channels were written.',
    resolution: 'Pass --platform ios or --platform android to write only the channel of your app.',
    target: ctx.target,
  });
  return ['APNS', 'FCM'];
};
