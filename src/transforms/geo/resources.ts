import { joinPointer } from '../../source/json-pointer.js';
import { defineKey, isPlainObject } from '../../mapping/output-tree.js';
import { DROP_REASONS } from '../drop-reasons.js';
import { invalid, reportUnknownKeys } from '../support/report-value.js';
import type { Transform } from '../transform-context.js';

/** Transforms for geo (Amazon Location Service): maps, search indices and geofence collections. */

/** `maps: { items: { <name>: { style } }, default }`, checked for shape; the default must be one of the items. */
export const geoMaps: Transform = (value, ctx) => {
  if (!isPlainObject(value) || !isPlainObject(value['items'])) return invalid(ctx, 'an object with "items" and "default"', value);
  reportUnknownKeys(ctx, value, ['items', 'default']);
  const items: Record<string, { style?: string }> = {};
  for (const [name, config] of Object.entries(value['items'])) {
    const style = isPlainObject(config) ? config['style'] : undefined;
    if (isPlainObject(config) && (style === undefined || typeof style === 'string') && Object.keys(config).every((key) => key === 'style')) {
      defineKey(items, name, style === undefined ? {} : { style });
    } else {
      invalid(ctx, 'a map entry of the form { "style": "..." }', config, joinPointer(joinPointer(ctx.pointer, 'items'), name));
    }
  }
  const names = Object.keys(items);
  if (names.length === 0) return undefined;
  const fallback = names[0] as string;
  const defaultName = value['default'];
  if (typeof defaultName !== 'string' || !names.includes(defaultName)) {
    // No default at all (or the empty one the Gen1 generators write when no map is the default) is not a wrong value.
    if (!namesNoDefault(defaultName)) invalid(ctx, `the name of one of the maps (${names.join(', ')})`, defaultName, joinPointer(ctx.pointer, 'default'));
    ctx.note('DEFAULT_APPLIED', { message: `The default map was set to "${fallback}", the first map listed.`, target: `${ctx.target}/default` });
    return { items, default: fallback };
  }
  return { items, default: defaultName };
};

/** `{ items: [names], default }` for search indices and geofence collections. */
export const geoIndex: Transform = (value, ctx) => {
  if (!isPlainObject(value) || !Array.isArray(value['items'])) return invalid(ctx, 'an object with "items" and "default"', value);
  reportUnknownKeys(ctx, value, ['items', 'default']);
  const items: string[] = [];
  value['items'].forEach((item, index) => {
    if (item === undefined) return;
    if (typeof item === 'string' && item.trim() !== '') {
      if (!items.includes(item)) items.push(item);
    } else {
      invalid(ctx, 'a resource name', item, joinPointer(joinPointer(ctx.pointer, 'items'), index));
    }
  });
  if (items.length === 0) return undefined;
  const fallback = items[0] as string;
  const defaultName = value['default'];
  if (typeof defaultName !== 'string' || !items.includes(defaultName)) {
    if (!namesNoDefault(defaultName)) invalid(ctx, `one of the listed names (${items.join(', ')})`, defaultName, joinPointer(ctx.pointer, 'default'));
    ctx.note('DEFAULT_APPLIED', { message: `The default was set to "${fallback}", the first one listed.`, target: `${ctx.target}/default` });
    return { items, default: fallback };
  }
  return { items, default: defaultName };
};

/** A default that names none: absent, or the empty name the Gen1 generators write when no resource is the default. */
function namesNoDefault(value: unknown): boolean {
  return value === undefined || value === '';
}

/** Map, PlaceIndex and GeofenceCollection resources, gathered into geo.maps, search_indices and geofence_collections. */
export const metaGeoResource: Transform = (value, ctx) => {
  const output = isPlainObject(value) ? value['output'] : undefined;
  if (!isPlainObject(value) || !isPlainObject(output) || typeof output['Name'] !== 'string') return invalid(ctx, 'a geo resource with a Name output', value);
  const service = value['service'];
  const name = output['Name'];
  for (const key of Object.keys(output)) {
    if (!['Name', 'Style', 'Region'].includes(key)) ctx.drop(joinPointer(joinPointer(ctx.pointer, 'output'), key), DROP_REASONS.deploymentOutput);
  }
  // Resources of the same kind that are carried: deployed, as the table's NEVER_PUSHED rows require (a time stamp
  // and outputs), and named, as this transform requires. Worked out once for all the resources of a kind.
  const { flagged, first } = ctx.once(`carried geo resources: ${String(service)}`, () => {
    const geo = ctx.lookup('/geo');
    const carried = (resource: unknown): boolean =>
      isPlainObject(resource) &&
      resource['service'] === service &&
      resource['lastPushTimeStamp'] !== undefined &&
      isPlainObject(resource['output']) &&
      typeof resource['output']['Name'] === 'string';
    const siblings = isPlainObject(geo) ? Object.values(geo).filter(carried) : [];
    return {
      flagged: siblings.some((resource) => (resource as Record<string, unknown>)['isDefault'] === true),
      first: siblings[0] as Record<string, unknown> | undefined,
    };
  });
  const isDefault = value['isDefault'] === true || (!flagged && first !== undefined && (first['output'] as Record<string, unknown>)['Name'] === name);
  if (!flagged && isDefault) {
    ctx.note('DEFAULT_APPLIED', {
      message: `No ${String(service)} resource is marked as the default; "${name}", the first, was made the default.`,
      target: ctx.target,
    });
  }
  if (service === 'Map') {
    const items: Record<string, unknown> = {};
    defineKey(items, name, typeof output['Style'] === 'string' ? { style: output['Style'] } : {});
    return { maps: { items, ...(isDefault ? { default: name } : {}) } };
  }
  const key = service === 'PlaceIndex' ? 'search_indices' : 'geofence_collections';
  return { [key]: { items: [name], ...(isDefault ? { default: name } : {}) } };
};
