import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse as babelParse } from '@babel/parser';
import { diffLines } from 'diff';
import * as recast from 'recast';
import { describe, expect, it } from 'vitest';
import { convert } from '../src/index.js';
import type { Diagnostic } from '../src/diagnostics/diagnostic.js';
import { type ConfigBinding, rewriteConfigUses } from '../src/migrate/js/config-uses.js';
import { readTargetsOf } from '../src/migrate/read-targets.js';
import type { RewriteContext } from '../src/migrate/types.js';

/**
 * What code does with the configuration it loads, rewritten for amplify_outputs.json: fixture pairs in
 * fixtures/codemod/uses (`<case>.input.<ext>` and `<case>.output.<ext>`, ts, tsx, js, jsx, cjs or mjs; the findings in
 * `<case>.findings.txt` as `CODE line:column`, and the Gen1 file converted in `<case>.aws-exports.js`, else
 * `aws-exports.js`).
 */
const DIRECTORY = path.resolve(import.meta.dirname, '../fixtures/codemod/uses');
const CASES = readdirSync(DIRECTORY)
  .flatMap((name) => {
    const match = /^(.+)\.input\.([cm]?[jt]sx?)$/.exec(name);
    return match ? [{ name: match[1] as string, extension: match[2] as string }] : [];
  })
  .sort((a, b) => (a.name < b.name ? -1 : 1));

const parser = {
  parse: (source: string) =>
    babelParse(source, { sourceType: 'module', allowReturnOutsideFunction: true, errorRecovery: false, plugins: ['typescript', 'jsx'], tokens: true }),
};

/** The local names a module binds to the Gen1 configuration (what the module rewriter finds; a test stand-in). */
function bindingsOf(file: recast.types.namedTypes.File): ConfigBinding[] {
  const bindings: ConfigBinding[] = [];
  const gen1 = (source: unknown): boolean => typeof source === 'string' && /(aws-exports|amplifyconfiguration(\.json)?|amplify_outputs(\.json)?)$/.test(source);
  for (const statement of file.program.body) {
    if (statement.type === 'ImportDeclaration' && gen1(statement.source.value)) {
      for (const specifier of statement.specifiers ?? []) {
        if (specifier.type === 'ImportDefaultSpecifier' && specifier.local) bindings.push({ name: String(specifier.local.name), throughDefault: false });
        if (specifier.type === 'ImportNamespaceSpecifier' && specifier.local) bindings.push({ name: String(specifier.local.name), throughDefault: true });
      }
    }
    if (statement.type === 'VariableDeclaration') {
      for (const declarator of statement.declarations) {
        if (declarator.type !== 'VariableDeclarator' || declarator.id.type !== 'Identifier') continue;
        let init = declarator.init;
        let unwrapped = false;
        if (init?.type === 'MemberExpression' && init.property.type === 'Identifier' && init.property.name === 'default') {
          init = init.object;
          unwrapped = true;
        }
        if (init?.type === 'CallExpression' && init.callee.type === 'Identifier' && init.callee.name === 'require') {
          const argument = init.arguments[0];
          if (argument?.type === 'StringLiteral' && gen1(argument.value)) bindings.push({ name: declarator.id.name, throughDefault: !unwrapped });
        }
      }
    }
  }
  return bindings;
}

function contextFor(name: string): RewriteContext {
  const own = path.join(DIRECTORY, `${name}.aws-exports.js`);
  const gen1 = readFileSync(existsSync(own) ? own : path.join(DIRECTORY, 'aws-exports.js'), 'utf8');
  const result = convert(gen1, { fileName: 'src/aws-exports.js', platform: 'web' });
  return {
    path: `src/${name}.ts`,
    platform: 'web',
    gen1Path: 'src/aws-exports.js',
    gen1Format: result.format,
    outputsPath: 'amplify_outputs.json',
    outputs: result.outputs,
    readTarget: readTargetsOf(result.format),
  };
}

function run(text: string, context: RewriteContext): { text: string; diagnostics: Diagnostic[] } {
  const file = recast.parse(text, { parser }) as recast.types.namedTypes.File;
  const diagnostics = rewriteConfigUses(file, bindingsOf(file), context);
  // The module rewriter prints with the module's line ends.
  return { text: recast.print(file, { lineTerminator: text.includes('\r\n') ? '\r\n' : '\n' }).code, diagnostics };
}

const findingLines = (diagnostics: readonly Diagnostic[]): string[] => diagnostics.map((d) => `${d.code} ${d.source.line}:${d.source.column}`).sort();

/** The text of every comment of a module. */
function comments(text: string): string[] {
  const ast = parser.parse(text) as unknown as { comments?: { value: string }[] };
  return (ast.comments ?? []).map((comment) => comment.value.trim());
}

