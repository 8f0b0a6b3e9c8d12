import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import { isOutputsVersion, type OutputsVersion } from '../outputs/versions.js';
import { getOutputsSchema } from './schemas.js';

/** Validation of amplify_outputs.json documents against the official schema of the version they declare. */

export interface ValidationResult {
  valid: boolean;
  version?: OutputsVersion;
  errors: { pointer: string; message: string }[];
}

const validators = new Map<OutputsVersion, ValidateFunction>();

function validatorFor(version: OutputsVersion): ValidateFunction {
  let validate = validators.get(version);
  if (!validate) {
    // One Ajv instance per version: every schema shares the same $id.
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    ajv.addKeyword('tsType');
    validate = ajv.compile(getOutputsSchema(version));
    validators.set(version, validate);
  }
  return validate;
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
