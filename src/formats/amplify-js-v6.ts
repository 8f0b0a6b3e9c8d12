import { readConfigSource } from '../readers/read-config-source.js';
import type { FormatDescriptor } from './format-descriptor.js';

/**
 * A configuration written by hand as the amplify-js v6 ResourcesConfig (`Auth: { Cognito }`, `API: { GraphQL }`, ...).
 * Apps commit such files as their aws-exports.js (or a config.js, config.ts: any name, the content decides); they
 * are read as JavaScript, TypeScript or JSON, never run.
 */
export const amplifyJsV6: FormatDescriptor<'amplify-js-v6'> = {
  id: 'amplify-js-v6',
  table: 'amplify-js-v6',
  read: readConfigSource,
  fileNames: ['aws-exports.js', 'aws-exports.ts'],
  // Hand-written files have no usual place of their own: the aws-exports places are searched, and the content decides.
  usualPlaces: [],
  defaultFileName: 'aws-exports.js',
};
