import {
  computeLevel,
  computeScore,
  EntityReport,
  Report,
} from '@internal/plugin-mandate-common';
import { CatalogSnapshot } from '../catalog';
import { DEFAULT_MANDATE_CONFIG } from '../config';
import { builtInRules } from '../rules/builtInRules';
import { MandateRule } from '../rules/MandateRule';
import { classifyAffected } from './affectedEntities';
import { evaluateCatalog, EvaluateCatalogOptions } from './evaluateCatalog';
import { mergeReports } from './mergeReports';

export interface UpdateReportOptions
  extends Omit<EvaluateCatalogOptions, 'entityRefs'> {
  /** The snapshot `previousReport` was computed from. */
  previousSnapshot: CatalogSnapshot;
  /** The full report of `previousSnapshot`, with the same config, rules and waivers. */
  previousReport: Report;
  /** Refs of the entities added, removed or modified between the two snapshots. */
  changedRefs: Iterable<string>;
}

/**
 * The report of `snapshot`, computed from the report of `previousSnapshot` by re-evaluating
 * only what the change can affect: every rule for the services around the change, and only
 * the graph rules for the services further upstream (a changed SLO moves the SLA budget of
 * everything that calls it, not its owner or runbook). Equal to `evaluateCatalog` on
 * `snapshot`, as long as config, rules and waivers are the ones `previousReport` used; when
 * those change, evaluate everything.
 */
export function updateReport(options: UpdateReportOptions): {
  report: Report;
  /** Services re-evaluated with every rule, and with the graph rules only. */
  evaluated: { local: string[]; upstream: string[] };
} {
  const config = options.config ?? DEFAULT_MANDATE_CONFIG;
  const rules = options.rules ?? builtInRules;
  const affected = classifyAffected(
    options.previousSnapshot,
    options.snapshot,
    options.changedRefs,
    config.serviceTypes,
  );

  const previousByRef = new Map(
    options.previousReport.entities.map(entity => [entity.entityRef, entity]),
  );
  // An upstream service the previous report lacks cannot be patched: evaluate it fully.
  const fully = [
    ...affected.local,
    ...affected.upstream.filter(ref => !previousByRef.has(ref)),
  ];
  const patched = affected.upstream.filter(ref => previousByRef.has(ref));

  const { previousSnapshot, previousReport, changedRefs, ...evaluation } =
    options;
  const full = evaluateCatalog({ ...evaluation, entityRefs: fully });
  const graphRules = rules.filter(
    rule => (rule as { scope?: string }).scope === 'graph',
  );
  const partial = evaluateCatalog({
    ...evaluation,
    rules: graphRules,
    entityRefs: patched,
  });
  const levels = new Map(rules.map(rule => [rule.id, rule.level]));
  const patchedEntities = partial.entities.map(update =>
    patchResults(previousByRef.get(update.entityRef)!, update, levels),
  );

  return {
    report: mergeReports(
      previousReport,
      { ...full, entities: [...full.entities, ...patchedEntities] },
      [...affected.local, ...affected.upstream],
    ),
    evaluated: affected,
  };
}

/** The previous results with the re-evaluated rules replaced, score and level recomputed. */
function patchResults(
  previous: EntityReport,
  update: EntityReport,
  levels: Map<string, MandateRule['level']>,
): EntityReport {
  const fresh = new Map(update.results.map(result => [result.ruleId, result]));
  const results = previous.results.map(
    result => fresh.get(result.ruleId) ?? result,
  );
  return {
    ...update,
    results,
    score: computeScore(results.map(result => result.status)),
    level: computeLevel(
      results.map(result => ({
        status: result.status,
        level: levels.get(result.ruleId) ?? 'gold',
      })),
    ),
  };
}
