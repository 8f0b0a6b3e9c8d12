import type { AmplifyOutputs } from '../convert.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceFormat } from '../formats/index.js';
import type { Platform } from '../platforms.js';

/** The files of one app: each path relative to the app's root, with "/" separators, mapped to its text. */
export type AppFiles = Readonly<Record<string, string>>;

/** A file the migration creates (`before` is null) or changes. Paths are relative to the app's root. */
export interface FileEdit {
  path: string;
  before: string | null;
  after: string;
}

/** What rewriting one source file gives: its new text (the same string when nothing changed) and the findings. */
export interface SourceRewrite {
  text: string;
  diagnostics: Diagnostic[];
}

/** Where a Gen1 field read in code lives in amplify_outputs.json, as the mapping tables state it. */
export interface ReadTarget {
  /** JSON pointer into amplify_outputs.json, e.g. "/storage/bucket_name". */
  pointer: string;
  /** True when the value is carried as it is (only its place changes), so a read can be rewritten to the new path. */
  sameValue: boolean;
  /** When the value changes form: what it becomes, in words ("a list of strings"). */
  form?: string;
}

/** What every source rewriter knows about the app it works in. */
export interface RewriteContext {
  /** The file being rewritten, relative to the app's root. */
  path: string;
  platform: Platform;
  /** The Gen1 file that was converted, relative to the app's root. */
  gen1Path: string;
  /** Its format. */
  gen1Format: SourceFormat;
  /** Where amplify_outputs.json (or .dart) is written, relative to the app's root. */
  outputsPath: string;
  /** The converted outputs. */
  outputs: AmplifyOutputs;
  /** Where a Gen1 field (a JSON pointer into the Gen1 file, e.g. "/aws_user_files_s3_bucket") lives in the outputs. */
  readTarget(gen1Pointer: string): ReadTarget | undefined;
}
