import { readJson } from '../readers/read-json.js';
import type { FormatDescriptor } from './format-descriptor.js';

/** The flat amplifyconfiguration.json the Gen1 CLI writes for JavaScript apps: the aws-exports object as JSON. */
export const amplifyconfigurationJson: FormatDescriptor<'amplifyconfiguration-json'> = {
  id: 'amplifyconfiguration-json',
  table: 'aws-exports',
  read: readJson,
  fileNames: ['amplifyconfiguration.json'],
  usualPlaces: ['src/amplifyconfiguration.json', 'amplifyconfiguration.json'],
  defaultFileName: 'amplifyconfiguration.json',
};
