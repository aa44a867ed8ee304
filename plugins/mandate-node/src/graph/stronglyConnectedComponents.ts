/**
 * Tarjan's algorithm without recursion (a 10,000-service chain would overflow the call stack).
 * `successors[v]` lists v's targets. Returns, for every node, the id of its component; ids are
 * assigned in reverse topological order of the condensation (sinks first).
 */
export function stronglyConnectedComponents(
  successors: readonly (readonly number[])[],
): {
  componentOf: Int32Array;
  componentSizes: number[];
} {
  const n = successors.length;
  const index = new Int32Array(n).fill(-1);
  const lowLink = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const componentOf = new Int32Array(n).fill(-1);
  const componentSizes: number[] = [];
  const stack: number[] = [];
  // Explicit call stack: the node and how far through its successors we are.
  const callNode: number[] = [];
  const callEdge: number[] = [];
  let nextIndex = 0;

  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    callNode.push(root);
    callEdge.push(0);
    index[root] = lowLink[root] = nextIndex++;
    stack.push(root);
    onStack[root] = 1;

    while (callNode.length > 0) {
      const top = callNode.length - 1;
      const v = callNode[top];
      const edges = successors[v];
      if (callEdge[top] < edges.length) {
        const w = edges[callEdge[top]++];
        if (index[w] === -1) {
          index[w] = lowLink[w] = nextIndex++;
          stack.push(w);
          onStack[w] = 1;
          callNode.push(w);
          callEdge.push(0);
        } else if (onStack[w]) {
          lowLink[v] = Math.min(lowLink[v], index[w]);
        }
        continue;
      }
      // All successors done: v is finished.
      callNode.pop();
      callEdge.pop();
      if (callNode.length > 0) {
        const parent = callNode[callNode.length - 1];
        lowLink[parent] = Math.min(lowLink[parent], lowLink[v]);
      }
      if (lowLink[v] === index[v]) {
        const id = componentSizes.length;
        let size = 0;
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = 0;
          componentOf[w] = id;
          size++;
        } while (w !== v);
        componentSizes.push(size);
      }
    }
  }
  return { componentOf, componentSizes };
}
