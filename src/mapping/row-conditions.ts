import { escapePointerToken, formatPointer, pointerTokens } from '../source/json-pointer.js';
import { toPlainValue } from '../source/source-node.js';
import type { CompiledRow } from './compiled-table.js';
import type { Binding, SourceMatch } from './match-source.js';
import type { MappingRun } from './mapping-run.js';
import type { Condition } from './table-types.js';

/** One `where` condition: on a binding's key (`{name}`), or on the value at a pointer below the bound thing. */
interface Check {
  named: string | undefined;
  /** The pointer below the bound thing, and its tokens (none when it is spelt otherwise than a pointer is). */
  suffix: string;
  tokens: readonly string[] | undefined;
  condition: Condition;
}

/** A row's `where` conditions, compiled once per table. */
export interface CompiledWhere {
  checks: readonly Check[];
}

export function compileWhere(where: Record<string, Condition>): CompiledWhere {
  return {
    checks: Object.entries(where).map(([key, condition]) => {
      const named = /^\{(.+)\}$/.exec(key)?.[1];
      const suffix = named !== undefined ? '' : key.startsWith('/') ? key : `/${escapePointerToken(key)}`;
      const tokens = pointerTokens(suffix);
      // Only a pointer's own spelling finds a field (a token such as ~2 is no escape of anything).
      return { named, suffix, tokens: formatPointer(tokens) === suffix ? tokens : undefined, condition };
    }),
  };
}

/** What a selection group chooses from (in file order, not already reported whole), and the chosen one. */
interface Selection {
  /** A set: every match of the group's rows asks whether it is eligible. */
  eligible: ReadonlySet<string>;
  chosen: string | undefined;
}

/** What a conversion found out about conditions: which bound things meet which `where`, and each group's selection. */
export class Conditions {
  private readonly met = new Map<CompiledWhere, Map<string, boolean>>();
  private readonly groups = new Map<string, Selection>();

  /** Whether the thing a match bound meets the row's `where` (true for a row without, or a match without bindings). */
  meetsWhere(run: MappingRun, compiled: CompiledRow, match: SourceMatch): boolean {
    const { where, boundName } = compiled;
    if (!where || boundName === undefined) return true;
    const bindings = match.bindings;
    const bound = bindings?.[boundName];
    if (!bindings || !bound) return true;
    let results = this.met.get(where);
    if (!results) {
      results = new Map();
      this.met.set(where, results);
    }
    let result = results.get(bound.pointer);
    if (result === undefined) {
      result = meets(run, where, bound, bindings);
      results.set(bound.pointer, result);
    }
    return result;
  }

  /**
   * Whether the thing a match bound is the one its group selected (`select`), or one it did not (`unselected`).
   * A group's selection is made when a row of it first asks, from what is reported then.
   */
  meetsSelection(run: MappingRun, compiled: CompiledRow, match: SourceMatch): boolean {
    const { row, boundName } = compiled;
    const group = row.select ?? row.unselected;
    if (group === undefined || boundName === undefined) return true;
    const bound = match.bindings?.[boundName];
    if (!bound) return true;
    const { eligible, chosen } = this.selection(run, group, compiled);
    return row.select !== undefined ? bound.key === chosen : eligible.has(bound.key) && bound.key !== chosen;
  }

  private selection(run: MappingRun, group: string, compiled: CompiledRow): Selection {
    let selection = this.groups.get(group);
    if (!selection) {
      const { selectionPattern, boundName } = compiled;
      const eligible: string[] = [];
      for (const match of selectionPattern ? run.matchesOf(selectionPattern) : []) {
        const bound = boundName === undefined ? undefined : match.bindings?.[boundName];
        if (bound && !run.ledger.isReported(match.node) && this.meetsWhere(run, compiled, match)) eligible.push(bound.key);
      }
      const wanted = run.settings.select?.[group];
      selection = { eligible: new Set(eligible), chosen: wanted !== undefined && eligible.includes(wanted) ? wanted : eligible[0] };
      this.groups.set(group, selection);
    }
    return selection;
  }
}

function meets(run: MappingRun, where: CompiledWhere, bound: Binding, bindings: NonNullable<SourceMatch['bindings']>): boolean {
  return where.checks.every(({ named, suffix, tokens, condition }) => {
    let value: unknown;
    if (named !== undefined) value = bindings[named]?.key;
    else {
      const found = tokens && run.index.below(bound, tokens, suffix);
      value = found && found.node.kind !== 'unresolved' ? toPlainValue(found.node) : undefined;
    }
    if (condition === '$present') return value !== undefined;
    if (condition === '$absent') return value === undefined;
    if (Array.isArray(condition)) return condition.includes(value as never);
    if (typeof condition === 'object' && condition !== null) return !condition.not.includes(value as never);
    return value === condition;
  });
}
