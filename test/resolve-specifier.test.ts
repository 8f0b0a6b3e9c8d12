import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { createRetargeter, createSpecifierResolver, matchPattern, specifierRetargeter } from '../src/migrate/js/resolve-specifier.js';
import { governingConfig } from '../src/migrate/project/tsconfig-model.js';
import type { AppFiles } from '../src/migrate/types.js';
import { temporaryDirectory } from './support/run-cli.js';

const JS_APP: AppFiles = {
  'package.json': '{}',
  'src/aws-exports.js': 'export default {};',
  'src/App.js': '',
  'src/components/deep/Widget.js': '',
  'src/config/index.js': '',
  'test/setup.js': '',
};

describe('specifierRetargeter: relative specifiers', () => {
  const retarget = specifierRetargeter(JS_APP, 'src/aws-exports.js', 'amplify_outputs.json');

  it('retargets a relative specifier with or without the extension, and stays relative with .json', () => {
    expect(retarget('./aws-exports', 'src/App.js')).toBe('../amplify_outputs.json');
    expect(retarget('./aws-exports.js', 'src/App.js')).toBe('../amplify_outputs.json');
    expect(retarget('../../aws-exports', 'src/components/deep/Widget.js')).toBe('../../../amplify_outputs.json');
    expect(retarget('../src/aws-exports', 'test/setup.js')).toBe('../amplify_outputs.json');
    expect(retarget('./src/aws-exports', 'index.js')).toBe('./amplify_outputs.json');
  });

  it('leaves alone what does not resolve to the Gen1 file', () => {
    expect(retarget('./aws-exports', 'test/setup.js')).toBeUndefined();
    expect(retarget('./config', 'src/App.js')).toBeUndefined();
    expect(retarget('aws-exports', 'src/App.js')).toBeUndefined();
    expect(retarget('../../../aws-exports', 'src/App.js')).toBeUndefined();
    expect(retarget('./aws-exports.json', 'src/App.js')).toBeUndefined();
    expect(retarget('react', 'src/App.js')).toBeUndefined();
  });

  it('an index file is not the Gen1 file', () => {
    const files = { ...JS_APP, 'src/aws-exports/index.js': '' };
    const own = specifierRetargeter(files, 'src/aws-exports.js', 'amplify_outputs.json');
    expect(own('./aws-exports', 'src/App.js')).toBe('../amplify_outputs.json');
    expect(own('./aws-exports/index', 'src/App.js')).toBeUndefined();
  });

  it('a .js specifier names the TypeScript file that compiles to it', () => {
    const files = { 'src/aws-exports.ts': '', 'src/main.ts': '' };
    const own = specifierRetargeter(files, 'src/aws-exports.ts', 'amplify_outputs.json');
    expect(own('./aws-exports.js', 'src/main.ts')).toBe('../amplify_outputs.json');
  });

  it('retargets a JSON Gen1 file beside the outputs', () => {
    const files = { 'src/amplifyconfiguration.json': '{}', 'src/main.ts': '' };
    const own = specifierRetargeter(files, 'src/amplifyconfiguration.json', 'src/amplify_outputs.json');
    expect(own('./amplifyconfiguration.json', 'src/main.ts')).toBe('./amplify_outputs.json');
    expect(own('./amplifyconfiguration', 'src/main.ts')).toBe('./amplify_outputs.json');
  });
});

