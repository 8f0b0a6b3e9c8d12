import { readJson } from '../readers/read-json.js';
import type { FormatDescriptor } from './format-descriptor.js';

/** awsconfiguration.json, the AWS Mobile SDK file the Gen1 CLI writes beside the mobile configuration. */
export const awsconfiguration: FormatDescriptor<'awsconfiguration'> = {
  id: 'awsconfiguration',
  table: 'awsconfiguration',
  read: readJson,
  fileNames: ['awsconfiguration.json'],
  usualPlaces: ['app/src/main/res/raw/awsconfiguration.json', 'awsconfiguration.json'],
  defaultFileName: 'awsconfiguration.json',
};
