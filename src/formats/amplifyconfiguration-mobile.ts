import { readJson } from '../readers/read-json.js';
import type { FormatDescriptor } from './format-descriptor.js';

/** The amplifyconfiguration.json of iOS and Android apps: categories holding plugins. */
export const amplifyconfigurationMobile: FormatDescriptor<'amplifyconfiguration-mobile'> = {
  id: 'amplifyconfiguration-mobile',
  table: 'amplifyconfiguration-mobile',
  read: readJson,
  fileNames: ['amplifyconfiguration.json'],
  usualPlaces: ['app/src/main/res/raw/amplifyconfiguration.json'],
  defaultFileName: 'amplifyconfiguration.json',
};
