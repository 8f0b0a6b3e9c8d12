import { BACKEND_IDENTITY_FIELDS } from '../check/compare-sources.js';
import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { getAt, isPlainObject, setAt, type JsonObject } from '../mapping/output-tree.js';

/**
 * What the project folder's amplify-meta.json adds to the conversion of an app's client file. The client file says
 * what the app runs with today; where the meta file names the same backend (the same user pool, API, bucket,
 * Pinpoint app), it adds what a client file cannot say. Where they name different backends, nothing is added for
 * that part, and the finding says which was used and how to choose the other.
 */
interface SectionRule {
  section: string;
  /** What the section is called in messages. */
  names: string;
  /** Fields that name the backend: both files must give the same value for at least one, and differ on none. */
  identity: readonly string[];
  /** Fields the client file lacks and the meta file knows, carried as they are. */
  adds: readonly string[];
  /** Lists the meta file may know more entries of (by value, or by `name` for objects). */
  unions: readonly string[];
}

/**
 * What a client file's conversion can only assume, by the code of the finding that says so, and the field it
 * assumed: where the project folder knows better, its value replaces the assumption (and the finding).
 */
export const ASSUMPTIONS = {
  GUEST_ACCESS_ASSUMED: '/auth/unauthenticated_identities_enabled',
  CLIENT_SECRET: '/auth/user_pool_client_id',
  PUSH_CHANNEL_AMBIGUOUS: '/notifications/channels',
} as const;

/** Sections the project may add whole (where the client file names the same Pinpoint app elsewhere). */
export const SECTIONS_ADDED_WHOLE = ['/notifications'] as const;

/**
 * The fields that name a section's backend (see BACKEND_IDENTITY_FIELDS), but its region: a region names no backend
 * by itself.
 */
function identityOf(section: string): string[] {
  return BACKEND_IDENTITY_FIELDS.filter((pointer) => pointer.startsWith(`/${section}/`) && !pointer.endsWith('/aws_region')).map((pointer) =>
    pointer.slice(section.length + 2),
  );
}

const SECTION_RULES: readonly SectionRule[] = [
  {
    section: 'auth',
    names: 'the same user pool',
    identity: identityOf('auth'),
    // Guest access and the app client are handled apart: they replace what the client file could only assume.
    adds: ['groups', 'password_policy', 'mfa_configuration', 'mfa_methods', 'standard_required_attributes', 'username_attributes', 'user_verification_types'],
    unions: [],
  },
  { section: 'data', names: 'the same GraphQL API', identity: identityOf('data'), adds: ['api_key'], unions: ['authorization_types'] },
  { section: 'storage', names: 'the same bucket', identity: identityOf('storage'), adds: [], unions: ['buckets'] },
];

/** The fields the project adds to a client file's conversion where the file says nothing, and the lists it may lengthen. */
export const PROJECT_FIELDS: { added: readonly string[]; lengthened: readonly string[] } = {
  added: SECTION_RULES.flatMap((rule) => rule.adds.map((field) => `/${rule.section}/${field}`)),
  lengthened: SECTION_RULES.flatMap((rule) => rule.unions.map((field) => `/${rule.section}/${field}`)),
};

/** The client file's conversion as it stands, changed in place. */
export interface ClientConversion {
  outputs: JsonObject;
  diagnostics: Diagnostic[];
}

/** The meta file's conversion, and its name in messages. */
export interface MetaConversion {
  file: string;
  outputs: JsonObject;
  diagnostics: readonly Diagnostic[];
}

/** One value the project adds, for the caller to keep or take back (a requested version may not hold it). */
export interface Addition {
  target: string;
  previous: unknown;
}

/**
 * Adds to the client file's conversion what the meta file knows of the same backend; returns what was added. Every
 * addition and every disagreement is a finding; a finding the addition makes moot (guest access assumed, a client
 * with a secret) is replaced in place, so the field record's references to findings stay as they are.
 */
