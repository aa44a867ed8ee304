import {
  EntityReport,
  Report,
  RULE_STATUSES,
  RULEBOOK_VERSION,
  RuleLevels,
  RuleResult,
  scoreResults,
} from '@mandate-dev/plugin-mandate-common';
import { readTier } from '../annotations';
import { ApiDefinitions, DEFAULT_DEFINITION_LIMITS } from '../apis';
import { limitsKeyOf } from '../apis/DefinitionLimits';
import { CatalogSnapshot, compareRefs, SnapshotEntity } from '../catalog';
import { DEFAULT_MANDATE_CONFIG, MandateConfig } from '../config';
import { EvaluationFacts } from '../facts';
import { builtInRules } from '../rules/builtInRules';
import { AnyMandateRule, RuleContext } from '../rules/MandateRule';
import { RuleOutcome } from '../rules/RuleOutcome';
import { createApiDefinitions } from './createApiDefinitions';
import { effectiveRuleOptions } from './effectiveRuleOptions';
import { isRuleEnabled } from './isRuleEnabled';

/** @public */
export interface EvaluateCatalogOptions {
  snapshot: CatalogSnapshot;
  /** From `readMandateConfig`; defaults apply when omitted. */
  config?: MandateConfig;
  /** The clock: `generatedAt`. */
  now: Date;
  /** The rules to run, built-in and custom (default: the built-in rules). */
  rules?: readonly AnyMandateRule[];
  /** Evaluate only these services (normalised refs); for incremental updates. */
  entityRefs?: Iterable<string>;
  /**
   * Given across evaluations so that definition verdicts are reused (default: a new one for
   * this call, with `createApiDefinitions` of the rules); its limits must be the config's
   * `definitionLimits`.
   */
  apiDefinitions?: ApiDefinitions;
}

/**
 * The engine: a pure function of (snapshot, config, clock). Every service gets one raw result
 * per enabled rule (no waivers: `applyWaivers` applies them to this report), not-applicable
 * included, in rule order, scored by `scoreResults`; entities sorted by ref. A rule that
 * throws yields `error` for that rule only.
 *
 * @public
 */
export function evaluateCatalog(options: EvaluateCatalogOptions): Report {
  const report = evaluateCatalogLazily(options);
  return { ...report, entities: [...report.entities] };
}

/**
 * The same evaluation as `evaluateCatalog`, each service evaluated only as `entities` is
 * iterated (once): a caller that writes each report as it comes never holds them all, which
 * at 100,000 services is gigabytes of heap.
 *
 * @public
 */
export function evaluateCatalogLazily(
  options: EvaluateCatalogOptions,
): Omit<Report, 'entities'> & { entities: Iterable<EntityReport> } {
  const plan = planEvaluation(options);
  return {
    rulebookVersion: RULEBOOK_VERSION,
    generatedAt: options.now.toISOString(),
    entities: (function* evaluateEach() {
      for (const service of plan.services) yield plan.evaluate(service);
    })(),
  };
}

/** How many services are evaluated between two yields to the event loop. */
const SERVICES_PER_SLICE = 100;

/**
 * The same evaluation as `evaluateCatalog`, giving the event loop a turn after every few
 * services so that a server keeps answering requests during an evaluation of thousands of
 * services. Definitions are best analysed beforehand (`analyseDefinitionsInPool`), so that
 * each slice only reads cached verdicts.
 *
 * @public
 */
export async function evaluateCatalogAsync(
  options: EvaluateCatalogOptions,
): Promise<Report> {
  const plan = planEvaluation(options);
  const entities: EntityReport[] = [];
  for (let i = 0; i < plan.services.length; i++) {
    if (i > 0 && i % SERVICES_PER_SLICE === 0) {
      await new Promise(resolve => setImmediate(resolve));
    }
    entities.push(plan.evaluate(plan.services[i]));
  }
  return {
    rulebookVersion: RULEBOOK_VERSION,
    generatedAt: options.now.toISOString(),
    entities,
  };
}

