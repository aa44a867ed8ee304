import type { DefinitionCheck } from '../../apis';
import { error, fail, pass, RuleOutcome } from '../RuleOutcome';

/**
 * Several APIs: the rule fails when any API fails it (with the reasons of any `error` APIs
 * added to the evidence), otherwise it is `error` when any API errs, otherwise it passes.
 * The outcome's `refs` are the APIs its evidence names.
 */
export function aggregateApiChecks(
  checks: { api: string; check: DefinitionCheck }[],
): RuleOutcome {
  const failing = checks.filter(c => c.check.status === 'fail');
  const erring = checks.filter(c => c.check.status === 'error');
  const errorReasons = erring.map(
    ({ api, check }) =>
      `${api}: could not be evaluated: ${check.message ?? 'unknown reason'}`,
  );
  if (failing.length > 0) {
    const evidence = failing.flatMap(({ api, check }) =>
      check.evidence.length > 0
        ? check.evidence.map(item => `${api}: ${item}`)
        : [`${api}: ${check.message ?? 'fails'}`],
    );
    return fail(
      `${failing.length} of ${checks.length} API${
        checks.length === 1 ? '' : 's'
      } fail${failing.length === 1 ? 's' : ''}${
        failing.length === 1 && failing[0].check.message
          ? `: ${failing[0].check.message}`
          : ''
      }`,
      [...evidence, ...errorReasons],
      [...failing, ...erring].map(({ api }) => api),
    );
  }
  if (erring.length > 0) {
    return error(
      erring.length === 1
        ? `${erring[0].api} could not be evaluated`
        : `${erring.length} APIs could not be evaluated`,
      errorReasons,
      erring.map(({ api }) => api),
    );
  }
  return pass();
}
