import { joinPointer } from '../source/json-pointer.js';
import type { SourceNode } from '../source/source-node.js';

/**
 * What became of one leaf of the input: carried into the output, reported by a diagnostic, or dropped on
 * purpose for a documented reason. Every leaf ends in exactly one of these.
 */
export type FieldDisposition =
  | { pointer: string; outcome: 'mapped'; target: string }
  | { pointer: string; outcome: 'reported'; diagnostic: number }
  | { pointer: string; outcome: 'dropped'; reason: string };

/** Leaves of a source tree: scalars, unresolved expressions, and empty objects or arrays. */
export function collectLeaves(node: SourceNode, pointer: string): string[] {
  const leaves: string[] = [];
  everyLeaf(node, pointer, (leaf) => leaves.push(leaf) > 0);
  return leaves;
}

/** The disposition of one leaf, built per outcome: one object shape each, which keeps the ledger fast. */
function withPointer(disposition: DistributiveOmit<FieldDisposition, 'pointer'>, pointer: string): FieldDisposition {
  if (disposition.outcome === 'mapped') return { outcome: 'mapped', target: disposition.target, pointer };
  if (disposition.outcome === 'reported') return { outcome: 'reported', diagnostic: disposition.diagnostic, pointer };
  return { outcome: 'dropped', reason: disposition.reason, pointer };
}

/** A node that is its own only leaf: a value, an unresolved expression, or an empty object or array. */
function isLeaf(node: SourceNode): boolean {
  return node.kind === 'scalar' || node.kind === 'unresolved' || (node.kind === 'object' ? node.entries.length === 0 : node.items.length === 0);
}

/** The dispositions with their diagnostic numbers moved, after the diagnostics were reordered or filtered. */
export function renumberDiagnostics(fields: readonly FieldDisposition[], newIndex: ReadonlyMap<number, number>): FieldDisposition[] {
  return fields.map((field) => (field.outcome === 'reported' ? { outcome: 'reported', diagnostic: newIndex.get(field.diagnostic) ?? -1, pointer: field.pointer } : field));
}

/**
 * Whether every leaf under a node (see collectLeaves) passes a test, stopping at the first that does not. The leaves
 * are visited, not listed: a conversion asks this of most nodes, and lists of them were its largest allocation.
 */
function everyLeaf(node: SourceNode, pointer: string, test: (leaf: string) => boolean): boolean {
  if (isLeaf(node)) return test(pointer);
  if (node.kind === 'object') {
    for (const entry of node.entries) if (!everyLeaf(entry.node, joinPointer(pointer, entry.key), test)) return false;
  } else if (node.kind === 'array') {
    const items = node.items;
    for (let index = 0; index < items.length; index++) if (!everyLeaf(items[index]!, joinPointer(pointer, index), test)) return false;
  }
  return true;
}

/** The record of dispositions, keyed by leaf pointer. */
export class Ledger {
  private readonly entries = new Map<string, FieldDisposition>();
  private readonly has = (leaf: string): boolean => this.entries.has(leaf);
  private readonly lacks = (leaf: string): boolean => !this.entries.has(leaf);
  private readonly hasReport = (leaf: string): boolean => this.entries.get(leaf)?.outcome === 'reported';

  get(pointer: string): FieldDisposition | undefined {
    return this.entries.get(pointer);
  }

  /** Records a disposition for each leaf under `node` that has none yet (a mapping may replace a drop). */
  settle(node: SourceNode, pointer: string, disposition: DistributiveOmit<FieldDisposition, 'pointer'>): void {
    if (isLeaf(node)) this.settleLeaf(pointer, disposition);
    else
      everyLeaf(node, pointer, (leaf) => {
        this.settleLeaf(leaf, disposition);
        return true;
      });
  }

  private settleLeaf(leaf: string, disposition: DistributiveOmit<FieldDisposition, 'pointer'>): void {
    const existing = this.entries.get(leaf);
    if (!existing || (existing.outcome === 'dropped' && disposition.outcome === 'mapped')) {
      this.entries.set(leaf, withPointer(disposition, leaf));
    }
  }

  /** Replaces the disposition of one leaf, whatever it was (used when a mapped section is removed). */
  replace(disposition: FieldDisposition): void {
    this.entries.set(disposition.pointer, disposition);
  }

  isSettled(node: SourceNode, pointer: string): boolean {
    return everyLeaf(node, pointer, this.has);
  }

  /** True when every leaf under the node is reported (for instance a resource reported as a whole). */
  isReported(node: SourceNode, pointer: string): boolean {
    return everyLeaf(node, pointer, this.hasReport);
  }

  isUntouched(node: SourceNode, pointer: string): boolean {
    return everyLeaf(node, pointer, this.lacks);
  }

  all(): FieldDisposition[] {
    return [...this.entries.values()];
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
