import { readDart } from '../readers/read-dart.js';
import type { FormatDescriptor } from './format-descriptor.js';

/** amplifyconfiguration.dart of Flutter apps: the mobile configuration in a Dart string constant. */
export const amplifyconfigurationDart: FormatDescriptor<'amplifyconfiguration-dart'> = {
  id: 'amplifyconfiguration-dart',
  table: 'amplifyconfiguration-mobile',
  read: readDart,
  fileNames: ['amplifyconfiguration.dart'],
  usualPlaces: ['lib/amplifyconfiguration.dart'],
  defaultFileName: 'amplifyconfiguration.dart',
  // A Flutter app is built for iOS and Android alike.
  platform: 'flutter',
};
