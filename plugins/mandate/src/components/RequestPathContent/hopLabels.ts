import {
  RequestPathLayer,
  RequestPathNode,
} from '@mandate-dev/plugin-mandate-common';
import { formatSlo } from '../../lib/formatSlo';

export const LAYER_LABELS: Record<RequestPathLayer, string> = {
  access: 'access layer',
  service: 'service',
  data: 'database',
  infrastructure: 'infrastructure',
};

/** A keep-alive timeout as declared: seconds when it is a number, else the text itself. */
export function formatKeepalive(value: string | null): string {
  if (value === null) return 'not declared';
  return /^\s*\d+(\.\d+)?\s*$/.test(value) ? `${value.trim()} s` : value;
}

/** Tier and SLO of a service hop; other layers have neither. */
export function formatTierAndSlo(node: RequestPathNode): string | undefined {
  if (node.layer !== 'service') return undefined;
  return `${node.tier ?? 'no tier'} · SLO ${formatSlo(node.slo)}`;
}

/** The hop's layer, with its type where the type says more (`access layer · load-balancer`). */
export function layerText(node: RequestPathNode): string {
  const layer = LAYER_LABELS[node.layer];
  return node.type && node.type !== layer ? `${layer} · ${node.type}` : layer;
}
