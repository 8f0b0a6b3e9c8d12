import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse as babelParse } from '@babel/parser';
import * as recast from 'recast';
import { describe, expect, it } from 'vitest';
import { convert } from '../src/index.js';
import type { Diagnostic } from '../src/diagnostics/diagnostic.js';
import { type ConfigBinding, rewriteConfigUses } from '../src/migrate/js/config-uses.js';
import { readTargetsOf } from '../src/migrate/read-targets.js';
import type { RewriteContext } from '../src/migrate/types.js';

/**
 * What code does with the configuration it loads, rewritten for amplify_outputs.json: fixture pairs in
 * fixtures/codemod/uses (`<case>.input.ts` and `<case>.output.ts`, the findings in `<case>.findings.txt` as
 * `CODE line:column`, and the Gen1 file converted in `<case>.aws-exports.js`, else `aws-exports.js`).
 */
const DIRECTORY = path.resolve(import.meta.dirname, '../fixtures/codemod/uses');
const CASES = readdirSync(DIRECTORY)
  .filter((name) => name.endsWith('.input.ts'))
  .map((name) => name.slice(0, -'.input.ts'.length))
  .sort();

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

/** Findings that say something was changed (a second run must give none). */
const CHANGES = new Set(['CONFIG_READ_REWRITTEN', 'CONFIGURE_OPTIONS_MOVED', 'CONFIGURE_OVERRIDES_REWRITTEN', 'REST_API_WIRED', 'PREDICTIONS_WIRED']);

describe('rewriting what code does with the configuration it loads', () => {
  it('has fixture cases, no-op ones among them', () => {
    expect(CASES.length).toBeGreaterThan(10);
    expect(CASES.filter((name) => name.startsWith('noop-')).length).toBeGreaterThan(2);
  });

  for (const name of CASES) {
    describe(name, () => {
      const input = readFileSync(path.join(DIRECTORY, `${name}.input.ts`), 'utf8');
      const outputFile = path.join(DIRECTORY, `${name}.output.ts`);
      const expected = existsSync(outputFile) ? readFileSync(outputFile, 'utf8') : '';
      const findingsFile = path.join(DIRECTORY, `${name}.findings.txt`);
      const expectedFindings = existsSync(findingsFile) ? readFileSync(findingsFile, 'utf8').split('\n').filter(Boolean).sort() : [];
      const context = contextFor(name);

      it('gives the expected text and findings', () => {
        const result = run(input, context);
        if (process.env['UPDATE_FIXTURES'] === '1') {
          writeFileSync(path.join(DIRECTORY, `${name}.output.ts`), result.text);
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

      it('changes nothing on a second run', () => {
        const once = run(input, context);
        const twice = run(once.text, context);
        expect(twice.text).toBe(once.text);
        expect(twice.diagnostics.filter((d) => CHANGES.has(d.code))).toEqual([]);
      });
    });
  }
});
