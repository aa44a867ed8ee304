import { RequestPathView } from '@mandate-dev/plugin-mandate-common';

/**
 * The view without the hops the caller may not read, as the catalog would hide them: their
 * edges go too, and so does every hop that was only connected to the centre through them.
 * The centre stays (the caller was allowed to read it before the view was built).
 */
export function omitUnreadable(
  view: RequestPathView,
  readable: (entityRef: string) => boolean,
): RequestPathView {
  const visible = (ref: string) => ref === view.entityRef || readable(ref);
  const edges = view.edges.filter(e => visible(e.from) && visible(e.to));
  const neighbours = new Map<string, string[]>();
  for (const { from, to } of edges) {
    neighbours.set(from, [...(neighbours.get(from) ?? []), to]);
    neighbours.set(to, [...(neighbours.get(to) ?? []), from]);
  }
  const connected = new Set([view.entityRef]);
  const queue = [view.entityRef];
  for (let head = 0; head < queue.length; head++) {
    for (const next of neighbours.get(queue[head]) ?? []) {
      if (!connected.has(next)) {
        connected.add(next);
        queue.push(next);
      }
    }
  }
  return {
    ...view,
    nodes: view.nodes.filter(node => connected.has(node.entityRef)),
    edges: edges.filter(e => connected.has(e.from) && connected.has(e.to)),
  };
}