export function addFromProject(client: ClientConversion, meta: MetaConversion, clientFile: string): Addition[] {
  const additions: Addition[] = [];
  const set = (target: string, value: unknown): void => {
    additions.push({ target, previous: getAt(client.outputs, target) });
    setAt(client.outputs, target, structuredClone(value));
  };
  const notInClient: string[] = [];
  for (const rule of SECTION_RULES) {
    const mine = client.outputs[rule.section];
    const theirs = meta.outputs[rule.section];
    if (!isPlainObject(theirs)) continue;
    if (!isPlainObject(mine)) {
      notInClient.push(rule.section);
      continue;
    }
    const agreement = compareIdentity(mine, theirs, rule);
    if (agreement.kind === 'unrelated') continue;
    if (agreement.kind === 'differ') {
      client.diagnostics.push(disagreement(rule.section, agreement.field, mine[agreement.field], theirs[agreement.field], clientFile, meta.file));
      continue;
    }
    const added: string[] = [];
    for (const field of rule.adds) {
      if (mine[field] === undefined && theirs[field] !== undefined) {
        const target = `/${rule.section}/${field}`;
        set(target, theirs[field]);
        // A notice that the client file does not state the field (SIGN_IN_ATTRIBUTES_UNSTATED) is now about a field
        // the project states: it says so instead, where it was.
        const notice = client.diagnostics.findIndex((diagnostic) => diagnostic.target === target && diagnostic.severity === 'info');
        if (notice >= 0) client.diagnostics[notice] = readFromProject(rule.section, [field], rule.names, meta.file, client.diagnostics[notice]!.source);
        else added.push(field);
      }
    }
    for (const field of rule.unions) {
      const merged = union(mine[field], theirs[field]);
      if (merged !== undefined) {
        set(`/${rule.section}/${field}`, merged);
        added.push(field);
      }
    }
    if (rule.section === 'auth') added.push(...replaceAssumptions(client, theirs, meta, clientFile, set));
    if (added.length > 0) client.diagnostics.push(readFromProject(rule.section, added, rule.names, meta.file));
  }
  addNotifications(client, meta, clientFile, set, notInClient);
  settleChannels(client, meta, set);
  for (const section of ['analytics', 'geo']) if (!isPlainObject(client.outputs[section]) && isPlainObject(meta.outputs[section])) notInClient.push(section);
  if (notInClient.length > 0) client.diagnostics.push(projectHasMore(notInClient, clientFile, meta.file));
  return additions;
}

type Agreement = { kind: 'same' } | { kind: 'unrelated' } | { kind: 'differ'; field: string };

function compareIdentity(mine: JsonObject, theirs: JsonObject, rule: SectionRule): Agreement {
  let shared = false;
  for (const field of rule.identity) {
    if (mine[field] === undefined || theirs[field] === undefined) continue;
    if (JSON.stringify(mine[field]) !== JSON.stringify(theirs[field])) return { kind: 'differ', field };
    shared = true;
  }
  return shared ? { kind: 'same' } : { kind: 'unrelated' };
}

/** The client's list with the meta file's other entries after it; undefined when the meta file adds none. */
function union(mine: unknown, theirs: unknown): unknown[] | undefined {
  if (!Array.isArray(theirs)) return undefined;
  const base = Array.isArray(mine) ? mine : [];
  const key = (value: unknown): string => (isPlainObject(value) && typeof value['name'] === 'string' ? `name:${value['name']}` : JSON.stringify(value));
  const known = new Set(base.map(key));
  const extra = theirs.filter((value) => !known.has(key(value)));
  if (extra.length === 0 && !(mine === undefined && theirs.length > 0)) return undefined;
  // Where the project's list holds all of the client's, it is the list (in its order, as its own conversion writes it).
  const theirKeys = new Set(theirs.map(key));
  return base.every((value) => theirKeys.has(key(value))) ? [...theirs] : [...base, ...extra];
}

/**
 * Guest access that the client file could only assume, and an app client with a secret (which Gen2 libraries
 * cannot use), replaced by what the project says: its auth settings, and the web client of the same user pool.
 */
function replaceAssumptions(
  client: ClientConversion,
  theirs: JsonObject,
  meta: MetaConversion,
  clientFile: string,
  set: (target: string, value: unknown) => void,
): string[] {
  const replaced: string[] = [];
  const guest = theirs['unauthenticated_identities_enabled'];
  const metaAssumed = meta.diagnostics.some((diagnostic) => diagnostic.code === 'GUEST_ACCESS_ASSUMED');
  client.diagnostics.forEach((diagnostic, index) => {
    if (diagnostic.code === 'GUEST_ACCESS_ASSUMED' && typeof guest === 'boolean' && !metaAssumed) {
      set(ASSUMPTIONS.GUEST_ACCESS_ASSUMED, guest);
      client.diagnostics[index] = createDiagnostic('READ_FROM_PROJECT', {
        category: diagnostic.category,
        message: `Guest access is ${guest ? 'allowed' : 'not allowed'} by the identity pool's settings in the project folder (the auth resource's cli-inputs.json or parameters.json in amplify/backend/auth/, for the pool ${meta.file} names); ${clientFile} does not say, so auth.unauthenticated_identities_enabled is ${guest}.`,
        source: diagnostic.source,
        target: ASSUMPTIONS.GUEST_ACCESS_ASSUMED,
      });
    }
  });
  const webClient = theirs['user_pool_client_id'];
  const mine = getAt(client.outputs, ASSUMPTIONS.CLIENT_SECRET);
  if (typeof webClient === 'string' && webClient !== mine) {
    client.diagnostics.forEach((diagnostic, index) => {
      if (diagnostic.code !== 'CLIENT_SECRET') return;
      if (getAt(client.outputs, ASSUMPTIONS.CLIENT_SECRET) !== webClient) set(ASSUMPTIONS.CLIENT_SECRET, webClient);
      client.diagnostics[index] = createDiagnostic('READ_FROM_PROJECT', {
        category: diagnostic.category,
        message: `The app client in ${clientFile} has a secret, which Gen2 libraries never send; auth.user_pool_client_id is the web client of the same user pool (${webClient}), from ${meta.file}.`,
        source: diagnostic.source,
        target: ASSUMPTIONS.CLIENT_SECRET,
      });
      if (!replaced.includes('user_pool_client_id')) replaced.push('user_pool_client_id');
    });
  }
  return replaced;
}

