import useAsync from 'react-use/esm/useAsync';
import {
  Card,
  CardBody,
  CardHeader,
  Flex,
  Grid,
  Link,
  Text,
} from '@backstage/ui';
import { useApi, useRouteRef } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { ReportPage, RuleInfo } from '@mandate-dev/plugin-mandate-common';
import { mandateApiRef } from '../../api';
import { servicesRouteRef } from '../../routes';
import { isoDay } from '../../lib/dates';
import { useReportPage } from '../../hooks/useReportPage';
import { AsyncView } from '../common/AsyncView';
import { ScoreHistoryChart } from '../common/ScoreHistoryChart';
import { ScoreNumber } from '../common/ScoreNumber';
import { ReportPageTable } from '../common/ReportPageTable';
import { LevelCounts } from '../Dashboard/LevelCounts';
import { TeamSizeCard, TeamSizeVerdict } from './TeamSizeCard';

/**
 * The team-size rule as GET /rules describes it: the rule about the owning team (subject
 * `owner`) that bounds its members (`maxMembers`, the public option name).
 */
function teamSizeRule(rules: RuleInfo[]): RuleInfo | undefined {
  return rules.find(
    rule => rule.subject === 'owner' && 'maxMembers' in rule.options,
  );
}

/**
 * The "Mandate" tab of a team: size, score over time, and its services. The size verdict is the
 * engine's team-size result, which every service of the team shares: it is read from the first
 * service of the list below.
 */
export function TeamMandateContent() {
  const { entity } = useEntity();
  const owner = stringifyEntityRef(entity).toLocaleLowerCase('en-US');
  const api = useApi(mandateApiRef);
  const servicesLink = useRouteRef(servicesRouteRef);
  const members = (entity.relations ?? []).filter(
    relation => relation.type === 'hasMember',
  ).length;

  const overview = useAsync(async () => {
    const [rules, summary, history] = await Promise.all([
      api.getRules(),
      api.getSummary({ owner }),
      api.getHistory({ owner, from: isoDay(90), to: isoDay(0) }),
    ]);
    const sizeRule = teamSizeRule(rules);
    const limitOption = sizeRule?.options.maxMembers;
    const limit = typeof limitOption === 'number' ? limitOption : undefined;
    return { limit, sizeRuleId: sizeRule?.id, summary, history };
  }, [api, owner]);

  const page = useReportPage({ owner });
  const verdict = teamSizeVerdict(page.state, overview.value?.sizeRuleId);
  const servicesHref = (level?: string) => {
    if (!servicesLink) return undefined;
    const params = new URLSearchParams({ owner });
    if (level) params.set('level', level);
    return `${servicesLink()}?${params}`;
  };

  return (
    <AsyncView
      loading={overview.loading}
      error={overview.error}
      value={overview.value}
    >
      {({ limit, summary, history }) => (
        <Flex direction="column" gap="4">
          <Grid.Root columns={{ initial: '1', md: '3' }} gap="4">
            <TeamSizeCard members={members} limit={limit} verdict={verdict} />
            <Card>
              <CardHeader>
                <Text as="h3" variant="title-x-small">
                  Team score
                </Text>
              </CardHeader>
              <CardBody>
                <Flex direction="column" gap="2">
                  <span data-testid="team-score">
                    <ScoreNumber
                      score={summary.organisation.score}
                      variant="title-large"
                    />
                  </span>
                  <Text as="p" variant="body-small" color="secondary">
                    Mean of{' '}
                    {servicesHref() ? (
                      <Link href={servicesHref()!}>
                        {summary.organisation.services} services
                      </Link>
                    ) : (
                      `${summary.organisation.services} services`
                    )}
                  </Text>
                </Flex>
              </CardBody>
            </Card>
            <Card>
              <CardHeader>
                <Text as="h3" variant="title-x-small">
                  Levels
                </Text>
              </CardHeader>
              <CardBody>
                <LevelCounts
                  levels={summary.organisation.levels}
                  hrefFor={level => servicesHref(level)}
                />
              </CardBody>
            </Card>
          </Grid.Root>

          <Card>
            <CardHeader>
              <Text as="h3" variant="title-x-small">
                Team score, last 90 days
              </Text>
            </CardHeader>
            <CardBody>
              <ScoreHistoryChart points={history.points} showLevel={false} />
            </CardBody>
          </Card>

          <Card>
            <CardHeader>
              <Text as="h3" variant="title-x-small">
                Services
              </Text>
            </CardHeader>
            <CardBody>
              <ReportPageTable
                page={page}
                showOwner={false}
                empty={{
                  title: 'No services',
                  description: 'This team owns no evaluated service.',
                }}
              />
            </CardBody>
          </Card>
        </Flex>
      )}
    </AsyncView>
  );
}

function teamSizeVerdict(
  state: {
    value?: ReportPage;
    error?: Error;
  },
  sizeRuleId: string | undefined,
): TeamSizeVerdict {
  if (state.error) return { kind: 'unavailable' };
  if (!state.value) return { kind: 'loading' };
  const [first] = state.value.items;
  if (!first) return { kind: 'no-service' };
  const result = first.results.find(r => r.ruleId === sizeRuleId);
  return result ? { kind: 'result', result } : { kind: 'not-evaluated' };
}
