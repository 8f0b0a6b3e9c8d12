import { string } from '../general.js';
import type { Transform, TransformContext } from '../transform-context.js';

/** Transforms for data: a GraphQL endpoint on the developer's own machine, as `amplify mock` writes it. */

/** Host names that reach the machine the app runs on. */
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '0.0.0.0']);

/** Whether a URL names a local host (any port, any scheme): the endpoint of `amplify mock`, not of a deployed API. */
export function isLocalEndpoint(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return false;
  }
  const host = parsed.hostname.toLowerCase();
  return LOCAL_HOSTS.has(host) || host.endsWith('.localhost') || /^127(\.\d{1,3}){3}$/.test(host);
}

/** A warning when the GraphQL endpoint written to data.url (from the field at `pointer`) is a local mock endpoint. */
export function noteLocalEndpoint(ctx: TransformContext, url: unknown, pointer: string = ctx.pointer): void {
  if (typeof url !== 'string' || !isLocalEndpoint(url)) return;
  ctx.note('MOCK_ENDPOINT', {
    pointer,
    message: `The GraphQL endpoint ${JSON.stringify(url.trim())} is on the local machine (written by \`amplify mock\`); it was written to data.url, but a deployed app cannot reach it.`,
    resolution: 'Convert the configuration of a deployed environment (after `amplify pull`), or set data.url to the deployed API endpoint.',
    target: '/data/url',
  });
}

/** The GraphQL endpoint URL, with a warning when it is a local mock endpoint. */
export const graphqlUrl: Transform = (value, ctx) => {
  const url = string(value, ctx);
  noteLocalEndpoint(ctx, url);
  return url;
};