/**
 * Which Pinpoint app serves push notifications is known only to the project: where the client file's analytics app
 * is the meta file's notifications app, its notifications settings (channels) are carried.
 */
function addNotifications(
  client: ClientConversion,
  meta: MetaConversion,
  clientFile: string,
  set: (target: string, value: unknown) => void,
  notInClient: string[],
): void {
  const theirs = meta.outputs['notifications'];
  if (!isPlainObject(theirs) || isPlainObject(client.outputs['notifications'])) return;
  const analyticsApp = getAt(client.outputs, '/analytics/amazon_pinpoint/app_id');
  if (analyticsApp === undefined || analyticsApp !== theirs['amazon_pinpoint_app_id']) {
    notInClient.push('notifications');
    return;
  }
  set('/notifications', theirs);
  const channels = Array.isArray(theirs['channels']) ? ` (channels: ${theirs['channels'].join(', ')})` : '';
  client.diagnostics.push(
    createDiagnostic('READ_FROM_PROJECT', {
      category: 'notifications',
      message: `The Pinpoint app ${String(analyticsApp)} of ${clientFile} serves push notifications, as ${meta.file} says: notifications are carried from there${channels}.`,
      source: { file: meta.file, pointer: '' },
      target: '/notifications',
    }),
  );
}

function readFromProject(section: string, fields: readonly string[], names: string, metaFile: string, at?: Diagnostic['source']): Diagnostic {
  const list = fields.map((field) => `${section}.${field}`).join(', ');
  return createDiagnostic('READ_FROM_PROJECT', {
    category: section,
    message: `${list} ${fields.length === 1 ? 'is' : 'are'} read from ${metaFile}, which names ${names}.`,
    source: at ?? { file: metaFile, pointer: '' },
    target: fields.length === 1 ? `/${section}/${fields[0]}` : `/${section}`,
  });
}

/**
 * Push channels the client file could only guess (both APNS and FCM), where the project's meta file names the same
 * Pinpoint app: the channels it has enabled.
 */
function settleChannels(client: ClientConversion, meta: MetaConversion, set: (target: string, value: unknown) => void): void {
  const mine = client.outputs['notifications'];
  const theirs = meta.outputs['notifications'];
  if (!isPlainObject(mine) || !isPlainObject(theirs) || mine['amazon_pinpoint_app_id'] !== theirs['amazon_pinpoint_app_id']) return;
  if (!Array.isArray(theirs['channels'])) return;
  client.diagnostics.forEach((diagnostic, index) => {
    if (diagnostic.code !== 'PUSH_CHANNEL_AMBIGUOUS') return;
    set(ASSUMPTIONS.PUSH_CHANNEL_AMBIGUOUS, theirs['channels']);
    client.diagnostics[index] = createDiagnostic('READ_FROM_PROJECT', {
      category: diagnostic.category,
      message: `The push channels are those ${meta.file} has enabled for the same Pinpoint app: ${(theirs['channels'] as unknown[]).join(', ')}.`,
      source: diagnostic.source,
      target: ASSUMPTIONS.PUSH_CHANNEL_AMBIGUOUS,
    });
  });
}

function disagreement(section: string, field: string, mine: unknown, theirs: unknown, clientFile: string, metaFile: string): Diagnostic {
  return createDiagnostic('SOURCES_DISAGREE', {
    category: 'sources',
    message: `${clientFile} gives ${section}.${field} = ${JSON.stringify(mine)}, but ${metaFile} gives ${JSON.stringify(theirs)}. ${clientFile} was used, and nothing of ${section} was taken from ${metaFile}.`,
    resolution: `If ${metaFile} describes the deployed backend, run amplify pull to regenerate ${clientFile}, or convert the project folder instead (--project with the folder that holds amplify/). Otherwise update or remove the stale copy.`,
    source: { file: metaFile, pointer: '' },
    target: `/${section}/${field}`,
  });
}

function projectHasMore(sections: readonly string[], clientFile: string, metaFile: string): Diagnostic {
  return createDiagnostic('PROJECT_HAS_MORE', {
    category: 'sources',
    message: `${metaFile} also has ${sections.join(', ')}, which ${clientFile} does not carry: the app does not use ${sections.length === 1 ? 'it' : 'them'} today, so ${sections.length === 1 ? 'it is' : 'they are'} not written.`,
    resolution: `If the app should use ${sections.length === 1 ? 'it' : 'them'}, run amplify pull to regenerate ${clientFile} and convert again.`,
    source: { file: metaFile, pointer: '' },
  });
}
