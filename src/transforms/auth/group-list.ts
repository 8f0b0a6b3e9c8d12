import { joinPointer } from '../../source/json-pointer.js';
import { defineKey, isPlainObject } from '../../mapping/output-tree.js';
import { invalid } from '../support/report-value.js';
import type { Transform } from '../transform-context.js';

/**
 * amplify-js v6 `groups: [{ <name>: { precedence } }]`, the same list as auth.groups in amplify_outputs.json 1.3: each
 * entry is checked, and one that is not a group of that form is reported.
 */
export const groupList: Transform = (value, ctx) => {
  if (!Array.isArray(value)) return invalid(ctx, 'a list of groups, each { <name>: { precedence } }', value);
  const groups: Record<string, unknown>[] = [];
  for (const [index, entry] of value.entries()) {
    if (entry === undefined) continue;
    const pointer = joinPointer(ctx.pointer, index);
    const names = isPlainObject(entry) ? Object.keys(entry) : [];
    const name = names[0];
    const setting = name === undefined || !isPlainObject(entry) ? undefined : entry[name];
    const precedence = isPlainObject(setting) ? setting['precedence'] : undefined;
    const valid =
      name !== undefined &&
      names.length === 1 &&
      isPlainObject(setting) &&
      Object.keys(setting).every((key) => key === 'precedence') &&
      (precedence === undefined || Number.isInteger(precedence));
    if (!valid) {
      invalid(ctx, 'a group of the form { <name>: { precedence: <whole number> } }', entry, pointer);
      continue;
    }
    const group: Record<string, unknown> = {};
    defineKey(group, name, precedence === undefined ? {} : { precedence });
    groups.push(group);
  }
  return groups.length > 0 ? groups : undefined;
};
