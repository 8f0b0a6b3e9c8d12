import { createRequire } from 'node:module';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { isOutputsVersion, type OutputsVersion } from '../outputs/versions.js';
import { getOutputsSchema } from './schemas.js';

const load = createRequire(import.meta.url);

/** Validation of amplify_outputs.json documents against the official schema of the version they declare. */

export interface ValidationResult {
  valid: boolean;
  version?: OutputsVersion;
  errors: { pointer: string; message: string }[];
}

const validators = new Map<OutputsVersion, ValidateFunction>();

/**
 * The validator of one version: the one precompiled at build time (dist/compiled-schemas), or, where the
 * package was not built, one compiled now.
 */
function validatorFor(version: OutputsVersion): ValidateFunction {
  let validate = validators.get(version);
  if (!validate) {
    validate = loadCompiled(version) ?? compileNow(version);
    validators.set(version, validate);
  }
  return validate;
}

function loadCompiled(version: OutputsVersion): ValidateFunction | undefined {
  try {
    const loaded = load(`../../dist/compiled-schemas/schema_v${version}.cjs`) as ValidateFunction | { default: ValidateFunction };
    return typeof loaded === 'function' ? loaded : loaded.default;
  } catch {
    return undefined;
  }
}

/** Compiles a validator at run time (slower; for unbuilt sources and for checking the compiled ones). */
export function compileValidator(version: OutputsVersion): ValidateFunction {
  return compileNow(version);
}

function compileNow(version: OutputsVersion): ValidateFunction {
  const { Ajv2020 } = load('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
  // One Ajv instance per version: every schema shares the same $id.
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  ajv.addKeyword('tsType');
  return ajv.compile(getOutputsSchema(version));
}

/** Validates an outputs object against the schema of its `version` (or of `version` when given). */
export function validateOutputs(outputs: unknown, version?: OutputsVersion): ValidationResult {
  const declared = version ?? (outputs as { version?: unknown } | null)?.version;
  if (!isOutputsVersion(declared)) {
    return { valid: false, errors: [{ pointer: '/version', message: `unknown outputs version ${JSON.stringify(declared)}` }] };
  }
  const validate = validatorFor(declared);
  const valid = validate(outputs) === true;
  return { valid, version: declared, errors: valid ? [] : (validate.errors ?? []).map(toError) };
}

function toError(error: ErrorObject): { pointer: string; message: string } {
  return { pointer: error.instancePath, message: `${error.message ?? 'invalid'}${error.params ? ` ${JSON.stringify(error.params)}` : ''}` };
}
