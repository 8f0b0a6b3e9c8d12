import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from '@babel/parser';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rewriteSource, type RewriteSourceOptions } from '../src/codemod/index.js';
import { rewriteJsSource, type JsRewriteContext } from '../src/migrate/js/rewrite-js.js';
import { carryChanges } from '../src/migrate/js/carry-changes.js';
import { parseModule, recast } from '../src/migrate/js/parse-module.js';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/codemod/js');

/**
 * The convention every fixture is rewritten with: the case is a file in the app's src/ folder, the converted Gen1
 * file is src/aws-exports.js, amplify_outputs.json is at the app's root, and `@/` stands for src/. So
 * `./aws-exports` becomes `../amplify_outputs.json`, and `@/aws-exports` becomes `@/../amplify_outputs.json`.
 */
function fixtureOptions(file: string): RewriteSourceOptions {
  return { path: `src/${file}`, gen1Path: 'src/aws-exports.js', outputsPath: 'amplify_outputs.json', aliases: { '@/': 'src/' } };
}

/** The findings each case gives, by code (in order): a change of behaviour shows here as well as in the text. */
const EXPECTED_CODES: Record<string, string[]> = {
  alias: ['CONFIG_IMPORT_RETARGETED'],
  'already-migrated': ['CONFIG_LOAD_IN_COMMENT'],
  comments: ['CONFIG_LOAD_IN_COMMENT', 'CONFIG_LOAD_IN_COMMENT'],
  component: ['CONFIG_IMPORT_RETARGETED'],
  crlf: ['CONFIG_IMPORT_RETARGETED'],
  'destructured-keys': ['CONFIG_IMPORT_UNSUPPORTED'],
  'dynamic-import': Array(4).fill('CONFIG_IMPORT_RETARGETED'),
  'import-default': ['CONFIG_IMPORT_RETARGETED'],
  'import-namespace': ['CONFIG_IMPORT_RETARGETED'],
  'jest-mocks': ['CONFIG_IMPORT_RETARGETED', 'CONFIG_IMPORT_RETARGETED'],
  'named-import': ['CONFIG_IMPORT_UNSUPPORTED'],
  'other-gen1-file': ['CONFIG_IMPORT_NOT_RETARGETED', 'CONFIG_IMPORT_NOT_RETARGETED'],
  reexport: ['CONFIG_IMPORT_RETARGETED', 'CONFIG_IMPORT_RETARGETED'],
  // whole.default.aws_project_region: the one region becomes one per category in amplify_outputs.json.
  require: [...Array(3).fill('CONFIG_IMPORT_RETARGETED'), 'CONFIG_READ_CHANGES_FORM'],
  'single-quotes': ['CONFIG_IMPORT_RETARGETED'],
  strings: Array(3).fill('CONFIG_NAME_IN_STRING'),
  tabs: ['CONFIG_IMPORT_RETARGETED'],
  'typescript-import-equals': ['CONFIG_IMPORT_RETARGETED', 'CONFIG_IMPORT_RETARGETED'],
  unrelated: [],
  'vitest-mocks': ['CONFIG_IMPORT_RETARGETED', 'CONFIG_IMPORT_RETARGETED'],
};

interface FixtureCase {
  name: string;
  extension: string;
  input: string;
  output: string;
}

function fixtureCases(): FixtureCase[] {
  return readdirSync(FIXTURES)
    .filter((file) => file.includes('.input.'))
    .sort()
    .map((file) => {
      const [name = '', extension = ''] = file.split('.input.');
      return {
        name,
        extension,
        input: readFileSync(path.join(FIXTURES, file), 'utf8'),
        output: readFileSync(path.join(FIXTURES, `${name}.output.${extension}`), 'utf8'),
      };
    });
}

