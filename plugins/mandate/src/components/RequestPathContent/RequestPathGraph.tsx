import {
  DependencyGraph,
  DependencyGraphTypes,
} from '@backstage/core-components';
import {
  RequestPathEdge,
  RequestPathView,
} from '@mandate-dev/plugin-mandate-common';
import { edgeLabel, edgeMarkers, HopEdge } from './HopEdge';
import { HopNode, HopNodeData } from './HopNode';
import { PathProblem } from './pathProblems';

/** Below this width the hops' words are too small to read: the graph scrolls instead. */
const MIN_GRAPH_WIDTH = 720;

/**
 * The request path as a graph, from the access layer on the left to the clusters on the right
 * (Backstage's DependencyGraph lays it out with dagre).
 */
export function RequestPathGraph(props: {
  view: RequestPathView;
  problems: PathProblem[];
}) {
  const { view, problems } = props;
  const notes = hopNotes(view, problems);
  const nodes: DependencyGraphTypes.DependencyNode<HopNodeData>[] =
    view.nodes.map(node => ({
      ...node,
      id: node.entityRef,
      centre: node.entityRef === view.entityRef,
      notes: notes.get(node.entityRef) ?? [],
    }));
  const edges: DependencyGraphTypes.DependencyEdge<RequestPathEdge>[] =
    view.edges.map(edge => ({ ...edge, label: edgeLabel(edge) || undefined }));
  // A figure, not an image: the graph's zoomable canvas is focusable, and an image may not
  // contain anything interactive (axe: nested-interactive).
  return (
    <div
      role="figure"
      aria-label={`Request path graph of ${
        view.nodes.find(n => n.entityRef === view.entityRef)?.title ??
        view.entityRef
      }: ${view.nodes.length} hops, ${problems.length} problems (listed below)`}
    >
      {/* On a narrow screen the graph keeps a readable size and scrolls sideways in its card. */}
      <div style={{ overflowX: 'auto' }}>
        <div style={{ minWidth: MIN_GRAPH_WIDTH }}>
          <DependencyGraph<HopNodeData, RequestPathEdge>
            nodes={nodes}
            edges={edges}
            direction={DependencyGraphTypes.Direction.LEFT_RIGHT}
            nodeMargin={16}
            rankMargin={90}
            paddingX={16}
            paddingY={16}
            zoom="enable-on-click"
            fit="contain"
            defs={edgeMarkers()}
            renderNode={({ node }) => <HopNode node={node} />}
            renderEdge={edgeProps => (
              <HopEdge
                key={`${edgeProps.id.v}-${edgeProps.id.w}`}
                {...edgeProps}
              />
            )}
            style={{ minHeight: 420 }}
          />
        </div>
      </div>
    </div>
  );
}

/**
 * What each hop says about the problems it is part of, in the graph itself: edge labels have
 * no room reserved by the layout, so the words go into the hops (the caller of a keep-alive
 * problem, the less critical end of a tier inversion).
 */
function hopNotes(
  view: RequestPathView,
  problems: PathProblem[],
): Map<string, string[]> {
  const titles = new Map(view.nodes.map(n => [n.entityRef, n.title]));
  const notes = new Map<string, string[]>();
  const note = (ref: string, text: string) =>
    notes.set(ref, [...(notes.get(ref) ?? []), text]);
  for (const { kind, refs } of problems) {
    if (kind === 'keep-alive') {
      note(refs[0], `keep-alive conflicts with ${titles.get(refs[1])}`);
    } else if (kind === 'tier-inversion') {
      note(refs[1], `tier inversion from ${titles.get(refs[0])}`);
    } else {
      note(refs[0], 'platform template not approved');
    }
  }
  return notes;
}
