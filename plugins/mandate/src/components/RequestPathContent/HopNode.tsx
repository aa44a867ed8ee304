import { RequestPathNode } from '@mandate-dev/plugin-mandate-common';
import { COLOURS } from './colours';
import { formatKeepalive, formatTierAndSlo, layerText } from './hopLabels';

/** The narrowest box. */
export const HOP_WIDTH = 190;
const LINE = 17;

/** What the graph knows about a hop: its facts, whether it is the centre, its problems in words. */
export type HopNodeData = RequestPathNode & {
  centre: boolean;
  notes: string[];
};

/**
 * One hop drawn in the graph: its name, layer, tier and SLO, platform template and keep-alive
 * timeout. A hop with a problem gets a red border and the problem in words (never colour alone).
 */
export function HopNode(props: { node: HopNodeData }) {
  const { node } = props;
  const template = node.platformTemplate;
  const lines: { text: string; danger?: boolean }[] = [
    { text: layerText(node) },
  ];
  const tierAndSlo = formatTierAndSlo(node);
  if (tierAndSlo) lines.push({ text: tierAndSlo });
  if (template) {
    lines.push({
      text: `template ${template.name}`,
      danger: template.approved === false,
    });
  }
  if (node.keepaliveTimeout !== null) {
    lines.push({
      text: `keep-alive ${formatKeepalive(node.keepaliveTimeout)}`,
    });
  }
  for (const text of node.notes) lines.push({ text, danger: true });
  const problem = node.notes.length > 0;
  const height = 30 + lines.length * LINE;
  // SVG text does not wrap: the box grows with the longest line (average glyph widths of the
  // 14 px bold title and the 12 px lines; the layout then measures the drawn box).
  const width = Math.max(
    HOP_WIDTH,
    20 + node.title.length * 8.5,
    ...lines.map(line => 20 + line.text.length * (line.danger ? 7 : 6.5)),
  );
  return (
    <g data-testid={`hop-${node.entityRef}`}>
      <title>{node.entityRef}</title>
      <rect
        width={width}
        height={height}
        rx={6}
        fill={COLOURS.surface}
        stroke={problem ? COLOURS.danger : COLOURS.border}
        strokeWidth={node.centre || problem ? 2.5 : 1}
      />
      <text x={10} y={21} fill={COLOURS.text} fontSize={14} fontWeight={700}>
        {node.title}
      </text>
      {lines.map((line, i) => (
        <text
          key={i}
          x={10}
          y={21 + (i + 1) * LINE}
          fill={line.danger ? COLOURS.danger : COLOURS.secondary}
          fontSize={12}
          fontWeight={line.danger ? 700 : 400}
        >
          {line.text}
        </text>
      ))}
    </g>
  );
}
