/**
 * The jscodeshift transform as a CommonJS module: `npx jscodeshift -t
 * node_modules/amplify-outputs-migrate/dist/codemod/transform.cjs src`. jscodeshift requires a transform through
 * @babel/register by default, which would compile the package's ES modules to CommonJS and break them; so this
 * module loads the transform (transform.js) with Node's own import(), which jscodeshift awaits. The import() is
 * made by a function built at run time, because @babel/register would turn a written import() into a require().
 */
import path = require('node:path');
import url = require('node:url');
import type { TransformApi, TransformFile, TransformOptions } from './transform.js';

type TransformModule = typeof import('./transform.js');

const importModule = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<TransformModule>;
let loaded: Promise<TransformModule> | undefined;

function transformer(file: TransformFile, api: TransformApi, options: TransformOptions): Promise<string | undefined> {
  loaded ??= importModule(url.pathToFileURL(path.join(__dirname, 'transform.js')).href);
  return loaded.then((module) => module.default(file, api, options));
}

transformer.parser = 'tsx' as const;

export = transformer;
