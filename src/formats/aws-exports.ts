import { readAwsExports } from '../readers/read-aws-exports.js';
import type { FormatDescriptor } from './format-descriptor.js';

/** aws-exports.js / aws-exports.ts of web and React Native apps (also the Mobile Hub aws-config.js). */
export const awsExports: FormatDescriptor<'aws-exports'> = {
  id: 'aws-exports',
  table: 'aws-exports',
  read: readAwsExports,
  fileNames: ['aws-exports.js', 'aws-exports.ts'],
  usualPlaces: [
    'src/aws-exports.js',
    'src/aws-exports.ts',
    'aws-exports.js',
    'aws-exports.ts',
    'src/app/aws-exports.js',
    'src/app/aws-exports.ts',
    'app/aws-exports.js',
    'lib/aws-exports.js',
  ],
  defaultFileName: 'aws-exports.js',
};
