import useAsync from 'react-use/esm/useAsync';
import { Card, CardBody, CardHeader, Flex, Link, Text } from '@backstage/ui';
import { useApi } from '@backstage/frontend-plugin-api';
import { useEntity, useEntityRefLink } from '@backstage/plugin-catalog-react';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { mandateApiRef } from '../../api';
import { failingResults, ruleLevels } from '../../lib/ruleOrder';
import { AsyncView } from '../common/AsyncView';
import { LevelBadge } from '../common/LevelBadge';
import { ScoreNumber } from '../common/ScoreNumber';

/** Path of the Mandate tab below the entity page (see the entity content in plugin.tsx). */
export const MANDATE_TAB_PATH = 'mandate';

/** Overview card: level, score and the three most important failing rules. */
export function EntityMandateCard() {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity).toLocaleLowerCase('en-US');
  const api = useApi(mandateApiRef);
  const entityLink = useEntityRefLink();
  const tabHref = `${entityLink(entity)}/${MANDATE_TAB_PATH}`;

  const state = useAsync(async () => {
    const [report, rules] = await Promise.all([
      api.getEntityReport(entityRef),
      api.getRules().catch(() => []),
    ]);
    return { report, rules };
  }, [api, entityRef]);

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
                <Text as="p" color="secondary">
                  Not evaluated yet.
                </Text>
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
                    <ScoreNumber score={report.score} variant="title-medium" />
                  </span>
                </Flex>
                {top.length === 0 ? (
                  <Text as="p" color="success">
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
