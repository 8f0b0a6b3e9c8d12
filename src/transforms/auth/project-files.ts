import { joinPointer } from '../../source/json-pointer.js';
import { defineKey, isPlainObject } from '../../mapping/output-tree.js';
import { DROP_REASONS } from '../drop-reasons.js';
import { resourceName } from '../support/meta-resources.js';
import { invalid } from '../support/report-value.js';
import type { Transform, TransformContext } from '../transform-context.js';

/**
 * Transforms for auth from amplify-meta.json that read what it lacks from the files of the project folder: guest
 * access and the user pool groups' precedence.
 */

/**
 * Guest access from the project folder (cli-inputs.json or parameters.json of the auth resource), which
 * amplify-meta.json lacks. Without those files nothing is written, and the fallback row assumes guest access.
 */
export const guestAccessFromProject: Transform = (_value, ctx) => {
  const files = ctx.settings.projectFiles ?? {};
  const name = resourceName(ctx.pointer);
  for (const file of [`amplify/backend/auth/${name}/cli-inputs.json`, `amplify/backend/auth/${name}/parameters.json`]) {
    const text = files[file];
    if (text === undefined) continue;
    try {
      const parsed = JSON.parse(text) as Record<string, unknown>;
      const config = isPlainObject(parsed['cognitoConfig']) ? parsed['cognitoConfig'] : parsed;
      const allowed = config['allowUnauthenticatedIdentities'];
      if (typeof allowed === 'boolean') return allowed;
      if (allowed === 'true' || allowed === 'false') return allowed === 'true';
    } catch {
      ctx.note('INVALID_VALUE', { message: `${file} is not valid JSON; guest access is taken as allowed.`, resolution: 'Fix the file.', target: ctx.target });
    }
  }
  return undefined;
};

/** `Cognito-UserPool-Groups` outputs are `<Group>GroupRole` ARNs; precedence comes from the project folder. */
export const userPoolGroups: Transform = (value, ctx) => {
  const output = isPlainObject(value) ? value['output'] : undefined;
  if (!isPlainObject(output)) return invalid(ctx, 'a resource with outputs', value);
  const names = Object.keys(output)
    .filter((key) => key.endsWith('GroupRole'))
    .map((key) => key.slice(0, -'GroupRole'.length));
  for (const key of Object.keys(output)) {
    if (!key.endsWith('GroupRole')) ctx.drop(joinPointer(joinPointer(ctx.pointer, 'output'), key), DROP_REASONS.deploymentOutput);
  }
  if (names.length === 0) return undefined;
  const precedence = readPrecedence(ctx);
  if (!precedence) {
    ctx.note('GROUP_PRECEDENCE_UNKNOWN', {
      resolution:
        'Convert the project folder (convert path/to/project) so that the precedence file is read, or add "precedence" to each group in amplify_outputs.json.',
      target: ctx.target,
    });
  }
  return names.map((name) => {
    const group: Record<string, unknown> = {};
    const rank = precedence?.get(name);
    defineKey(group, name, rank === undefined ? {} : { precedence: rank });
    return group;
  });
};

function readPrecedence(ctx: TransformContext): Map<string, number> | undefined {
  const text = ctx.settings.projectFiles?.['amplify/backend/auth/userPoolGroups/user-pool-group-precedence.json'];
  if (text === undefined) return undefined;
  try {
    const list = JSON.parse(text) as unknown;
    if (!Array.isArray(list)) return undefined;
    const ranks = new Map<string, number>();
    for (const entry of list) {
      if (isPlainObject(entry) && typeof entry['groupName'] === 'string' && typeof entry['precedence'] === 'number')
        ranks.set(entry['groupName'], entry['precedence']);
    }
    return ranks;
  } catch {
    return undefined;
  }
}
