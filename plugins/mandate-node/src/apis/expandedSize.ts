import { WorkBudget } from './WorkBudget';

/**
 * Spends the size of a parsed value as a tree: YAML aliases make the parsed value a graph
 * sharing objects, and the rules that walk it (operations, responses, parameters) see every
 * shared object once per path to it. Computed in one linear pass, memoised per object.
 */
export function spendExpandedSize(value: unknown, budget: WorkBudget): void {
  const sizes = new Map<object, number>();
  const sizeOf = (node: unknown): number => {
    if (node === null || typeof node !== 'object') return 1;
    const known = sizes.get(node);
    if (known !== undefined) return known;
    // A node reached again while it is being measured closes a cycle: count it once.
    sizes.set(node, 1);
    let size = 1;
    for (const child of Array.isArray(node) ? node : Object.values(node)) {
      size += sizeOf(child);
      if (size > budget.remaining) budget.spend(size);
    }
    sizes.set(node, size);
    return size;
  };
  budget.spend(sizeOf(value));
}
