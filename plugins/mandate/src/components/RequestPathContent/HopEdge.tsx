import { DependencyGraphTypes } from '@backstage/core-components';
import { RequestPathEdge } from '@mandate-dev/plugin-mandate-common';
import { COLOURS } from './colours';

export const ARROW_ID = 'mandate-request-path-arrow';
export const PROBLEM_ARROW_ID = 'mandate-request-path-arrow-problem';

/** What an edge says in words: soft, and its problems. */
export function edgeLabel(edge: RequestPathEdge): string {
  const words: string[] = [];
  if (edge.soft) words.push('soft');
  if (edge.keepaliveProblem) words.push('keep-alive');
  if (edge.tierInversion) words.push('tier inversion');
  return words.join(' · ');
}

/**
 * One call drawn in the graph: dashed when soft, red and labelled when it breaks the keep-alive
 * order or inverts tiers.
 */
export function HopEdge(
  props: DependencyGraphTypes.RenderEdgeProps<RequestPathEdge>,
) {
  const { edge } = props;
  const points = (edge.points ?? []).filter(
    p => Number.isFinite(p.x) && Number.isFinite(p.y),
  );
  if (points.length < 2) return null;
  const problem = Boolean(edge.keepaliveProblem || edge.tierInversion);
  const d = points
    .map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x},${p.y}`)
    .join(' ');
  const label = edgeLabel(edge);
  // dagre places a label position on every edge; the middle point stands in without one.
  const { x, y } = edge as { x?: number; y?: number };
  const at =
    Number.isFinite(x) && Number.isFinite(y)
      ? { x: x!, y: y! }
      : points[Math.floor(points.length / 2)];
  return (
    <g
      data-testid={`edge-${edge.from}-${edge.to}`}
      data-soft={edge.soft ? 'true' : 'false'}
    >
      <path
        d={d}
        fill="none"
        stroke={problem ? COLOURS.danger : COLOURS.edge}
        strokeWidth={problem ? 2.5 : 1.3}
        strokeDasharray={edge.soft ? '6 4' : undefined}
        markerEnd={`url(#${problem ? PROBLEM_ARROW_ID : ARROW_ID})`}
      />
      {label && (
        <text
          x={at.x}
          y={at.y + 4}
          textAnchor="middle"
          fontSize={12}
          fontWeight={problem ? 700 : 400}
          fill={problem ? COLOURS.danger : COLOURS.secondary}
          stroke={COLOURS.surface}
          strokeWidth={4}
          paintOrder="stroke"
        >
          {label}
        </text>
      )}
    </g>
  );
}

/** The arrow heads the edges point with. */
export function edgeMarkers() {
  return [ARROW_ID, PROBLEM_ARROW_ID].map(id => (
    <marker
      key={id}
      id={id}
      viewBox="0 0 10 10"
      refX={10}
      refY={5}
      markerWidth={7}
      markerHeight={7}
      orient="auto-start-reverse"
    >
      <path
        d="M0,0 L10,5 L0,10 z"
        fill={id === PROBLEM_ARROW_ID ? COLOURS.danger : COLOURS.edge}
      />
    </marker>
  ));
}
