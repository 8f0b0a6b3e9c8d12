import { DROP_REASONS } from '../drop-reasons.js';
import type { Transform } from '../transform-context.js';

/** Transforms of amplify-meta.json's project fields, mapped to custom, that never write. */

/**
 * The stack name says which environment amplify-meta.json belongs to; with team-provider-info.json from the
 * project folder, the environments are named in a notice. Never writes.
 */
export const environmentNote: Transform = (value, ctx) => {
  ctx.drop(ctx.pointer, DROP_REASONS.deploymentMetadata);
  const text = ctx.settings.projectFiles?.['amplify/team-provider-info.json'];
  if (text === undefined || typeof value !== 'string') return undefined;
  try {
    const environments = JSON.parse(text) as Record<string, { awscloudformation?: { StackName?: string } }>;
    const names = Object.keys(environments);
    const current = names.find((name) => environments[name]?.awscloudformation?.StackName === value);
    if (names.length > 1) {
      ctx.note('ENVIRONMENT_NOTE', {
        message: current
          ? `The project has the environments ${names.join(', ')}; amplify-meta.json (stack ${value}) belongs to "${current}", and so does the converted file.`
          : `The project has the environments ${names.join(', ')}; none of them has the stack ${value} of amplify-meta.json, which may be stale.`,
        resolution: current
          ? 'Run `amplify env checkout <env>` and convert again for another environment.'
          : 'Run `amplify pull` for the environment you want, then convert again.',
      });
    }
  } catch {
    ctx.note('ENVIRONMENT_NOTE', { message: 'amplify/team-provider-info.json is not valid JSON; the environment is not named.', resolution: 'Fix the file.' });
  }
  return undefined;
};
