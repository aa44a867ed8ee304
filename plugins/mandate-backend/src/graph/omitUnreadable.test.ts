import {
  RequestPathNode,
  RequestPathView,
} from '@mandate-dev/plugin-mandate-common';
import { omitUnreadable } from './omitUnreadable';

const node = (entityRef: string): RequestPathNode => ({
  entityRef,
  kind: 'component',
  type: 'service',
  layer: 'service',
  title: entityRef,
  tier: null,
  slo: null,
  platformTemplate: null,
  keepaliveTimeout: null,
});

/** lb -> centre -> a -> b, and centre -> c -> b: b stays reachable when a is hidden. */
const view: RequestPathView = {
  entityRef: 'centre',
  nodes: ['lb', 'centre', 'a', 'c', 'b', 'd'].map(node),
  edges: [
    { from: 'lb', to: 'centre', soft: false },
    { from: 'centre', to: 'a', soft: false },
    { from: 'a', to: 'b', soft: false },
    { from: 'a', to: 'd', soft: false },
    { from: 'centre', to: 'c', soft: true },
    { from: 'c', to: 'b', soft: false },
  ],
  truncated: false,
};

const refs = (v: RequestPathView) => v.nodes.map(n => n.entityRef);

describe('omitUnreadable', () => {
  it('keeps everything the caller may read', () => {
    expect(omitUnreadable(view, () => true)).toEqual(view);
  });

  it('drops hidden hops, their edges and what only they connected to the centre', () => {
    const result = omitUnreadable(view, ref => ref !== 'a');
    expect(refs(result)).toEqual(['lb', 'centre', 'c', 'b']);
    expect(result.edges.map(e => `${e.from}->${e.to}`)).toEqual([
      'lb->centre',
      'centre->c',
      'c->b',
    ]);
  });

  it('keeps the centre even when nothing else is readable', () => {
    const result = omitUnreadable(view, () => false);
    expect(refs(result)).toEqual(['centre']);
    expect(result.edges).toEqual([]);
  });
});
