import { joinPointer } from '../source/json-pointer.js';
import { toPlainValue } from '../source/source-node.js';
import type { CompiledRow } from './compiled-table.js';
import { matchSource, type SourceMatch } from './match-source.js';
import type { MappingRun } from './mapping-run.js';
import type { Condition } from './table-types.js';

/** The thing the last `{name}` token of a row's source matched, with every binding of the match. */
interface Bound {
  key: string;
  pointer: string;
  all: NonNullable<SourceMatch['bindings']>;
}

/** What a selection group chooses from (in file order, not already reported whole), and the chosen one. */
interface Selection {
  /** A set: every match of the group's rows asks whether it is eligible. */
  eligible: ReadonlySet<string>;
  chosen: string | undefined;
}

/** The selection of each group, worked out when a row of the group first asks. */
export class Selections {
  private readonly groups = new Map<string, Selection>();

  of(run: MappingRun, group: string, { row, selectionPattern }: CompiledRow): Selection {
    let selection = this.groups.get(group);
    if (!selection) {
      const eligible = (selectionPattern ? matchSource(run.root, selectionPattern, run.index.entriesOf) : [])
        .filter((match) => !run.ledger.isReported(match.node))
        .map((match) => lastBinding(match))
        .filter((bound): bound is Bound => bound !== undefined && (!row.where || meets(run, row.where, bound)))
        .map((bound) => bound.key);
      const wanted = run.settings.select?.[group];
      selection = { eligible: new Set(eligible), chosen: wanted !== undefined && eligible.includes(wanted) ? wanted : eligible[0] };
      this.groups.set(group, selection);
    }
    return selection;
  }
}

/** Whether a match meets the row's `where`, `select` and `unselected` conditions. */
export function meetsConditions(run: MappingRun, compiled: CompiledRow, match: SourceMatch): boolean {
  const { row } = compiled;
  if (!row.where && !row.select && !row.unselected) return true;
  const bound = lastBinding(match);
  if (!bound) return true;
  if (row.where && !meets(run, row.where, bound)) return false;
  const group = row.select ?? row.unselected;
  if (group === undefined) return true;
  const { eligible, chosen } = run.selections.of(run, group, compiled);
  return row.select !== undefined ? bound.key === chosen : eligible.has(bound.key) && bound.key !== chosen;
}

function meets(run: MappingRun, where: Record<string, Condition>, bound: Bound): boolean {
  return Object.entries(where).every(([key, condition]) => {
    const named = /^\{(.+)\}$/.exec(key)?.[1];
    let value: unknown;
    if (named !== undefined) value = bound.all[named]?.key;
    else {
      const found = run.index.at(key.startsWith('/') ? bound.pointer + key : joinPointer(bound.pointer, key));
      value = found && found.node.kind !== 'unresolved' ? toPlainValue(found.node) : undefined;
    }
    if (condition === '$present') return value !== undefined;
    if (condition === '$absent') return value === undefined;
    if (Array.isArray(condition)) return condition.includes(value as never);
    if (typeof condition === 'object' && condition !== null) return !condition.not.includes(value as never);
    return value === condition;
  });
}

/** The thing the last `{name}` token of a pattern matched. */
function lastBinding(match: SourceMatch): Bound | undefined {
  const all = match.bindings;
  if (!all) return undefined;
  const names = Object.keys(all);
  const last = all[names[names.length - 1] ?? ''];
  return last ? { ...last, all } : undefined;
}
