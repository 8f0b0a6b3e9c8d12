import { isPlainObject } from '../mapping/output-tree.js';
import { isSecretField } from '../secrets.js';
import { joinPointer } from '../source/json-pointer.js';

/** How a committed amplify_outputs.json differs from the one the Gen1 sources convert to. */
export interface OutputsComparison {
  kind: 'same' | 'formatting' | 'drift' | 'unreadable';
  /** Field by field, for drift: the committed value and the converted one (secrets masked). */
  changes: { pointer: string; committed?: string; converted?: string }[];
}

/** Compares the converted text with the committed text: byte for byte, then field by field. */
export function compareOutputs(converted: string, committed: string): OutputsComparison {
  if (converted === committed) return { kind: 'same', changes: [] };
  let parsed: unknown;
  try {
    parsed = JSON.parse(committed);
  } catch {
    return { kind: 'unreadable', changes: [] };
  }
  const left = flatten(parsed);
  const right = flatten(JSON.parse(converted));
  const changes: OutputsComparison['changes'] = [];
  for (const pointer of [...new Set([...left.keys(), ...right.keys()])].sort()) {
    const before = left.get(pointer);
    const after = right.get(pointer);
    if (before === after) continue;
    const secret = isSecretField(pointer);
    const change: OutputsComparison['changes'][number] = { pointer };
    if (before !== undefined) change.committed = secret ? '(a secret value)' : before;
    if (after !== undefined) change.converted = secret ? '(another secret value)' : after;
    changes.push(change);
  }
  return { kind: changes.length > 0 ? 'drift' : 'formatting', changes };
}

/** Leaves by pointer, values as JSON text (lists whole: their order matters). */
function flatten(value: unknown, pointer = '', into = new Map<string, string>()): Map<string, string> {
  if (isPlainObject(value)) {
    for (const key of Object.keys(value)) flatten(value[key], joinPointer(pointer, key), into);
  } else {
    into.set(pointer, JSON.stringify(value));
  }
  return into;
}
