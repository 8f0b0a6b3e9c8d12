import { readConfigSource } from '../readers/read-config-source.js';
import type { FormatDescriptor } from './format-descriptor.js';

/**
 * A configuration written by hand in the shape of amplify-js v5 and older: a block per category (`Auth`, `API`, `Storage`, ...), no aws_* keys.
 * Apps commit such files as their aws-exports.js (or a config.js, config.ts: any name, the content decides); they
 * are read as JavaScript, TypeScript or JSON, never run.
 */
export const amplifyJsV5: FormatDescriptor<'amplify-js-v5'> = {
  id: 'amplify-js-v5',
  table: 'amplify-js-v5',
  read: readConfigSource,
  fileNames: ['aws-exports.js', 'aws-exports.ts'],
  // Hand-written files have no usual place of their own: the aws-exports places are searched, and the content decides.
  usualPlaces: [],
  defaultFileName: 'aws-exports.js',
};
