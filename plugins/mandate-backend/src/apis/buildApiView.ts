import {
  ApiMandateView,
  ApiOperationFindings,
  RuleResult,
  Waiver,
} from '@mandate-dev/plugin-mandate-common';

const HTTP_METHODS = new Set([
  'get',
  'put',
  'post',
  'delete',
  'options',
  'head',
  'patch',
  'trace',
]);

/** The key of the findings about the whole definition rather than one operation. */
const WHOLE_DEFINITION = '';

export interface ApiViewInput {
  /** The API's lower-case full ref. */
  entityRef: string;
  providers: string[];
  consumers: string[];
  /**
   * The current results (waivers applied) of the providing services the caller may read, and
   * the waivers in force for them.
   */
  reports: {
    serviceRef: string;
    results: readonly RuleResult[];
    waivers?: readonly Waiver[];
  }[];
  /** Whether a rule checks API definitions (derived from the rule definitions). */
  isApiRule: (ruleId: string) => boolean;
}

/** The results the API tab shows: what fails, and what fails but a waiver covers. */
const SHOWN = new Set<RuleResult['status']>(['fail', 'error', 'waived']);

/**
 * Groups the providing services' failing and waived results that concern this API by the operation their
 * locations point at. A result concerns the API when one of its locations is in the API, or
 * when an API rule's result names the API in its refs (e.g. an error with no location).
 */
export function buildApiView(input: ApiViewInput): ApiMandateView {
  const { entityRef } = input;
  const groups = new Map<string, ApiOperationFindings>();
  const groupOf = (pointer: string | undefined) => {
    const operation = operationOf(pointer);
    const key = operation?.pointer ?? WHOLE_DEFINITION;
    let group = groups.get(key);
    if (!group) {
      group = { ...operation, findings: [] };
      groups.set(key, group);
    }
    return group;
  };

  for (const { serviceRef, results, waivers = [] } of input.reports) {
    for (const result of results) {
      if (!SHOWN.has(result.status)) continue;
      const locations = (result.locations ?? []).filter(
        location => location.entityRef === entityRef,
      );
      const named =
        input.isApiRule(result.ruleId) &&
        (result.refs ?? []).includes(entityRef);
      if (locations.length === 0 && !named) continue;
      const finding = {
        ruleId: result.ruleId,
        status: result.status,
        serviceRef,
        ...(result.message ? { message: result.message } : {}),
        ...evidenceAbout(result, entityRef),
        ...(result.fix &&
        (!result.fix.entityRef || result.fix.entityRef === entityRef)
          ? { fix: result.fix }
          : {}),
        ...waiverOf(result, waivers),
      };
      const seen = new Set<ApiOperationFindings>();
      for (const location of locations.length > 0 ? locations : [{}]) {
        const group = groupOf((location as { pointer?: string }).pointer);
        // Several locations in one operation (e.g. two responses) are one finding there.
        if (seen.has(group)) continue;
        seen.add(group);
        const line = (location as { line?: number }).line;
        group.findings.push({
          ...finding,
          ...(line !== undefined ? { line } : {}),
        });
      }
    }
  }

  const operations = [...groups.values()].sort(
    (a, b) =>
      (a.path ?? '').localeCompare(b.path ?? '') ||
      (a.method ?? '').localeCompare(b.method ?? ''),
  );
  return {
    entityRef,
    providers: input.providers,
    consumers: input.consumers,
    operations,
  };
}

/** The waiver behind a waived result (the one in force for its rule). */
function waiverOf(
  result: RuleResult,
  waivers: readonly Waiver[],
): { waiver?: Waiver } {
  if (result.status !== 'waived') return {};
  const waiver = waivers.find(w => w.ruleId === result.ruleId);
  return waiver ? { waiver } : {};
}

/** `/paths/~1orders/get/responses/500` → the operation `/paths/~1orders/get`, GET /orders. */
function operationOf(
  pointer: string | undefined,
): { pointer: string; method: string; path: string } | undefined {
  const [empty, paths, path, method] = (pointer ?? '').split('/');
  if (empty !== '' || paths !== 'paths' || !path || !method) return undefined;
  if (!HTTP_METHODS.has(method)) return undefined;
  return {
    pointer: `/paths/${path}/${method}`,
    method,
    path: path.replace(/~1/g, '/').replace(/~0/g, '~'),
  };
}

/**
 * A service providing several APIs has one result for all of them, its evidence prefixed by the
 * API each item is about (see aggregateApiChecks): then only this API's items are kept.
 */
function evidenceAbout(
  result: RuleResult,
  entityRef: string,
): { evidence?: string[] } {
  const evidence = result.evidence ?? [];
  if (evidence.length === 0) return {};
  const about = evidence.filter(item => item.startsWith(`${entityRef}: `));
  const others = (result.refs ?? []).some(ref => ref !== entityRef);
  return { evidence: others && about.length > 0 ? about : evidence };
}