/** Every statement of a module, with its first and last line and its text. */
function statementsOf(text: string): { start: number; end: number; text: string }[] {
  const result: { start: number; end: number; text: string }[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) visit(item);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const record = node as { type?: string; loc?: { start: { line: number }; end: { line: number } }; start?: number; end?: number };
    if (
      typeof record.type === 'string' &&
      /(Statement|Declaration)$/.test(record.type) &&
      record.loc &&
      record.start !== undefined &&
      record.end !== undefined
    ) {
      result.push({ start: record.loc.start.line, end: record.loc.end.line, text: text.slice(record.start, record.end) });
    }
    for (const [key, value] of Object.entries(node)) if (key !== 'loc' && key !== 'tokens' && key !== 'comments') visit(value);
  };
  visit((parser.parse(text) as unknown as { program: unknown }).program);
  return result;
}

/** The lines of a module's directives ('use strict'). */
function directiveLinesOf(text: string): Set<number> {
  const program = (parser.parse(text) as unknown as { program: { directives?: { loc: { start: { line: number } } }[] } }).program;
  return new Set((program.directives ?? []).map((directive) => directive.loc.start.line));
}

/** Findings that say something was changed (a second run must give none). */
const CHANGES = new Set(['CONFIG_READ_REWRITTEN', 'CONFIGURE_OPTIONS_MOVED', 'CONFIGURE_OVERRIDES_REWRITTEN', 'REST_API_WIRED', 'PREDICTIONS_WIRED']);

describe('rewriting what code does with the configuration it loads', () => {
  it('has fixture cases, no-op ones among them', () => {
    expect(CASES.length).toBeGreaterThan(10);
    expect(CASES.filter(({ name }) => name.startsWith('noop-')).length).toBeGreaterThan(2);
  });

  for (const { name, extension } of CASES) {
    describe(name, () => {
      const input = readFileSync(path.join(DIRECTORY, `${name}.input.${extension}`), 'utf8');
      const outputFile = path.join(DIRECTORY, `${name}.output.${extension}`);
      const expected = existsSync(outputFile) ? readFileSync(outputFile, 'utf8') : '';
      const findingsFile = path.join(DIRECTORY, `${name}.findings.txt`);
      const expectedFindings = existsSync(findingsFile) ? readFileSync(findingsFile, 'utf8').split('\n').filter(Boolean).sort() : [];
      const context = contextFor(name);

      it('gives the expected text and findings', () => {
        const result = run(input, context);
        if (process.env['UPDATE_FIXTURES'] === '1') {
          writeFileSync(outputFile, result.text);
          writeFileSync(
            findingsFile,
            findingLines(result.diagnostics)
              .map((line) => `${line}\n`)
              .join(''),
          );
          return;
        }
        expect(result.text).toBe(expected);
        expect(findingLines(result.diagnostics)).toEqual(expectedFindings);
        if (name.startsWith('noop-')) expect(result.text).toBe(input);
        for (const diagnostic of result.diagnostics) {
          expect(diagnostic.source.file).toBe(context.path);
          expect(diagnostic.source.line).toBeGreaterThan(0);
          expect(diagnostic.source.column).toBeGreaterThan(0);
          expect(diagnostic.resolution.length).toBeGreaterThan(10);
        }
      });

      it('gives text that parses, with every comment kept', () => {
        const result = run(input, context);
        const before = comments(input);
        const after = comments(result.text);
        for (const comment of before) expect(after).toContain(comment);
      });

      it('changes only statements that read the configuration or configure Amplify', () => {
        const result = run(input, context);
        const names = bindingsOf(recast.parse(input, { parser }) as recast.types.namedTypes.File).map((binding) => binding.name);
        // The import of parseAmplifyConfig may gain a name.
        const mentions = new RegExp(`\\b(${names.join('|')})\\b|\\bconfigure\\(|^import [^;]*'aws-amplify/utils'`);
        const statements = statementsOf(input);
        // A directive written without its semicolon gets one when statements are added to the module (recast prints
        // directives so); docs/migrate/config-uses.md says it.
        const directives = directiveLinesOf(input);
        let line = 1;
        for (const part of diffLines(input, result.text)) {
          const count = part.value.split('\n').length - (part.value.endsWith('\n') ? 1 : 0);
          if (part.added) continue;
          if (part.removed) {
            for (let changed = line; changed < line + count; changed += 1) {
              if (directives.has(changed)) continue;
              // The innermost statement around the line names the configuration (or configures Amplify).
              const around = statements
                .filter((statement) => statement.start <= changed && changed <= statement.end)
                .sort((a, b) => a.end - a.start - (b.end - b.start))[0];
              expect(around !== undefined && mentions.test(around.text), `line ${changed} changed`).toBe(true);
            }
          }
          line += count;
        }
      });

      it('changes nothing on a second run', () => {
        const once = run(input, context);
        const twice = run(once.text, context);
        expect(twice.text).toBe(once.text);
        expect(twice.diagnostics.filter((d) => CHANGES.has(d.code))).toEqual([]);
      });
    });
  }
});
