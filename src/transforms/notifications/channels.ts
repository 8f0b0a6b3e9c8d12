import { parsePointer } from '../../source/json-pointer.js';
import { isPlainObject } from '../../mapping/output-tree.js';
import { DROP_REASONS } from '../drop-reasons.js';
import type { Transform } from '../transform-context.js';

/** Transforms for notifications: the channels. */

/** The user agents the Gen1 CLI writes into awsconfiguration.json, by platform. */
const USER_AGENT_PLATFORM: Record<string, 'ios' | 'android'> = {
  'aws-amplify/cli': 'ios',
  'aws-amplify-cli/0.1.0': 'android',
};

/**
 * Push notifications: APNS on iOS, FCM on Android. The platform comes from --platform; otherwise from the user
 * agent the Gen1 CLI wrote for the platform (reported as inferred); otherwise both channels, reported.
 */
export const pushChannels: Transform = (_value, ctx) => {
  const given = ctx.settings.platform;
  if (given === 'ios') return ['APNS'];
  if (given === 'android') return ['FCM'];
  const userAgentSource = ctx.options['userAgentSource'];
  const userAgent = typeof userAgentSource === 'string' ? ctx.lookup(userAgentSource) : undefined;
  const inferred = given === undefined && typeof userAgent === 'string' ? USER_AGENT_PLATFORM[userAgent] : undefined;
  if (inferred) {
    ctx.note('PUSH_CHANNEL_AMBIGUOUS', {
      message: `The file does not name its platform; its user agent "${String(userAgent)}" is the one the Gen1 CLI writes for ${inferred === 'ios' ? 'iOS, so APNS' : 'Android, so FCM'} was written.`,
      resolution: `Pass --platform ${inferred === 'ios' ? 'android' : 'ios'} if the file belongs to the other platform.`,
      target: ctx.target,
    });
    return inferred === 'ios' ? ['APNS'] : ['FCM'];
  }
  // A Flutter or React Native app is built for iOS and Android alike: both channels are right, and --platform, which
  // also decides where the file goes, is no advice for it.
  ctx.note('PUSH_CHANNEL_AMBIGUOUS', {
    message:
      given === 'flutter'
        ? 'The push notifications settings of a Flutter app serve APNS (iOS) and FCM (Android); both channels were written.'
        : 'The push notifications settings do not say whether they serve APNS (iOS) or FCM (Android); both channels were written.',
    resolution:
      given === 'flutter'
        ? 'No action is needed for an app built for iOS and Android. If it is built for one of them only, remove the other channel from notifications.channels.'
        : given === 'web'
          ? 'No action is needed for a React Native app built for iOS and Android (a web app does not use push notifications). If it is built for one of them only, remove the other channel from notifications.channels.'
          : 'Convert in the iOS or Android app (or pass --platform ios or --platform android) to write only the channel of your app.',
    target: ctx.target,
  });
  return ['APNS', 'FCM'];
};

const CHANNELS: Record<string, string> = { APNS: 'APNS', FCM: 'FCM', InAppMessaging: 'IN_APP_MESSAGING', Email: 'EMAIL', EMAIL: 'EMAIL', SMS: 'SMS' };

/** A notification channel that is enabled: `APNS`, `FCM`, `InAppMessaging`, `Email` or `SMS`. */
export const metaChannel: Transform = (value, ctx) => {
  const name = parsePointer(ctx.pointer).pop() ?? '';
  const channel = CHANNELS[name];
  if (!channel || !isPlainObject(value)) return undefined;
  if (value['Enabled'] !== true) {
    ctx.drop(ctx.pointer, DROP_REASONS.disabledChannel);
    return undefined;
  }
  return [channel];
};