describe('specifierRetargeter: aliases and baseUrl', () => {
  it('Next.js @/ to the root: the alias is kept', () => {
    const files = {
      'tsconfig.json': '{ "compilerOptions": { "baseUrl": ".", "paths": { "@/*": ["./*"] } } }',
      'aws-exports.js': '',
      'app/layout.tsx': '',
    };
    const retarget = createRetargeter(files, 'aws-exports.js', 'amplify_outputs.json');
    expect(retarget('@/aws-exports', 'app/layout.tsx')).toMatchObject({ specifier: '@/amplify_outputs.json', style: 'alias' });
    expect(retarget('../aws-exports', 'app/layout.tsx')?.specifier).toBe('../amplify_outputs.json');
  });

  it('@/ to src/ (no baseUrl: paths relative to the tsconfig), the outputs at the root: the shortest relative path, and why', () => {
    const files = {
      'tsconfig.json': '{\n  // comments are allowed\n  "compilerOptions": { "paths": { "@/*": ["./src/*"], }, },\n}',
      'src/aws-exports.js': '',
      'src/app/page.tsx': '',
    };
    const retarget = createRetargeter(files, 'src/aws-exports.js', 'amplify_outputs.json');
    const result = retarget('@/aws-exports', 'src/app/page.tsx');
    expect(result).toMatchObject({
      specifier: '../../amplify_outputs.json',
      style: 'relative',
      from: { style: 'alias', pattern: '@/*', config: 'tsconfig.json' },
    });
    expect(result?.note).toContain('@/*');
  });

  it('several targets: the first that exists wins, and the new one must resolve through the alias too', () => {
    const files = {
      'tsconfig.json': JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '~/*': ['generated/*', 'src/*'] } } }),
      'src/aws-exports.js': '',
      'src/amplify_outputs.json': '',
      'src/main.ts': '',
    };
    const retarget = createRetargeter(files, 'src/aws-exports.js', 'src/amplify_outputs.json');
    expect(retarget('~/aws-exports', 'src/main.ts')?.specifier).toBe('~/amplify_outputs.json');
    const shadowed = createRetargeter({ ...files, 'generated/amplify_outputs.json': '' }, 'src/aws-exports.js', 'src/amplify_outputs.json');
    expect(shadowed('~/aws-exports', 'src/main.ts')?.specifier).toBe('./amplify_outputs.json');
  });

  it('the longest prefix wins, and an exact pattern before any', () => {
    expect(matchPattern(['*', '@/*', '@/lib/*'], '@/lib/x')).toEqual({ pattern: '@/lib/*', star: 'x' });
    expect(matchPattern(['@config', '@*'], '@config')).toEqual({ pattern: '@config', star: '' });
    expect(matchPattern(['@/*'], 'react')).toBeUndefined();
  });

  it('an exact alias to the Gen1 file cannot reach the outputs: relative', () => {
    const files = { 'tsconfig.json': '{"compilerOptions":{"paths":{"@config":["./src/aws-exports.js"]}}}', 'src/aws-exports.js': '', 'src/main.ts': '' };
    expect(specifierRetargeter(files, 'src/aws-exports.js', 'src/amplify_outputs.json')('@config', 'src/main.ts')).toBe('./amplify_outputs.json');
  });

  it('src/ through baseUrl "." stays a bare path when the outputs are in a folder, else becomes relative', () => {
    const files = { 'jsconfig.json': '{"compilerOptions":{"baseUrl":"."}}', 'src/aws-exports.js': '', 'src/pages/a.js': '' };
    expect(specifierRetargeter(files, 'src/aws-exports.js', 'src/amplify_outputs.json')('src/aws-exports', 'src/pages/a.js')).toBe('src/amplify_outputs.json');
    const toRoot = createRetargeter(files, 'src/aws-exports.js', 'amplify_outputs.json')('src/aws-exports', 'src/pages/a.js');
    expect(toRoot).toMatchObject({ specifier: '../../amplify_outputs.json', style: 'relative', from: { style: 'baseUrl' } });
  });

  it('CRA-style baseUrl "src": an import of aws-exports by bare name', () => {
    const files = { 'jsconfig.json': '{"compilerOptions":{"baseUrl":"src"}}', 'src/aws-exports.js': '', 'src/pages/a.js': '' };
    expect(specifierRetargeter(files, 'src/aws-exports.js', 'amplify_outputs.json')('aws-exports', 'src/pages/a.js')).toBe('../../amplify_outputs.json');
  });

  it('follows extends chains: relative, without .json, and a package in node_modules; paths relative to the config that sets them', () => {
    const files = {
      'tsconfig.json': '{ "extends": "./tsconfig.base" }',
      'tsconfig.base.json': '{ "extends": "@org/tsconfig/web.json", "compilerOptions": { "strict": true } }',
      'node_modules/@org/tsconfig/web.json': '{ "compilerOptions": { "paths": { "#cfg/*": ["../../../src/*"] } } }',
      'src/aws-exports.js': '',
      'src/amplify_outputs.json': '',
      'src/main.ts': '',
    };
    expect(specifierRetargeter(files, 'src/aws-exports.js', 'src/amplify_outputs.json')('#cfg/aws-exports', 'src/main.ts')).toBe('#cfg/amplify_outputs.json');
  });

  it('a child baseUrl makes the paths of its base relative to it', () => {
    const files = {
      'tsconfig.json': '{ "extends": "./base.json", "compilerOptions": { "baseUrl": "./src" } }',
      'base.json': '{ "compilerOptions": { "paths": { "@/*": ["*"] } } }',
      'src/aws-exports.js': '',
      'src/main.ts': '',
    };
    expect(specifierRetargeter(files, 'src/aws-exports.js', 'src/amplify_outputs.json')('@/aws-exports', 'src/main.ts')).toBe('@/amplify_outputs.json');
  });

  it('a monorepo: the nearest config of the importing file decides', () => {
    const files = {
      'tsconfig.json': '{ "compilerOptions": { "paths": { "@/*": ["./packages/shared/*"] } } }',
      'apps/web/tsconfig.json': '{ "compilerOptions": { "paths": { "@/*": ["./src/*"] } } }',
      'apps/web/src/aws-exports.js': '',
      'apps/web/src/amplify_outputs.json': '',
      'apps/web/src/main.ts': '',
      'packages/shared/aws-exports.js': '',
      'tools/x.ts': '',
    };
    const retarget = specifierRetargeter(files, 'apps/web/src/aws-exports.js', 'apps/web/src/amplify_outputs.json');
    expect(retarget('@/aws-exports', 'apps/web/src/main.ts')).toBe('@/amplify_outputs.json');
    expect(retarget('@/aws-exports', 'tools/x.ts')).toBeUndefined();
  });

  it('a solution-style tsconfig: the paths of the referenced project that holds the file', () => {
    const files = {
      'tsconfig.json': '{ "files": [], "references": [{ "path": "./tsconfig.node.json" }, { "path": "./tsconfig.app.json" }] }',
      'tsconfig.node.json': '{ "include": ["vite.config.ts"] }',
      'tsconfig.app.json': '{ "compilerOptions": { "baseUrl": ".", "paths": { "@/*": ["src/*"] } }, "include": ["src"] }',
      'src/aws-exports.js': '',
      'src/main.tsx': '',
    };
    expect(specifierRetargeter(files, 'src/aws-exports.js', 'src/amplify_outputs.json')('@/aws-exports', 'src/main.tsx')).toBe('@/amplify_outputs.json');
  });

  it('${configDir} in a shared base names the folder of the config that extends it', () => {
    const files = {
      'base.json': '{ "compilerOptions": { "paths": { "@/*": ["${configDir}/src/*"] } } }',
      'web/tsconfig.json': '{ "extends": "../base.json" }',
      'web/src/aws-exports.js': '',
      'web/src/main.ts': '',
    };
    expect(specifierRetargeter(files, 'web/src/aws-exports.js', 'web/src/amplify_outputs.json')('@/aws-exports', 'web/src/main.ts')).toBe(
      '@/amplify_outputs.json',
    );
  });

  it('Nuxt ~/ and @/ without the generated tsconfig: the source folder (app/ in Nuxt 4), ~~/ the root', () => {
    const nuxt3 = { 'nuxt.config.ts': '', 'app.vue': '', 'aws-exports.js': '', 'plugins/amplify.client.ts': '' };
    const retarget3 = createRetargeter(nuxt3, 'aws-exports.js', 'amplify_outputs.json');
    expect(retarget3('~/aws-exports', 'plugins/amplify.client.ts')).toMatchObject({ specifier: '~/amplify_outputs.json', style: 'alias' });
    expect(retarget3('@/aws-exports', 'plugins/amplify.client.ts')?.specifier).toBe('@/amplify_outputs.json');
    const nuxt4 = { 'nuxt.config.ts': '', 'app/app.vue': '', 'app/aws-exports.js': '', 'app/plugins/amplify.client.ts': '' };
    const retarget4 = createRetargeter(nuxt4, 'app/aws-exports.js', 'amplify_outputs.json');
    expect(retarget4('~/aws-exports', 'app/plugins/amplify.client.ts')).toMatchObject({ specifier: '../../amplify_outputs.json', style: 'relative' });
    expect(retarget4('~~/app/aws-exports', 'app/plugins/amplify.client.ts')?.specifier).toBe('~~/amplify_outputs.json');
  });

  it('an alias that only a bundler knows (not in tsconfig) is not resolved', () => {
    const files = { 'vite.config.ts': "resolve: { alias: { '@': '/src' } }", 'src/aws-exports.js': '', 'src/main.ts': '' };
    expect(specifierRetargeter(files, 'src/aws-exports.js', 'amplify_outputs.json')('@/aws-exports', 'src/main.ts')).toBeUndefined();
  });

  it('the resolver reports which config and pattern it used', () => {
    const files = { 'tsconfig.json': '{"compilerOptions":{"paths":{"@/*":["./src/*"]}}}', 'src/a.ts': '', 'src/b.ts': '' };
    expect(createSpecifierResolver(files)('@/a', 'src/b.ts')).toEqual({ path: 'src/a.ts', style: 'alias', pattern: '@/*', config: 'tsconfig.json' });
  });
});

