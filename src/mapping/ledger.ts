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
export function collectLeaves(node: SourceNode, pointer: string, cache?: Map<SourceNode, string[]>): string[] {
  const cached = cache?.get(node);
  if (cached) return cached;
  const leaves: string[] = [];
  const add = (child: SourceNode, childPointer: string): void => {
    // A loop, not push(...spread): a spread of a very large list overflows the call stack.
    for (const leaf of collectLeaves(child, childPointer, cache)) leaves.push(leaf);
  };
  if (isLeaf(node)) {
    leaves.push(pointer);
  } else if (node.kind === 'object') {
    for (const entry of node.entries) add(entry.node, joinPointer(pointer, entry.key));
  } else if (node.kind === 'array') {
    node.items.forEach((item, index) => add(item, joinPointer(pointer, index)));
  }
  cache?.set(node, leaves);
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

/** The record of dispositions, keyed by leaf pointer. */
export class Ledger {
  private readonly entries = new Map<string, FieldDisposition>();
  /** A node sits at one place of its tree, so its leaves are listed once per conversion. */
  private readonly leaves = new Map<SourceNode, string[]>();

  private leavesOf(node: SourceNode, pointer: string): string[] {
    return collectLeaves(node, pointer, this.leaves);
  }

  get(pointer: string): FieldDisposition | undefined {
    return this.entries.get(pointer);
  }

  /** Records a disposition for each leaf under `node` that has none yet (a mapping may replace a drop). */
  settle(node: SourceNode, pointer: string, disposition: DistributiveOmit<FieldDisposition, 'pointer'>): void {
    if (isLeaf(node)) this.settleLeaf(pointer, disposition);
    else for (const leaf of this.leavesOf(node, pointer)) this.settleLeaf(leaf, disposition);
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
    if (isLeaf(node)) return this.entries.has(pointer);
    return this.leavesOf(node, pointer).every((leaf) => this.entries.has(leaf));
  }

  /** True when every leaf under the node is reported (for instance a resource reported as a whole). */
  isReported(node: SourceNode, pointer: string): boolean {
    if (isLeaf(node)) return this.entries.get(pointer)?.outcome === 'reported';
    return this.leavesOf(node, pointer).every((leaf) => this.entries.get(leaf)?.outcome === 'reported');
  }

  isUntouched(node: SourceNode, pointer: string): boolean {
    if (isLeaf(node)) return !this.entries.has(pointer);
    return this.leavesOf(node, pointer).every((leaf) => !this.entries.has(leaf));
  }

  all(): FieldDisposition[] {
    return [...this.entries.values()];
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
