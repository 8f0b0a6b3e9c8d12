import type { TableId } from '../mapping/tables.js';
import type { Platform } from '../platforms.js';
import type { SourceDocument } from '../source/source-node.js';

/** How a reader is called: the text, the file name for locations, and what the caller already knows of the text. */
export interface ReadContext {
  /** The strict JSON reader already refused the text, so the full parser reads it at once (JSON formats only). */
  refusedByStrictReader: boolean;
}

/**
 * Everything the package knows about one Gen1 input format, in one place. The rest of the code (conversion, the
 * command line's search for inputs, the tests) derives what it needs from these descriptors.
 */
export interface FormatDescriptor<Id extends string = string> {
  id: Id;
  /** The mapping table (in `mappings/`) whose rows read this format. */
  table: TableId;
  /** Reads the text into a located source tree; never runs it. */
  read(text: string, fileName: string, context: ReadContext): SourceDocument;
  /** The names the Gen1 tools give files of this format (an app holding one of them is a Gen1 app). */
  fileNames: readonly string[];
  /** Where such a file sits in an app, relative to the app's root, most likely first. */
  usualPlaces: readonly string[];
  /** The name shown in findings when the caller names no file. */
  defaultFileName: string;
  /** The platform a file of this format serves by itself, where its format alone tells. */
  platform?: Platform;
}
