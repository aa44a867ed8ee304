import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { Card, CardBody, CardHeader, Flex, Link, Text } from '@backstage/ui';
import { useApi } from '@backstage/frontend-plugin-api';
import { useEntity, useEntityRefLink } from '@backstage/plugin-catalog-react';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { usePermission } from '@backstage/plugin-permission-react';
import { mandateEvaluatePermission } from '@mandate-dev/plugin-mandate-common';
import { mandateApiRef } from '../../api';
import { useEvaluation } from '../../hooks/useEvaluation';
import { useAutoEvaluate } from '../../hooks/useAutoEvaluate';
import { failingResults, ruleLevels } from '../../lib/ruleOrder';
import { AsyncView } from '../common/AsyncView';
import { LevelBadge } from '../common/LevelBadge';
import { ScoreNumber } from '../common/ScoreNumber';
import { TONE_COLORS } from '../../lib/tones';

/** Path of the Mandate tab below the entity page (see the entity content in plugin.tsx). */
export const MANDATE_TAB_PATH = 'mandate';

/** What the card says of a service without a report, while it is being scored or after. */
function notEvaluatedStatus(evaluation: {
  running: boolean;
  error?: Error;
}): string {
  if (evaluation.running) return 'Evaluating it now…';
  if (evaluation.error)
    return `The evaluation failed: ${evaluation.error.message}`;
  return 'The next scheduled evaluation scores it.';
}

/** Overview card: level, score and the three most important failing rules. @public */
export function EntityMandateCard() {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity).toLocaleLowerCase('en-US');
  const api = useApi(mandateApiRef);
  const entityLink = useEntityRefLink();
  const tabHref = `${entityLink(entity)}/${MANDATE_TAB_PATH}`;

  const state = useAsyncRetry(async () => {
    const [report, rules] = await Promise.all([
      api.getEntityReport(entityRef),
      api.getRules().catch(() => []),
    ]);
    return { report, rules };
  }, [api, entityRef]);
  const canEvaluate = usePermission({
    permission: mandateEvaluatePermission,
    resourceRef: entityRef,
  });
  const evaluation = useEvaluation({ entityRef, onDone: state.retry });
  // A service registered since the last scheduled evaluation (just created from a template) is
  // scored on first view when the user may, so that the card does not stay "not evaluated".
  useAutoEvaluate(
    !!state.value && !state.value.report && canEvaluate.allowed,
    evaluation.start,
  );

  return (
    <Card>
      <CardHeader>
        <Flex justify="between" align="center">
          <Text as="h3" variant="title-x-small">
            Mandate
          </Text>
          <Link href={tabHref} variant="body-small">
            All rules
          </Link>
        </Flex>
      </CardHeader>
      <CardBody>
        <AsyncView
          loading={state.loading}
          error={state.error}
          value={state.value}
        >
          {({ report, rules }) => {
            if (!report) {
              return (
                <Flex direction="column" gap="1">
                  <Text as="p" color="secondary">
                    Not evaluated yet.
                  </Text>
                  <Text as="p" variant="body-small" color="secondary">
                    {notEvaluatedStatus(evaluation)}
                  </Text>
                </Flex>
              );
            }
            const levels = ruleLevels(report, rules);
            const top = failingResults(report, rules).slice(0, 3);
            const titleOf = (id: string) =>
              rules.find(rule => rule.id === id)?.title ?? id;
            return (
              <Flex direction="column" gap="3">
                <Flex align="center" gap="3">
                  <LevelBadge level={report.level} size="medium" />
                  <Text as="span" variant="body-medium">
                    Score{' '}
                  </Text>
                  <span data-testid="card-score">
                    <ScoreNumber
                      score={report.score}
                      level={report.level}
                      variant="title-medium"
                    />
                  </span>
                </Flex>
                {top.length === 0 ? (
                  <Text as="p" style={{ color: TONE_COLORS.success }}>
                    Every rule passes.
                  </Text>
                ) : (
                  <Flex direction="column" gap="1">
                    <Text as="span" variant="body-small" color="secondary">
                      Fix first
                    </Text>
                    <ul
                      aria-label="Top failing rules"
                      style={{ margin: 0, padding: 0, listStyle: 'none' }}
                    >
                      {top.map(result => (
                        <li key={result.ruleId} style={{ marginBottom: 4 }}>
                          <Flex align="center" gap="2">
                            <LevelBadge
                              level={levels.get(result.ruleId) ?? 'gold'}
                            />
                            <Link href={`${tabHref}#rule-${result.ruleId}`}>
                              {titleOf(result.ruleId)}
                            </Link>
                          </Flex>
                        </li>
                      ))}
                    </ul>
                  </Flex>
                )}
              </Flex>
            );
          }}
        </AsyncView>
      </CardBody>
    </Card>
  );
}