/** TypeScript's own resolution of a specifier, in a folder holding the files: the path, relative to the app, or undefined. */
function typescriptResolves(root: string, files: AppFiles, specifier: string, fromPath: string): string | undefined {
  const configPath = governingConfig(files, fromPath)?.path;
  let options: ts.CompilerOptions = {};
  if (configPath !== undefined) {
    const read = ts.readConfigFile(path.join(root, configPath), ts.sys.readFile);
    options = ts.parseJsonConfigFileContent(read.config, ts.sys, path.dirname(path.join(root, configPath)), undefined, path.join(root, configPath)).options;
  }
  const resolved = ts.resolveModuleName(
    specifier,
    path.join(root, fromPath),
    {
      ...options,
      allowJs: true,
      resolveJsonModule: true,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
    },
    ts.sys,
  ).resolvedModule;
  return resolved === undefined ? undefined : path.relative(root, resolved.resolvedFileName).split(path.sep).join('/');
}

describe('createSpecifierResolver agrees with TypeScript', () => {
  const LAYOUTS: { files: AppFiles; queries: [string, string][] }[] = [
    {
      files: {
        'tsconfig.json': '{ "extends": "./tsconfig.base", "compilerOptions": { "baseUrl": "." } }',
        'tsconfig.base.json':
          '{ "extends": "@org/tsconfig/web.json", "compilerOptions": { "paths": { "@/*": ["./src/*", "./generated/*"], "~cfg": ["./src/aws-exports.js"] } } }',
        'node_modules/@org/tsconfig/web.json': '{ "compilerOptions": { "paths": { "#cfg/*": ["../../../src/*"] } } }',
        'src/aws-exports.js': '',
        'src/amplify_outputs.json': '{}',
        'src/lib/index.ts': '',
        'generated/schema.ts': '',
        'src/app/page.tsx': '',
        'src/main.ts': '',
      },
      queries: [
        ['@/aws-exports', 'src/app/page.tsx'],
        ['@/amplify_outputs.json', 'src/app/page.tsx'],
        ['@/schema', 'src/main.ts'],
        ['@/lib', 'src/main.ts'],
        ['~cfg', 'src/main.ts'],
        ['src/aws-exports', 'src/main.ts'],
        ['../aws-exports', 'src/app/page.tsx'],
        ['./aws-exports.js', 'src/main.ts'],
        ['@/missing', 'src/main.ts'],
      ],
    },
    {
      files: {
        'tsconfig.json': '{ "files": [], "references": [{ "path": "./tsconfig.app.json" }] }',
        'tsconfig.app.json': '{ "compilerOptions": { "paths": { "@/*": ["./src/*"] } }, "include": ["src"] }',
        'apps/admin/tsconfig.json': '{ "compilerOptions": { "baseUrl": "src" } }',
        'apps/admin/src/aws-exports.ts': '',
        'apps/admin/src/pages/index.ts': '',
        'src/aws-exports.ts': '',
        'src/main.ts': '',
      },
      queries: [
        ['@/aws-exports', 'src/main.ts'],
        ['aws-exports', 'apps/admin/src/pages/index.ts'],
        ['@/aws-exports', 'apps/admin/src/pages/index.ts'],
      ],
    },
  ];

  it.each(LAYOUTS.map((layout, index) => ({ index, ...layout })))('layout $index', ({ files, queries }) => {
    const root = temporaryDirectory();
    for (const [relative, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
      writeFileSync(path.join(root, relative), text);
    }
    const resolve = createSpecifierResolver(files);
    const found = queries.map(([specifier, fromPath]) => resolve(specifier, fromPath)?.path);
    expect(found).toEqual(queries.map(([specifier, fromPath]) => typescriptResolves(root, files, specifier, fromPath)));
    // Not agreement on nothing: all but the one missing module resolve.
    expect(found.filter((resolved) => resolved !== undefined).length).toBeGreaterThanOrEqual(queries.length - 1);
  });
});
