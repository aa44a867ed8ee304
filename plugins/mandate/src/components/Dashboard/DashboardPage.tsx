import { useEffect, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import {
  Button,
  ButtonLink,
  Card,
  CardBody,
  CardHeader,
  Container,
  Flex,
  Grid,
  Link,
  Text,
} from '@backstage/ui';
import { EmptyState } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/frontend-plugin-api';
import { Level, RuleStatus, Tier } from '@mandate-dev/plugin-mandate-common';
import { mandateApiRef } from '../../api';
import { ruleRouteRef, servicesRouteRef, waiversRouteRef } from '../../routes';
import { formatDateTime, isoDay } from '../../lib/dates';
import { AsyncView } from '../common/AsyncView';
import { ScoreHistoryChart } from '../common/ScoreHistoryChart';
import { ScoreNumber } from '../common/ScoreNumber';
import { CampaignsCard } from './CampaignsCard';
import { ExportCsvButton } from './ExportCsvButton';
import { FilterBar } from './FilterBar';
import { LevelCounts } from './LevelCounts';
import { LevelDistributionChart } from './LevelDistributionChart';
import { RequiredLevelMatrix } from './RequiredLevelMatrix';
import { RuleCompliance } from './RuleCompliance';
import { TeamsTable } from './TeamsTable';
import { TrendText } from './TrendText';
import { InvalidFiltersNotice } from './InvalidFiltersNotice';
import { plural } from '../../lib/plural';
import { toQueryString, useReportFilters } from './useReportFilters';

/** How often an empty dashboard asks again whether the first evaluation has run. */
export const EMPTY_REFRESH_MS = 10_000;

/** The leadership view at /mandate: organisation score, levels, teams and rules. */
export function DashboardPage() {
  const api = useApi(mandateApiRef);
  const [filters, setFilter, invalidFilters, clearFilters] = useReportFilters();
  const summaryFilters = {
    tier: filters.tier,
    system: filters.system,
    owner: filters.owner,
    lifecycle: filters.lifecycle,
  };
  const filterKey = JSON.stringify(summaryFilters);
  const servicesLink = useRouteRef(servicesRouteRef);
  const ruleLink = useRouteRef(ruleRouteRef);
  const waiversLink = useRouteRef(waiversRouteRef);

  const filtered = Object.values(summaryFilters).some(Boolean);
  // Until the first evaluation has stored results, look again now and then: a new portal
  // evaluates shortly after it starts, and the page should fill without a reload.
  const [attempt, setAttempt] = useState(0);
  const summary = useAsync(
    () => api.getSummary(summaryFilters),
    [api, filterKey, attempt],
  );
  const nothingEvaluated =
    !filtered && summary.value?.organisation.services === 0;
  useEffect(() => {
    if (!nothingEvaluated) return undefined;
    const timer = setTimeout(() => setAttempt(n => n + 1), EMPTY_REFRESH_MS);
    return () => clearTimeout(timer);
  }, [nothingEvaluated, summary.value]);
  // The owner choices come from the unfiltered summary, so that choosing one keeps the others;
  // without filters that is the summary already loaded.
  const unfilteredTeams = useAsync(
    async () => (filtered ? (await api.getSummary()).teams : undefined),
    [api, filtered],
  );
  const owners = (
    filtered ? unfilteredTeams.value ?? [] : summary.value?.teams ?? []
  )
    .map(team => team.owner)
    .sort();
  const rules = useAsync(() => api.getRules(), [api]);
  const history = useAsync(
    () =>
      api.getHistory({
        owner: filters.owner,
        from: isoDay(90),
        to: isoDay(0),
      }),
    [api, filters.owner],
  );

  const servicesHref = (extra: {
    owner?: string;
    tier?: Tier | 'none';
    level?: Level;
    ruleId?: string;
    status?: RuleStatus;
  }) =>
    servicesLink
      ? `${servicesLink()}${toQueryString({ ...summaryFilters, ...extra })}`
      : undefined;

  return (
    <Container my="4">
      <Flex direction="column" gap="4">
        <Flex
          justify="between"
          align="end"
          style={{ flexWrap: 'wrap' }}
          gap="3"
        >
          <FilterBar filters={filters} owners={owners} onChange={setFilter} />
          <Flex gap="3" align="center">
            {waiversLink && (
              <ButtonLink variant="secondary" href={waiversLink()}>
                Waivers
              </ButtonLink>
            )}
            <ExportCsvButton filters={summaryFilters} />
          </Flex>
        </Flex>
        <InvalidFiltersNotice
          invalid={invalidFilters}
          onRemove={clearFilters}
        />
        <AsyncView
          // Looking again while nothing is evaluated keeps the empty state on screen.
          loading={summary.loading && !nothingEvaluated}
          error={summary.error}
          value={summary.value}
        >
          {value =>
            value.organisation.services === 0 ? (
              <EmptyState
                missing="data"
                title={
                  filtered
                    ? 'No service matches these filters'
                    : 'No evaluated services'
                }
                description={
                  filtered
                    ? 'Mandate has scored services, but none with this tier, system, owner and lifecycle.'
                    : 'Mandate has not evaluated the catalog yet; the first scheduled evaluation fills this page (it looks again every few seconds).'
                }
                action={
                  filtered ? (
                    <Button
                      variant="secondary"
                      onPress={() =>
                        clearFilters(
                          Object.keys(
                            summaryFilters,
                          ) as (keyof typeof summaryFilters)[],
                        )
                      }
                    >
                      Clear the filters
                    </Button>
                  ) : undefined
                }
              />
            ) : (
              <Flex direction="column" gap="4">
                <Card>
                  <CardHeader>
                    <Text as="h3" variant="title-x-small">
                      Services at the required level
                    </Text>
                  </CardHeader>
                  <CardBody>
                    <RequiredLevelMatrix
                      tiers={value.tiers}
                      atRequiredLevel={value.organisation.atRequiredLevel ?? 0}
                      services={value.organisation.services}
                      hrefFor={servicesHref}
                    />
                  </CardBody>
                </Card>
                <Grid.Root columns={{ initial: '1', md: '3' }} gap="4">
                  <Card>
                    <CardHeader>
                      <Text as="h3" variant="title-x-small">
                        {filters.owner ||
                        filters.tier ||
                        filters.system ||
                        filters.lifecycle
                          ? 'Score (filtered)'
                          : 'Organisation score'}
                      </Text>
                    </CardHeader>
                    <CardBody>
                      <Flex direction="column" gap="2">
                        <Flex align="end" gap="3">
                          <span data-testid="organisation-score">
                            <ScoreNumber
                              score={value.organisation.score}
                              variant="title-large"
                            />
                          </span>
                          <TrendText change={value.organisation.change30d} />
                        </Flex>
                        <Text as="p" variant="body-small" color="secondary">
                          Mean of{' '}
                          {servicesHref({}) ? (
                            <Link href={servicesHref({})!}>
                              {plural(value.organisation.services, 'service')}
                            </Link>
                          ) : (
                            plural(value.organisation.services, 'service')
                          )}
                          {value.generatedAt &&
                            `, evaluated ${formatDateTime(value.generatedAt)}`}
                        </Text>
                      </Flex>
                    </CardBody>
                  </Card>
                  <Card>
                    <CardHeader>
                      <Text as="h3" variant="title-x-small">
                        Level distribution
                      </Text>
                    </CardHeader>
                    <CardBody>
                      <Flex direction="column" gap="2">
                        <LevelCounts
                          levels={value.organisation.levels}
                          hrefFor={level => servicesHref({ level })}
                        />
                        <LevelDistributionChart
                          levels={value.organisation.levels}
                        />
                      </Flex>
                    </CardBody>
                  </Card>
                  <Card>
                    <CardHeader>
                      <Text as="h3" variant="title-x-small">
                        {filters.tier || filters.system || filters.lifecycle
                          ? `${
                              filters.owner ? 'Team' : 'Organisation'
                            } trend, last 90 days`
                          : 'Trend, last 90 days'}
                      </Text>
                    </CardHeader>
                    <CardBody>
                      <AsyncView
                        loading={history.loading}
                        error={history.error}
                        value={history.value}
                      >
                        {h => (
                          <ScoreHistoryChart
                            points={h.points}
                            height={160}
                            showLevel={false}
                          />
                        )}
                      </AsyncView>
                    </CardBody>
                  </Card>
                </Grid.Root>

                <CampaignsCard />

                <Card>
                  <CardHeader>
                    <Text as="h3" variant="title-x-small">
                      Teams
                    </Text>
                  </CardHeader>
                  <CardBody>
                    <TeamsTable
                      teams={value.teams}
                      trendDays={value.trendDays}
                      servicesHref={servicesHref}
                    />
                  </CardBody>
                </Card>

                <Card>
                  <CardHeader>
                    <Text as="h3" variant="title-x-small">
                      Compliance per rule
                    </Text>
                  </CardHeader>
                  <CardBody>
                    <RuleCompliance
                      rules={value.rules}
                      ruleInfo={rules.value ?? []}
                      ruleHref={ruleId => ruleLink?.({ ruleId })}
                      servicesHref={servicesHref}
                    />
                  </CardBody>
                </Card>
              </Flex>
            )
          }
        </AsyncView>
      </Flex>
    </Container>
  );
}
