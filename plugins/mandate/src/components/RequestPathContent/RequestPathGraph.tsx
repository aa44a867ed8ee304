import {
  DependencyGraph,
  DependencyGraphTypes,
} from '@backstage/core-components';
import {
  RequestPathEdge,
  RequestPathView,
} from '@internal/plugin-mandate-common';
import { edgeLabel, edgeMarkers, HopEdge } from './HopEdge';
import { HopNode, HopNodeData } from './HopNode';
import { PathProblem } from './pathProblems';

/**
 * The request path as a graph, from the access layer on the left to the clusters on the right
 * (Backstage's DependencyGraph lays it out with dagre).
 */
export function RequestPathGraph(props: {
  view: RequestPathView;
  problems: PathProblem[];
}) {
  const { view, problems } = props;
  const withProblem = new Set(
    problems.filter(p => p.kind === 'unapproved-template').flatMap(p => p.refs),
  );
  const nodes: DependencyGraphTypes.DependencyNode<HopNodeData>[] =
    view.nodes.map(node => ({
      ...node,
      id: node.entityRef,
      centre: node.entityRef === view.entityRef,
      problem: withProblem.has(node.entityRef),
    }));
  const edges: DependencyGraphTypes.DependencyEdge<RequestPathEdge>[] =
    view.edges.map(edge => ({ ...edge, label: edgeLabel(edge) || undefined }));
  return (
    <div
      role="img"
      aria-label={`Request path graph of ${
        view.nodes.find(n => n.entityRef === view.entityRef)?.title ??
        view.entityRef
      }: ${view.nodes.length} hops, ${problems.length} problems (listed below)`}
    >
      <DependencyGraph<HopNodeData, RequestPathEdge>
        nodes={nodes}
        edges={edges}
        direction={DependencyGraphTypes.Direction.LEFT_RIGHT}
        nodeMargin={16}
        rankMargin={70}
        paddingX={16}
        paddingY={16}
        zoom="enable-on-click"
        fit="contain"
        defs={edgeMarkers()}
        renderNode={({ node }) => <HopNode node={node} />}
        renderEdge={props => (
          <HopEdge key={`${props.id.v}-${props.id.w}`} {...props} />
        )}
        style={{ minHeight: 420 }}
      />
    </div>
  );
}
