import { joinPointer } from '../source/json-pointer.js';
import { defineKey, isPlainObject } from '../mapping/output-tree.js';
import type { Transform } from './transform-context.js';
import { invalid, reportUnknownKeys } from './value-transforms.js';

/** Transforms for Amazon Location Service (geo) settings. */

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
