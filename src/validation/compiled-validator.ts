import { createRequire } from 'node:module';
import type { ValidateFunction } from 'ajv';

const load = createRequire(import.meta.url);

/**
 * A schema validator precompiled at build time (dist/compiled-schemas/<name>.cjs), or, where the package was not
 * built, one compiled now from the schema (slower: it loads ajv's compiler).
 */
export function compiledValidator(name: string, schema: () => object): ValidateFunction {
  try {
    const loaded = load(`../../dist/compiled-schemas/${name}.cjs`) as ValidateFunction | { default: ValidateFunction };
    return typeof loaded === 'function' ? loaded : loaded.default;
  } catch {
    return compileSchema(schema());
  }
}

/** Compiles a validator at run time, as the build does (the schemas' own tsType keyword allowed). */
export function compileSchema(schema: object): ValidateFunction {
  const { Ajv2020 } = load('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
  // One Ajv instance per schema: the amplify_outputs.json schemas share one $id.
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  ajv.addKeyword('tsType');
  return ajv.compile(schema);
}