/** The services to evaluate, in report order, and how to evaluate one. */
function planEvaluation(options: EvaluateCatalogOptions): {
  services: readonly SnapshotEntity[];
  evaluate: (service: SnapshotEntity) => EntityReport;
} {
  const config = options.config ?? DEFAULT_MANDATE_CONFIG;
  const rules = enabledRules(options.rules ?? builtInRules, config);
  const facts = new EvaluationFacts({
    snapshot: options.snapshot,
    serviceTypes: config.serviceTypes,
    definitions: definitionsFor(options.apiDefinitions, config, rules),
  });
  const { graph } = facts;

  // The graph lists services sorted by ref, so the report is sorted too.
  let services: readonly SnapshotEntity[] = graph.services;
  if (options.entityRefs) {
    // A handful of refs out of thousands of services: look them up rather than filter.
    const wanted = new Set(
      Array.from(options.entityRefs, ref => ref.toLowerCase()),
    );
    services = [...wanted]
      .filter(ref => graph.has(ref))
      .sort(compareRefs)
      .map(ref => options.snapshot.get(ref)!);
  }

  const contexts = rules.map(({ rule, options: ruleOptions }) => ({
    rule,
    context: {
      snapshot: options.snapshot,
      facts,
      options: ruleOptions,
      config,
    } satisfies RuleContext,
  }));

  const levels: RuleLevels = new Map(
    rules.map(({ rule }) => [rule.id, rule.level]),
  );
  return {
    services,
    evaluate: service => evaluateService(service, contexts, levels),
  };
}

function enabledRules(rules: readonly AnyMandateRule[], config: MandateConfig) {
  const seen = new Set<string>();
  for (const rule of rules) {
    if (seen.has(rule.id)) throw new Error(`Two rules share the id ${rule.id}`);
    seen.add(rule.id);
  }
  return rules
    .filter(rule => isRuleEnabled(rule, config))
    .map(rule => ({
      rule,
      options: effectiveRuleOptions(rule, config) as RuleContext['options'],
    }));
}

function definitionsFor(
  given: ApiDefinitions | undefined,
  config: MandateConfig,
  rules: readonly { rule: AnyMandateRule }[],
): ApiDefinitions {
  const limits = config.definitionLimits ?? DEFAULT_DEFINITION_LIMITS;
  if (!given) {
    return createApiDefinitions(
      rules.map(({ rule }) => rule),
      config,
    );
  }
  if (given.limitsKey !== limitsKeyOf(limits)) {
    throw new Error(
      `apiDefinitions was created with the limits ${
        given.limitsKey
      }, the config has ${limitsKeyOf(
        limits,
      )} (mandate.limits): create it with the config's definitionLimits`,
    );
  }
  return given;
}

function evaluateService(
  service: SnapshotEntity,
  rules: { rule: AnyMandateRule; context: RuleContext }[],
  levels: RuleLevels,
): EntityReport {
  const results: RuleResult[] = new Array(rules.length);
  for (let i = 0; i < rules.length; i++) {
    const { rule, context } = rules[i];
    results[i] = toResult(rule.id, runRule(rule, service, context));
  }
  return {
    entityRef: service.ref,
    owner: service.owner ?? null,
    tier: readTier(service) ?? null,
    ...scoreResults(results, levels),
  };
}

const RULE_OUTCOMES = new Set(RULE_STATUSES.filter(s => s !== 'waived'));

function runRule(
  rule: AnyMandateRule,
  service: SnapshotEntity,
  context: RuleContext,
): RuleOutcome {
  try {
    const outcome = rule.evaluate(service, context);
    if (!outcome || !RULE_OUTCOMES.has(outcome.status)) {
      return {
        status: 'error',
        message: `the rule returned an invalid status ${JSON.stringify(
          outcome?.status,
        )}`,
      };
    }
    return outcome;
  } catch (e) {
    return {
      status: 'error',
      message: `the rule could not be evaluated: ${
        (e as Error)?.message ?? String(e)
      }`,
    };
  }
}

function toResult(ruleId: string, outcome: RuleOutcome): RuleResult {
  const result: RuleResult = { ruleId, status: outcome.status };
  if (outcome.message) result.message = outcome.message;
  if (outcome.evidence && outcome.evidence.length > 0)
    result.evidence = [...outcome.evidence];
  if (outcome.refs && outcome.refs.length > 0) result.refs = [...outcome.refs];
  const failing = outcome.status === 'fail' || outcome.status === 'error';
  if (outcome.fix && failing) result.fix = { ...outcome.fix };
  if (outcome.locations && outcome.locations.length > 0 && failing)
    result.locations = outcome.locations.map(location => ({ ...location }));
  return result;
}
