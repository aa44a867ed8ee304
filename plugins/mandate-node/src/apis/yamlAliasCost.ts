import {
  Document,
  isAlias,
  isCollection,
  isPair,
  isScalar,
  Node,
  Pair,
} from 'yaml';

/**
 * The yaml package visits the whole document once for every alias inside an anchored node
 * while it counts alias expansions, and again on every use of an anchor whose count is zero
 * (one holding no scalar); each of its visits costs about this many of our steps.
 */
const YAML_VISIT_STEPS = 8;

interface AnchorStats {
  nodes: number;
  aliases: number;
  hasScalar: boolean;
  uses: number;
}

/**
 * An upper bound, in budget steps, of what the yaml package spends resolving the aliases of a
 * parsed document, computed in one linear walk of its syntax tree: a 30 KB document of aliases
 * inside an anchor otherwise takes that package seconds, and 120 KB minutes.
 */
export function yamlAliasCost(document: Document): number {
  const anchors = new Map<string, AnchorStats>();
  const recorded: AnchorStats[] = [];
  let nodes = 0;
  let aliases = 0;

  const walk = (node: unknown): Omit<AnchorStats, 'uses'> => {
    const stats = { nodes: 1, aliases: 0, hasScalar: false };
    nodes += 1;
    if (isAlias(node)) {
      aliases += 1;
      stats.aliases = 1;
      const target = anchors.get(node.source);
      if (target) target.uses += 1;
    } else if (isScalar(node)) {
      stats.hasScalar = true;
    } else if (isPair(node)) {
      add(stats, walk((node as Pair).key));
      add(stats, walk((node as Pair).value));
    } else if (isCollection(node)) {
      for (const item of node.items) add(stats, walk(item));
    }
    const anchor = (node as Node | undefined)?.anchor;
    if (anchor && !isAlias(node)) {
      // An alias refers to the last anchor of that name before it: later ones replace it.
      const record = { ...stats, uses: 0 };
      anchors.set(anchor, record);
      recorded.push(record);
    }
    return stats;
  };
  walk(document.contents);

  let visits = 0;
  for (const anchor of recorded) {
    if (anchor.uses === 0) continue;
    const computations = anchor.hasScalar ? 1 : anchor.uses;
    visits += computations * (anchor.nodes + anchor.aliases * nodes);
  }
  // Each alias also scans the list of aliases and anchors before it (cheap comparisons).
  const scans = (aliases * (aliases + recorded.length)) / 64;
  return visits * YAML_VISIT_STEPS + scans;
}

function add(
  into: Omit<AnchorStats, 'uses'>,
  from: Omit<AnchorStats, 'uses'>,
): void {
  into.nodes += from.nodes;
  into.aliases += from.aliases;
  into.hasScalar ||= from.hasScalar;
}
