import { readJson } from '../readers/read-json.js';
import type { FormatDescriptor } from './format-descriptor.js';

/** amplify-meta.json, the Gen1 CLI's record of the deployed backend in the project folder. */
export const amplifyMeta: FormatDescriptor<'amplify-meta'> = {
  id: 'amplify-meta',
  table: 'amplify-meta',
  read: readJson,
  fileNames: ['amplify-meta.json'],
  // The deployed copy first: it says what the app runs against.
  usualPlaces: ['amplify/#current-cloud-backend/amplify-meta.json', 'amplify/backend/amplify-meta.json'],
  defaultFileName: 'amplify-meta.json',
};
