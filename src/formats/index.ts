import { amplifyJsV5 } from './amplify-js-v5.js';
import { amplifyJsV5Auth } from './amplify-js-v5-auth.js';
import { amplifyJsV6 } from './amplify-js-v6.js';
import { amplifyMeta } from './amplify-meta.js';
import { amplifyconfigurationDart } from './amplifyconfiguration-dart.js';
import { amplifyconfigurationJson } from './amplifyconfiguration-json.js';
import { amplifyconfigurationMobile } from './amplifyconfiguration-mobile.js';
import { awsExports } from './aws-exports.js';
import { awsconfiguration } from './awsconfiguration.js';
import type { FormatDescriptor } from './format-descriptor.js';

export type { FormatDescriptor, ReadContext } from './format-descriptor.js';

/** The Gen1 formats this package reads, by id. */
export const SOURCE_FORMATS = [
  'aws-exports',
  'amplifyconfiguration-json',
  'amplifyconfiguration-mobile',
  'awsconfiguration',
  'amplifyconfiguration-dart',
  'amplify-meta',
  'amplify-js-v5',
  'amplify-js-v5-auth',
  'amplify-js-v6',
] as const;

export type SourceFormat = (typeof SOURCE_FORMATS)[number];

/** Each format's descriptor; the record's keys are checked against SOURCE_FORMATS, each id against its key. */
export const FORMATS = {
  'aws-exports': awsExports,
  'amplifyconfiguration-json': amplifyconfigurationJson,
  'amplifyconfiguration-mobile': amplifyconfigurationMobile,
  awsconfiguration,
  'amplifyconfiguration-dart': amplifyconfigurationDart,
  'amplify-meta': amplifyMeta,
  'amplify-js-v5': amplifyJsV5,
  'amplify-js-v5-auth': amplifyJsV5Auth,
  'amplify-js-v6': amplifyJsV6,
} as const satisfies { [Id in SourceFormat]: FormatDescriptor<Id> };

export function isSourceFormat(value: unknown): value is SourceFormat {
  return typeof value === 'string' && (SOURCE_FORMATS as readonly string[]).includes(value);
}

const CLIENT_FORMATS = SOURCE_FORMATS.filter((id) => id !== 'amplify-meta');

/** Where an app usually keeps its Gen1 client file, relative to its root, most likely first. */
export const CLIENT_FILE_PLACES: readonly string[] = [...new Set(CLIENT_FORMATS.flatMap((id) => FORMATS[id].usualPlaces))];

/** Where a Gen1 project folder keeps its amplify-meta.json, relative to the app's root, the deployed copy first. */
export const PROJECT_FILE_PLACES: readonly string[] = FORMATS['amplify-meta'].usualPlaces;

/** The names of the files the Gen1 tools write (the content decides the format later). */
export const GEN1_FILE_NAMES: ReadonlySet<string> = new Set(SOURCE_FORMATS.flatMap((id) => FORMATS[id].fileNames));