describe('JavaScript and TypeScript fixtures (fixtures/codemod/js)', () => {
  const cases = fixtureCases();

  it('covers every language and the no-op cases', () => {
    expect(new Set(cases.map((fixture) => fixture.extension))).toEqual(new Set(['js', 'jsx', 'ts', 'tsx', 'mjs', 'cjs', 'vue', 'svelte']));
    expect(cases.filter((fixture) => fixture.input === fixture.output).length).toBeGreaterThanOrEqual(7);
    expect([...new Set(cases.map((fixture) => fixture.name))].sort()).toEqual(Object.keys(EXPECTED_CODES).sort());
  });

  for (const fixture of cases) {
    it(`${fixture.name}.${fixture.extension}`, () => {
      const options = fixtureOptions(`${fixture.name}.${fixture.extension}`);
      const result = rewriteSource(fixture.input, options);
      expect(result.text).toBe(fixture.output);
      expect(result.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(EXPECTED_CODES[fixture.name]);
      for (const diagnostic of result.diagnostics) {
        expect(diagnostic.source.file).toBe(options.path);
        // A load has no place in the Gen1 file; a read of a Gen1 key is at that key.
        if (diagnostic.code.startsWith('CONFIG_READ')) expect(diagnostic.source.pointer).toMatch(/^\/[a-z_]/);
        else expect(diagnostic.source.pointer).toBe('');
        expect(diagnostic.source.line).toBeGreaterThan(0);
        expect(diagnostic.source.column).toBeGreaterThan(0);
      }
      // Idempotent: the output, rewritten again, is the same text.
      expect(rewriteSource(result.text, options).text).toBe(result.text);
    });
  }
});

describe('rewriteJsSource', () => {
  const context = (file: string, retarget: JsRewriteContext['retarget']): JsRewriteContext => ({
    path: file,
    platform: 'web',
    gen1Path: 'src/aws-exports.js',
    gen1Format: 'aws-exports',
    outputsPath: 'amplify_outputs.json',
    outputs: { version: '1.4' },
    readTarget: (pointer) => (pointer === '/aws_user_files_s3_bucket' ? { pointer: '/storage/bucket_name', sameValue: true } : undefined),
    retarget,
  });

  it('does not parse a file that names no Gen1 configuration (a syntax error there is not even seen)', () => {
    const text = 'import x from "./settings";\nconst = ;\n';
    const result = rewriteJsSource(
      text,
      context('src/a.js', () => 'never'),
    );
    expect(result).toEqual({ text, diagnostics: [] });
  });

  it('reports a file that names one and does not parse, at the error, and leaves it alone', () => {
    const text = 'import config from "./aws-exports";\nconst = ;\n';
    const result = rewriteJsSource(
      text,
      context('src/a.js', () => '../amplify_outputs.json'),
    );
    expect(result.text).toBe(text);
    expect(result.diagnostics).toMatchObject([{ code: 'SOURCE_NOT_PARSED', severity: 'warning', source: { file: 'src/a.js', line: 2, column: 7 } }]);
  });

  it('asks the caller where each load goes, and changes only the loads it retargets', () => {
    const asked: string[] = [];
    const text = "import a from './aws-exports';\nimport b from '../lib/aws-exports';\n";
    const result = rewriteJsSource(
      text,
      context('src/a.ts', (specifier) => {
        asked.push(specifier);
        return specifier === './aws-exports' ? '../amplify_outputs.json' : undefined;
      }),
    );
    expect(asked).toEqual(['./aws-exports', '../lib/aws-exports']);
    expect(result.text).toBe("import a from '../amplify_outputs.json';\nimport b from '../lib/aws-exports';\n");
    expect(result.diagnostics).toMatchObject([
      { code: 'CONFIG_IMPORT_RETARGETED', severity: 'info', source: { line: 1, column: 15 } },
      { code: 'CONFIG_IMPORT_NOT_RETARGETED', severity: 'warning', source: { line: 2, column: 15 } },
    ]);
  });

  it('names the Gen2 path of a key a load cannot carry', () => {
    const text = "const { aws_user_files_s3_bucket } = require('./aws-exports');\n";
    const [diagnostic] = rewriteJsSource(
      text,
      context('src/a.js', () => '../amplify_outputs.json'),
    ).diagnostics;
    expect(diagnostic?.code).toBe('CONFIG_IMPORT_UNSUPPORTED');
    expect(diagnostic?.message).toContain('aws_user_files_s3_bucket (in amplify_outputs.json: /storage/bucket_name)');
    expect(diagnostic?.message).toContain("'../amplify_outputs.json'");
  });

  it('points findings in a component into the component, not into its script', () => {
    const text = '<template>\n  <p>hi</p>\n</template>\n<script>import c from "./aws-exports";</script>\n';
    const result = rewriteJsSource(
      text,
      context('src/App.vue', () => '../amplify_outputs.json'),
    );
    expect(result.text).toBe('<template>\n  <p>hi</p>\n</template>\n<script>import c from "../amplify_outputs.json";</script>\n');
    expect(result.diagnostics).toMatchObject([{ code: 'CONFIG_IMPORT_RETARGETED', source: { line: 4, column: 23 } }]);
  });

  it('finds the name of a Gen1 file written by hand under another name', () => {
    const text = "import config from '@/config';\n";
    const result = rewriteJsSource(text, { ...context('src/a.ts', () => '@/../amplify_outputs.json'), gen1Path: 'src/config.ts', gen1Format: 'amplify-js-v5' });
    expect(result.text).toBe("import config from '@/../amplify_outputs.json';\n");
  });
});

describe('carryChanges', () => {
  /** A change made to the parsed module, as rewriteConfigUses makes them: `config` becomes `outputs` in a call. */
  function printedWithChange(text: string, eol: string): { baseline: string; printed: string } {
    const options = { lineTerminator: eol, tabWidth: 2, useTabs: false };
    const baseline = recast().print(parseModule(text, 'ts', options), options).code;
    const file = parseModule(text, 'ts', options);
    recast().types.visit(file, {
      visitIdentifier(path) {
        if (path.node.name === 'config' && path.parent?.node.type === 'CallExpression') path.node.name = 'outputs';
        return false;
      },
    });
    return { baseline, printed: recast().print(file, options).code };
  }

  for (const eol of ['\n', '\r\n']) {
    it(`keeps the text recast would reprint, and takes what changed (${JSON.stringify(eol)})`, () => {
      const text = ['const w = await f() + 1;', 'Amplify.configure(config);', ''].join(eol);
      const { baseline, printed } = printedWithChange(text, eol);
      // What recast alone gives: parentheses on a line nothing changed.
      expect(printed).toBe(['const w = (await f()) + 1;', 'Amplify.configure(outputs);', ''].join(eol));
      expect(carryChanges(text, baseline, printed)).toBe(['const w = await f() + 1;', 'Amplify.configure(outputs);', ''].join(eol));
    });
  }

  it('gives the printed text when a changed line is one recast reprinted', () => {
    const text = 'Amplify.configure(config, await f() + 1);\n';
    const { baseline, printed } = printedWithChange(text, '\n');
    expect(carryChanges(text, baseline, printed)).toBe(printed);
  });
});

describe('properties of the rewrite', () => {
  /** Lines that load the configuration (each changes), and lines that must not change. */
  const LOADS = [
    (q: string, i: number) => `import c${i} from ${q}./aws-exports${q};`,
    (q: string, i: number) => `const r${i} = require(${q}./aws-exports${q}).default;`,
    (q: string, i: number) => `const s${i} = require(${q}./aws-exports.js${q});`,
    (q: string) => `jest.mock(${q}./aws-exports${q});`,
    (q: string, i: number) => `export { default as e${i} } from ${q}./aws-exports${q};`,
    (q: string, i: number) => `const d${i} = await import(${q}./aws-exports.js${q});`,
    (q: string, i: number) => `import * as n${i} from ${q}./aws-exports${q}; // the config`,
  ];
  const OTHERS = [
    (q: string) => `// import config from ${q}./aws-exports${q};`,
    (q: string) => `/* const c = require(${q}./aws-exports${q}).default; */`,
    (q: string, i: number) => `const t${i} = ${q}./aws-exports${q};`,
    (_q: string, i: number) => `const u${i} = \`see aws-exports\`;`,
    (q: string, i: number) => `import v${i} from ${q}./settings${q};`,
    (q: string) => `console.log(${q}src/aws-exports.js${q}, ${q}amplifyconfiguration.json${q});`,
    (_q: string, i: number) => `function f${i}() { return 1; } /* aws-exports */`,
    // recast would print this (await ...) + ..., with parentheses of its own, if it reprinted the file.
    (q: string, i: number) => `const w${i} = await Promise.resolve(1) + (0 || ${q}x${q});`,
    () => '',
  ];
  const module = fc.record({
    lines: fc.array(fc.record({ load: fc.boolean(), kind: fc.nat(20), indent: fc.constantFrom('', '  ', '\t', '    ') }), { maxLength: 14 }),
    quote: fc.constantFrom("'", '"'),
    eol: fc.constantFrom('\n', '\r\n'),
  });
  const options: RewriteSourceOptions = { path: 'src/module.ts', gen1Path: 'src/aws-exports.js' };

  it('rewritten code parses, keeps every comment, changes only the lines that load the configuration, and a second run changes nothing', () => {
    fc.assert(
      fc.property(module, ({ lines, quote, eol }) => {
        const built = lines.map(({ load, kind, indent }, i) => {
          const pool = load ? LOADS : OTHERS;
          const make = pool[kind % pool.length] as (q: string, i: number) => string;
          const text = make(quote, i);
          return { load, text: text === '' ? text : indent + text };
        });
        const input = built.map((line) => line.text).join(eol) + eol;
        const output = rewriteSource(input, options).text;

        parseModule(output, 'ts');
        const comments = (text: string) => (parse(text, { sourceType: 'module', plugins: ['typescript'] }).comments ?? []).map((comment) => comment.value);
        expect(comments(output)).toEqual(comments(input));
        const before = input.split(eol);
        const after = output.split(eol);
        expect(after.length).toBe(before.length);
        for (const [index, line] of before.entries()) {
          const load = built[index]?.load === true;
          if (load) expect(after[index], line).not.toBe(line);
          else expect(after[index]).toBe(line);
        }
        expect(rewriteSource(output, options).text).toBe(output);
      }),
      { numRuns: 300 },
    );
  });
});

describe('findings in a component', () => {
  it('point into the component file, below its template, for loads and for reads alike', () => {
    const text = [
      '<template>',
      '  <p>{{ bucket }}</p>',
      '</template>',
      '',
      '<script setup lang="ts">',
      "import config from '../aws-exports';",
      '',
      'const bucket = config.aws_user_files_s3_bucket;',
      '</script>',
      '',
    ].join('\n');
    const result = rewriteSource(text, { path: 'src/components/Bucket.vue', gen1Path: 'src/aws-exports.js' });
    expect(result.text).toContain('config.storage.bucket_name');
    const where = Object.fromEntries(result.diagnostics.map((finding) => [finding.code, [finding.source.line, finding.source.column]]));
    expect(where['CONFIG_IMPORT_RETARGETED']).toEqual([6, 20]);
    expect(where['CONFIG_READ_REWRITTEN']).toEqual([8, 16]);
  });
});
