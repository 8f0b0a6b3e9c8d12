import { readConfigSource } from '../readers/read-config-source.js';
import type { FormatDescriptor } from './format-descriptor.js';

/**
 * The Auth settings alone, as amplify-js v5 `Auth.configure` took them (`{ region, userPoolId, userPoolWebClientId }`).
 * Apps commit such files as their aws-exports.js (or a config.js, config.ts: any name, the content decides); they
 * are read as JavaScript, TypeScript or JSON, never run.
 */
export const amplifyJsV5Auth: FormatDescriptor<'amplify-js-v5-auth'> = {
  id: 'amplify-js-v5-auth',
  table: 'amplify-js-v5-auth',
  read: readConfigSource,
  fileNames: ['aws-exports.js', 'aws-exports.ts'],
  // Hand-written files have no usual place of their own: the aws-exports places are searched, and the content decides.
  usualPlaces: [],
  defaultFileName: 'aws-exports.js',
};
