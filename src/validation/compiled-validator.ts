import { createRequire } from 'node:module';
import type { ValidateFunction } from 'ajv';
import { InternalFault } from '../errors.js';

const load = createRequire(import.meta.url);

/**
 * How every schema validator is compiled, at build time (scripts/finish-build.mjs) and at run time alike: all
 * errors reported, and the schemas' own `tsType` keyword allowed.
 */
export const AJV_OPTIONS = { allErrors: true, strict: false } as const;
export const AJV_KEYWORDS = ['tsType'] as const;

/**
 * A schema's validator: the one the build precompiled (dist/compiled-schemas/<name>.cjs) or, in a checkout that was
 * not built, the same one compiled now (slower: it loads ajv's compiler). A compiled file that is there but does not
 * load is a fault, not a reason to validate another way.
 */
export function compiledValidator(name: string, schema: () => object): ValidateFunction {
  const file = `../../dist/compiled-schemas/${name}.cjs`;
  let loaded: ValidateFunction | { default: ValidateFunction };
  try {
    loaded = load(file) as ValidateFunction | { default: ValidateFunction };
  } catch (error) {
    if (isMissing(error, name)) return compileSchema(schema());
    throw new InternalFault(`The precompiled validator ${name} does not load; rebuild the package (npm run build).`, error);
  }
  return typeof loaded === 'function' ? loaded : loaded.default;
}

function isMissing(error: unknown, name: string): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return code === 'MODULE_NOT_FOUND' && typeof message === 'string' && message.includes(`${name}.cjs`);
}

/** Compiles a validator at run time, with the options the build uses. */
export function compileSchema(schema: object): ValidateFunction {
  const { Ajv2020 } = load('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
  // One Ajv instance per schema: the amplify_outputs.json schemas share one $id.
  const ajv = new Ajv2020({ ...AJV_OPTIONS });
  for (const keyword of AJV_KEYWORDS) ajv.addKeyword(keyword);
  return ajv.compile(schema);
}
