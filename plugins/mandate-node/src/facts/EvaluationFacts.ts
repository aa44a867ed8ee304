import type { ApiDefinitions } from '../apis/ApiDefinitions';
import type { CatalogSnapshot, SnapshotEntity } from '../catalog';
import { ServiceGraph } from '../graph';
import { ClusterUse, clusterUsesOf } from '../rules/support/clusterUses';
import { markdownHeadings } from '../rules/support/markdownHeadings';

/**
 * The facts of one evaluation, computed on first use and shared by every rule and every
 * service: the service graph, the API-definition checks, runbook headings, cluster users. The
 * engine builds one per evaluation and passes it in `RuleContext.facts`, so that no rule keeps
 * state of its own between services or evaluations.
 *
 * @public
 */
export class EvaluationFacts {
  readonly graph: ServiceGraph;
  /**
   * API definitions: spec validity, parsed OpenAPI documents and document-check verdicts, by
   * content hash; the caller's instance, so verdicts can outlive this evaluation.
   */
  readonly definitions: ApiDefinitions;
  readonly #snapshot: CatalogSnapshot;
  readonly #headings = new Map<string, string[]>();
  readonly #clusterUses = new Map<string, readonly ClusterUse[]>();

  constructor(options: {
    snapshot: CatalogSnapshot;
    serviceTypes: readonly string[];
    definitions: ApiDefinitions;
  }) {
    this.#snapshot = options.snapshot;
    this.graph = ServiceGraph.of(options.snapshot, options.serviceTypes);
    this.definitions = options.definitions;
  }

  /** The headings of a Markdown text (a runbook); runbooks are often shared, so per text. */
  markdownHeadings(markdown: string): string[] {
    let headings = this.#headings.get(markdown);
    if (!headings) {
      headings = markdownHeadings(markdown);
      this.#headings.set(markdown, headings);
    }
    return headings;
  }

  /** The services using the databases on a cluster, least critical first. */
  clusterUses(cluster: SnapshotEntity): readonly ClusterUse[] {
    let uses = this.#clusterUses.get(cluster.ref);
    if (!uses) {
      uses = clusterUsesOf(cluster, this.#snapshot, this.graph);
      this.#clusterUses.set(cluster.ref, uses);
    }
    return uses;
  }
}
