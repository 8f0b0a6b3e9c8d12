import type { ErrorObject, ValidateFunction } from 'ajv';
import { isOutputsVersion, type OutputsVersion } from '../outputs/versions.js';
import { compiledValidator, compileSchema } from './compiled-validator.js';
import { getOutputsSchema } from './schemas.js';

/** Validation of amplify_outputs.json documents against the official schema of the version they declare. */

export interface ValidationResult {
  valid: boolean;
  version?: OutputsVersion;
  errors: { pointer: string; message: string }[];
}

const validators = new Map<OutputsVersion, ValidateFunction>();

/** The validator of one version, loaded once. */
function validatorFor(version: OutputsVersion): ValidateFunction {
  let validate = validators.get(version);
  if (!validate) {
    validate = compiledValidator(`schema_v${version}`, () => getOutputsSchema(version));
    validators.set(version, validate);
  }
  return validate;
}

/** Compiles a validator at run time (slower; for checking the compiled ones). */
export function compileValidator(version: OutputsVersion): ValidateFunction {
  return compileSchema(getOutputsSchema(version));
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
