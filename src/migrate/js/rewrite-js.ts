import type { types } from 'recast';
import { createDiagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { DiagnosticCode } from '../../diagnostics/codes.js';
import type { RewriteContext, SourceRewrite } from '../types.js';
import { carryChanges } from './carry-changes.js';
import { type ConfigBinding, rewriteConfigUses } from './config-uses.js';
import { applyEdits, type ConfigLoad, findConfigLoads, type TextEdit } from './find-loads.js';
import { type JsLanguage, languageOf, ModuleSyntaxError, parseModule, parseSyntax, recast } from './parse-module.js';
import { scriptBlocks } from './script-blocks.js';

export type { JsLanguage } from './parse-module.js';

/** What rewriting a JavaScript or TypeScript module needs beyond the app's context. */
export interface JsRewriteContext extends RewriteContext {
  /**
   * The specifier to load instead of `specifier` when it resolves to the converted Gen1 file (in the style of the
   * original: an alias stays an alias, a relative path stays relative), else undefined.
   */
  retarget(specifier: string): string | undefined;
  /**
   * Whether a specifier loads the outputs file already (a module migrated before): its uses are still checked, so
   * that reads of Gen1 keys left in it are reported on every run.
   */
  loadsOutputs?(specifier: string): boolean;
  /** Why the new specifier has another style than the old one (an alias that does not reach the outputs file), if it has. */
  retargetNote?(specifier: string): string | undefined;
  /** The file's language; by default told from its path's extension. */
  language?: JsLanguage;
}

/** The names a specifier of a Gen1 configuration holds: the CLI's two file names, and the converted file's own. */
export function gen1Names(gen1Path: string): string[] {
  const names = ['aws-exports', 'amplifyconfiguration'];
  const own = /([^/]+?)(\.[^./]*)?$/.exec(gen1Path)?.[1];
  if (own && !names.some((name) => own.includes(name))) names.push(own);
  return names;
}

/** Whether a text names a Gen1 configuration at all: a file that does not is returned as it is, unparsed. */
export function mentionsGen1(text: string, names: readonly string[]): boolean {
  return names.some((name) => text.includes(name));
}

/**
 * Rewrites a JavaScript or TypeScript module (or the scripts of a Vue or Svelte component) so that every place it
 * loads the converted Gen1 configuration loads amplify_outputs.json instead, and what it then does with the
 * configuration (see rewriteConfigUses). Everything else keeps its exact text, comments, quotes, tabs and line
 * endings included. A file that does not name a Gen1 configuration is not parsed. A second run changes nothing.
 */
export function rewriteJsSource(text: string, context: JsRewriteContext): SourceRewrite {
  const gen1 = gen1Names(context.gen1Path);
  const outputs = /([^/]+?)(\.[^./]*)?$/.exec(context.outputsPath)?.[1];
  const names = context.loadsOutputs !== undefined && outputs !== undefined ? [...gen1, outputs] : gen1;
  if (!mentionsGen1(text, names)) return { text, diagnostics: [] };
  const language = context.language ?? languageOf(context.path);
  if (language !== 'vue' && language !== 'svelte') return rewriteScript(text, language, context, names, { line: 1, column: 1 });
  // A component: each <script> block is rewritten alone, and everything around the blocks is kept byte for byte.
  const diagnostics: Diagnostic[] = [];
  let result = '';
  let last = 0;
  for (const block of scriptBlocks(text)) {
    result += text.slice(last, block.start);
    const rewritten = mentionsGen1(block.text, names)
      ? rewriteScript(block.text, block.language, context, names, block.position)
      : { text: block.text, diagnostics: [] };
    result += rewritten.text;
    diagnostics.push(...rewritten.diagnostics);
    last = block.start + block.text.length;
  }
  result += text.slice(last);
  return { text: result === text ? text : result, diagnostics };
}

/** Where a script starts in its file (1-based), so that findings point into the file and not into the block. */
interface Origin {
  line: number;
  column: number;
}

function rewriteScript(
  text: string,
  language: 'js' | 'jsx' | 'ts' | 'tsx',
  context: JsRewriteContext,
  names: readonly string[],
  origin: Origin,
): SourceRewrite {
  const at = (line: number | undefined, column: number | undefined) => ({
    file: context.path,
    pointer: '',
    line: line === undefined ? undefined : line + origin.line - 1,
    column: column === undefined ? undefined : line === 1 ? column + origin.column - 1 : column,
  });
  const report = (code: DiagnosticCode, line: number | undefined, column: number | undefined, message?: string, target?: string): Diagnostic =>
    createDiagnostic(code, {
      platform: context.platform,
      source: at(line, column),
      ...(message === undefined ? {} : { message }),
      ...(target === undefined ? {} : { target }),
    });

  const layout = indentation(text);
  let file: types.namedTypes.File;
  try {
    file = parseSyntax(text, language);
  } catch (error) {
    if (!(error instanceof ModuleSyntaxError)) throw error;
    return {
      text,
      diagnostics: [
        report(
          'SOURCE_NOT_PARSED',
          error.line,
          error.column,
          `The file names a Gen1 configuration but does not parse (${error.message}), so it was not changed.`,
        ),
      ],
    };
  }

  const found = findConfigLoads(file, text, names);
  const diagnostics: Diagnostic[] = [];
  const bindings: ConfigBinding[] = [];
  const edits: TextEdit[] = [];
  let quote: 'single' | 'double' | undefined;
  for (const load of found.loads) {
    const { line, column } = load.position;
    if (context.loadsOutputs?.(load.specifier)) {
      // Migrated already: nothing to retarget; what the module reads is checked again. A JSON module is the configuration itself.
      if (load.unsupported === undefined) bindings.push(...load.bindings.map((binding) => ({ ...binding, throughDefault: false })));
      continue;
    }
    const replacement = context.retarget(load.specifier);
    if (replacement === undefined) {
      diagnostics.push(
        report(
          'CONFIG_IMPORT_NOT_RETARGETED',
          line,
          column,
          `'${load.specifier}' is named like a Gen1 configuration file but does not lead to the converted ${context.gen1Path}, so this ${load.what} was left alone.`,
        ),
      );
      continue;
    }
    if (replacement === load.specifier) continue;
    if (load.unsupported !== undefined) {
      diagnostics.push(report('CONFIG_IMPORT_UNSUPPORTED', line, column, unsupportedMessage(load, replacement, context), undefined));
      continue;
    }
    quote ??= load.quote === "'" ? 'single' : 'double';
    edits.push(...load.edits(replacement));
    bindings.push(...load.bindings);
    diagnostics.push(
      report(
        'CONFIG_IMPORT_RETARGETED',
        line,
        column,
        `This ${load.what} loaded '${load.specifier}' (${context.gen1Path}); it now loads '${replacement}' (${context.outputsPath})${noteOf(context, load.specifier)}.`,
      ),
    );
  }
  const namesGen1 = (value: string) => mentionsGen1(value, gen1Names(context.gen1Path));
  for (const comment of found.comments.filter((comment) => namesGen1(comment.text)))
    diagnostics.push(
      report(
        'CONFIG_LOAD_IN_COMMENT',
        comment.line,
        comment.column,
        `A comment holds a load of a Gen1 configuration file: ${quoteText(comment.text)}. Comments are not edited.`,
      ),
    );
  for (const string of found.strings.filter((string) => namesGen1(string.text)))
    diagnostics.push(
      report(
        'CONFIG_NAME_IN_STRING',
        string.line,
        string.column,
        `The string ${quoteText(string.text)} names a Gen1 configuration file; it is not the path of a load and was not edited.`,
      ),
    );

  // The loads are edited in the text itself, and what rewriteConfigUses changes is carried onto it (see
  // carryChanges): recast reprints more than what changed.
  const edited = applyEdits(text, edits);
  if (bindings.length === 0) return { text: edited === text ? text : edited, diagnostics };
  const printOptions = { lineTerminator: text.includes('\r\n') ? '\r\n' : '\n', quote: quote ?? 'single', ...layout } as const;
  const uses = parseModule(edited, language, layout);
  // Positions in the script, moved to the file (a component's script starts below its template).
  const useFindings = rewriteConfigUses(uses, bindings, context).map((finding) => {
    const moved = at(finding.source.line, finding.source.column);
    return {
      ...finding,
      source: { ...finding.source, ...(moved.line === undefined ? {} : { line: moved.line }), ...(moved.column === undefined ? {} : { column: moved.column }) },
    };
  });
  // Every change is reported, so a module with no finding is unchanged, and is not printed: printing costs more than
  // parsing, for each node of the module.
  if (useFindings.length === 0) return { text: edited, diagnostics };
  diagnostics.push(...useFindings);
  const printed = recast().print(uses, printOptions).code;
  if (printed === edited) return { text: edited, diagnostics };
  return { text: carryChanges(edited, recast().print(parseModule(edited, language, layout), printOptions).code, printed), diagnostics };
}

function noteOf(context: JsRewriteContext, specifier: string): string {
  const note = context.retargetNote?.(specifier);
  return note === undefined ? '' : `: ${note}`;
}

function unsupportedMessage(load: ConfigLoad, replacement: string, context: JsRewriteContext): string {
  const reasons: string[] = [];
  for (const key of load.unsupported?.keys ?? []) {
    const target = context.readTarget(`/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`);
    reasons.push(target ? `${key} (in amplify_outputs.json: ${target.pointer}${target.sameValue ? '' : `, ${target.form ?? 'in another form'}`})` : key);
  }
  const keys = reasons.length > 0 ? ` It reads ${reasons.join(', ')}.` : '';
  return `This ${load.what} of '${load.specifier}' (${context.gen1Path}) ${load.unsupported?.why}, which amplify_outputs.json cannot take the place of: it was not changed.${keys} Load '${replacement}' as a default import instead.`;
}

/** A short, one-line quotation of a comment or string for a message. */
function quoteText(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return `"${line.length > 80 ? `${line.slice(0, 77)}...` : line}"`;
}

/** The file's indentation, so that code printed anew is indented as the rest is. */
function indentation(text: string): { useTabs: boolean; tabWidth: number } {
  const indented = /^([ \t]+)\S/m.exec(text)?.[1];
  if (indented === undefined) return { useTabs: false, tabWidth: 2 };
  if (indented.startsWith('\t')) return { useTabs: true, tabWidth: 4 };
  return { useTabs: false, tabWidth: indented.length >= 4 && indented.length % 4 === 0 ? 4 : 2 };
}
