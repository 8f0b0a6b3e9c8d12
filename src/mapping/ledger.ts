import { joinPointer } from '../source/json-pointer.js';
import type { ObjectEntry, ObjectNode, SourceNode } from '../source/source-node.js';

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
  return leafNodes(node, pointer).map((leaf) => leaf.pointer);
}

/** The leaves under a node with their pointers, every entry of an object walked (also keys written twice). */
export function leafNodes(node: SourceNode, pointer: string, leaves: { pointer: string; node: SourceNode }[] = []): { pointer: string; node: SourceNode }[] {
  if (isLeaf(node)) leaves.push({ pointer, node });
  else if (node.kind === 'object') for (const entry of node.entries) leafNodes(entry.node, joinPointer(pointer, entry.key), leaves);
  else if (node.kind === 'array') node.items.forEach((item, index) => void leafNodes(item, joinPointer(pointer, index), leaves));
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
  return fields.map((field) =>
    field.outcome === 'reported' ? { outcome: 'reported', diagnostic: newIndex.get(field.diagnostic) ?? -1, pointer: field.pointer } : field,
  );
}

/** The entries of an object that count (keys written twice: the last one), as the document's index gives them. */
export type EntriesOf = (node: ObjectNode) => readonly ObjectEntry[];

/**
 * The record of dispositions, one per leaf node. A leaf is looked up by its node, so asking whether the leaves under
 * a node are settled (which a conversion does of most nodes) builds no pointers; only a new disposition needs its
 * pointer. Only the entries that count are walked: a value shadowed by a later copy of its key is not a field.
 */
export class Ledger {
  private readonly entries = new Map<SourceNode, FieldDisposition>();
  private readonly has = (leaf: SourceNode): boolean => this.entries.has(leaf);
  private readonly lacks = (leaf: SourceNode): boolean => !this.entries.has(leaf);
  private readonly hasReport = (leaf: SourceNode): boolean => this.entries.get(leaf)?.outcome === 'reported';

  constructor(private readonly entriesOf: EntriesOf) {}

  /** Records a disposition for each leaf under `node` that has none yet (a mapping may replace a drop). */
  settle(node: SourceNode, pointer: string, disposition: DistributiveOmit<FieldDisposition, 'pointer'>): void {
    if (isLeaf(node)) {
      const existing = this.entries.get(node);
      if (!existing || (existing.outcome === 'dropped' && disposition.outcome === 'mapped')) this.entries.set(node, withPointer(disposition, pointer));
    } else if (node.kind === 'object') {
      for (const entry of this.entriesOf(node)) this.settle(entry.node, joinPointer(pointer, entry.key), disposition);
    } else if (node.kind === 'array') {
      const items = node.items;
      for (let index = 0; index < items.length; index++) this.settle(items[index]!, joinPointer(pointer, index), disposition);
    }
  }

  /** Sets the disposition of one leaf, whatever it was (used when a mapped section is removed). */
  replace(node: SourceNode, disposition: FieldDisposition): void {
    this.entries.set(node, disposition);
  }

  /** Every leaf with its disposition, in the order they were first settled. */
  settled(): IterableIterator<[SourceNode, FieldDisposition]> {
    return this.entries.entries();
  }

  isSettled(node: SourceNode): boolean {
    return this.everyLeaf(node, this.has);
  }

  /** True when every leaf under the node is reported (for instance a resource reported as a whole). */
  isReported(node: SourceNode): boolean {
    return this.everyLeaf(node, this.hasReport);
  }

  isUntouched(node: SourceNode): boolean {
    return this.everyLeaf(node, this.lacks);
  }

  all(): FieldDisposition[] {
    return [...this.entries.values()];
  }

  /** Whether every leaf under a node passes a test, stopping at the first that does not. */
  private everyLeaf(node: SourceNode, test: (leaf: SourceNode) => boolean): boolean {
    if (isLeaf(node)) return test(node);
    if (node.kind === 'object') {
      for (const entry of this.entriesOf(node)) if (!this.everyLeaf(entry.node, test)) return false;
    } else if (node.kind === 'array') {
      for (const item of node.items) if (!this.everyLeaf(item, test)) return false;
    }
    return true;
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
