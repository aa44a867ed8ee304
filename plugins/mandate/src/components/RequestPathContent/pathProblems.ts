import { RequestPathView } from '@mandate-dev/plugin-mandate-common';

/** One mismatch between the layers of a request path, as text a reader acts on. */
export interface PathProblem {
  kind: 'keep-alive' | 'tier-inversion' | 'unapproved-template';
  /** The hops it is about: the edge's two ends, or the one hop. */
  refs: string[];
  text: string;
}

/**
 * The problems of a request path in request order: keep-alive order violations and tier
 * inversions (edges), then unapproved platform templates (hops).
 */
export function pathProblems(view: RequestPathView): PathProblem[] {
  const byRef = new Map(view.nodes.map(node => [node.entityRef, node]));
  const title = (ref: string) => byRef.get(ref)?.title ?? ref;
  const tier = (ref: string) => byRef.get(ref)?.tier ?? 'no tier';
  const problems: PathProblem[] = [];
  for (const edge of view.edges) {
    const refs = [edge.from, edge.to];
    if (edge.keepaliveProblem) {
      problems.push({
        kind: 'keep-alive',
        refs,
        text: `${title(edge.from)} → ${title(edge.to)}: ${
          edge.keepaliveProblem
        }`,
      });
    }
    if (edge.tierInversion) {
      problems.push({
        kind: 'tier-inversion',
        refs,
        text: `${title(edge.from)} (${tier(edge.from)}) depends hard on ${title(
          edge.to,
        )} (${tier(edge.to)}), which silently becomes ${tier(edge.from)}`,
      });
    }
  }
  for (const node of view.nodes) {
    if (node.platformTemplate?.approved === false) {
      problems.push({
        kind: 'unapproved-template',
        refs: [node.entityRef],
        text: `${node.title} runs on ${node.platformTemplate.name}, which is not an approved platform template`,
      });
    }
  }
  return problems;
}
