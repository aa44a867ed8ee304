import { useCallback, useEffect, useMemo, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import {
  Alert,
  Button,
  Card,
  CardBody,
  CardHeader,
  Flex,
  Grid,
  Text,
} from '@backstage/ui';
import { EmptyState } from '@backstage/core-components';
import { useApi, useAppLocation } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  mandateEvaluatePermission,
  mandateWaiverApprovePermission,
  mandateWaiverCreatePermission,
  mandateWaiverRevokePermission,
  RuleInfo,
  RuleResult,
  Waiver,
} from '@mandate-dev/plugin-mandate-common';
import { mandateApiRef } from '../../api';
import { useEvaluation } from '../../hooks/useEvaluation';
import { useAutoEvaluate } from '../../hooks/useAutoEvaluate';
import { formatDateTime, isoDay } from '../../lib/dates';
import { blockingGroups, groupByTenet, ruleLevels } from '../../lib/ruleOrder';
import { truncate } from '../../lib/truncate';
import { activeWaivers } from '../../lib/activeWaivers';
import { AsyncView } from '../common/AsyncView';
import { LevelBadge } from '../common/LevelBadge';
import { ScoreNumber } from '../common/ScoreNumber';
import { ScoreHistoryChart } from '../common/ScoreHistoryChart';
import { NextLevelChecklist } from './NextLevelChecklist';
import { FailingRules } from './FailingRules';
import { PassingRules } from './PassingRules';
import { RuleResultCard } from './RuleResultCard';
import { WaiveDialog } from './WaiveDialog';
import { RevokeWaiverDialog } from '../WaiversPage/RevokeWaiverDialog';

/** The "Mandate" tab of a service: its scorecard, history, checklist and every rule. @public */
export function EntityMandateContent() {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity).toLocaleLowerCase('en-US');
  const api = useApi(mandateApiRef);

  const reportState = useAsyncRetry(
    () => api.getEntityReport(entityRef),
    [api, entityRef],
  );
  const rulesState = useAsyncRetry(() => api.getRules(), [api]);
  const historyState = useAsyncRetry(
    () => api.getHistory({ entityRef, from: isoDay(90), to: isoDay(0) }),
    [api, entityRef],
  );

  const refresh = useCallback(() => {
    reportState.retry();
    historyState.retry();
  }, [reportState, historyState]);

  // Asked for this service, so that a policy can allow owners on their own services only.
  const canWaive = usePermission({
    permission: mandateWaiverCreatePermission,
    resourceRef: entityRef,
  });
  const canApprove = usePermission({
    permission: mandateWaiverApprovePermission,
    resourceRef: entityRef,
  });
  const canRevoke = usePermission({
    permission: mandateWaiverRevokePermission,
    resourceRef: entityRef,
  });
  const canEvaluate = usePermission({
    permission: mandateEvaluatePermission,
    resourceRef: entityRef,
  });

  const evaluation = useEvaluation({ entityRef, onDone: refresh });
  // A service registered since the last scheduled evaluation (just created from a template) has
  // no report yet: score it now, once, when the user may, rather than leave it unscored.
  const notEvaluated =
    !reportState.loading && !reportState.error && !reportState.value;
  useAutoEvaluate(notEvaluated && canEvaluate.allowed, evaluation.start);
  const [waiving, setWaiving] = useState<string | undefined>();
  const [revoking, setRevoking] = useState<Waiver | undefined>();

  // Links to one rule (`#rule-<id>`, from the overview card and the checklist) scroll to it once
  // the report has rendered.
  const { hash } = useAppLocation();
  const loaded = !!reportState.value;
  useEffect(() => {
    if (!loaded || !hash.startsWith('#rule-')) return;
    document
      .getElementById(decodeURIComponent(hash.slice(1)))
      ?.scrollIntoView?.({ block: 'start', behavior: 'smooth' });
  }, [hash, loaded]);

  const rules: RuleInfo[] = useMemo(
    () => rulesState.value ?? [],
    [rulesState.value],
  );
  const ruleById = useMemo(
    () => new Map(rules.map(rule => [rule.id, rule])),
    [rules],
  );

  const revoke = async (waiver: Waiver) => {
    await api.revokeWaiver(waiver.id);
    refresh();
  };

  const reEvaluateButton = canEvaluate.allowed ? (
    <Button
      variant="secondary"
      onPress={evaluation.start}
      loading={evaluation.running}
      isDisabled={evaluation.running}
    >
      Re-evaluate now
    </Button>
  ) : null;

  return (
    <AsyncView
      loading={reportState.loading}
      error={reportState.error}
      value={
        // The rules (tenets, titles, order) come from GET /rules: wait for them too, so that the
        // results are not first shown ungrouped; without them the report's own levels still hold.
        (reportState.loading && !reportState.value) ||
        (rulesState.loading && !rulesState.value)
          ? undefined
          : { report: reportState.value }
      }
    >
      {({ report }) => {
        if (!report) {
          return (
            <EmptyState
              missing="data"
              title="Not evaluated yet"
              description="Mandate has not scored this service yet. The scheduled evaluation will pick it up, or evaluate it now."
              action={reEvaluateButton ?? undefined}
            />
          );
        }
        const waivers = activeWaivers(report);
        const requests = new Map(
          (report.requests ?? []).map(request => [request.ruleId, request]),
        );
        const levels = ruleLevels(report, rules);
        const blocking = blockingGroups(report, rules);
        const waived = report.results.filter(r => r.status === 'waived');
        const passing = report.results.filter(
          r => r.status === 'pass' || r.status === 'not-applicable',
        );
        const passCount = passing.filter(r => r.status === 'pass').length;
        const notApplicable = passing.length - passCount;
        const passingGroups = groupByTenet(passing, rules);
        const waiveRule = waiving ? ruleById.get(waiving) : undefined;
        const renderResult = (result: RuleResult) => (
          <RuleResultCard
            key={result.ruleId}
            entityRef={report.entityRef}
            result={result}
            rule={ruleById.get(result.ruleId)}
            level={levels.get(result.ruleId)}
            waiver={waivers.get(result.ruleId)}
            request={requests.get(result.ruleId)}
            canWaive={canWaive.allowed}
            canApprove={canApprove.allowed}
            canRevoke={canRevoke.allowed}
            onWaive={() => setWaiving(result.ruleId)}
            onRevoke={setRevoking}
          />
        );
        return (
          <Flex direction="column" gap="4">
            <Card>
              <CardBody>
                <Flex
                  justify="between"
                  align="center"
                  gap="4"
                  style={{ flexWrap: 'wrap' }}
                >
                  <Flex align="center" gap="4" style={{ flexWrap: 'wrap' }}>
                    <LevelBadge level={report.level} size="medium" />
                    <Flex direction="column" gap="0.5">
                      <Text as="span" variant="body-small" color="secondary">
                        Score
                      </Text>
                      <span data-testid="entity-score">
                        <ScoreNumber
                          score={report.score}
                          level={report.level}
                          variant="title-large"
                        />
                      </span>
                    </Flex>
                    <Flex direction="column" gap="0.5">
                      <Text
                        as="span"
                        variant="body-medium"
                        data-testid="result-counts"
                      >
                        {[
                          `${blocking.reduce(
                            (n, group) => n + group.results.length,
                            0,
                          )} failing`,
                          `${waived.length} waived`,
                          `${passCount} passing`,
                          `${notApplicable} not applicable`,
                        ].join(' · ')}
                      </Text>
                      <Text as="span" variant="body-small" color="secondary">
                        Evaluated {formatDateTime(report.evaluatedAt)}
                        {report.tier ? ` · tier ${report.tier}` : ' · no tier'}
                      </Text>
                    </Flex>
                  </Flex>
                  {reEvaluateButton}
                </Flex>
                {evaluation.running && (
                  <Alert
                    mt="3"
                    status="info"
                    loading
                    title={`Evaluation ${
                      evaluation.evaluation?.status ?? 'queued'
                    }…`}
                  />
                )}
                {evaluation.error && (
                  <Alert
                    mt="3"
                    status="danger"
                    title="Re-evaluation failed"
                    description={truncate(evaluation.error.message)}
                  />
                )}
              </CardBody>
            </Card>

            <FailingRules
              blocking={blocking}
              waived={waived}
              renderResult={renderResult}
            />
            <PassingRules
              groups={passingGroups}
              passCount={passCount}
              notApplicable={notApplicable}
              renderResult={renderResult}
            />

            <Grid.Root columns={{ initial: '1', md: '2' }} gap="4">
              <NextLevelChecklist report={report} rules={rules} />
              <Card>
                <CardHeader>
                  <Text as="h3" variant="title-x-small">
                    Score and level, last 90 days
                  </Text>
                </CardHeader>
                <CardBody>
                  <AsyncView
                    loading={historyState.loading}
                    error={historyState.error}
                    value={historyState.value}
                  >
                    {history => (
                      <ScoreHistoryChart points={history.points} showLevel />
                    )}
                  </AsyncView>
                </CardBody>
              </Card>
            </Grid.Root>

            {waiving && (
              <WaiveDialog
                ruleId={waiving}
                ruleTitle={waiveRule?.title}
                isOpen
                canApprove={canApprove.allowed}
                onClose={() => setWaiving(undefined)}
                onSubmit={async ({ reason, expiresAt, mode }) => {
                  await api.createWaiver({
                    entityRef,
                    ruleId: waiving,
                    reason,
                    expiresAt,
                    mode,
                  });
                  refresh();
                }}
              />
            )}
            {revoking && (
              <RevokeWaiverDialog
                waiver={revoking}
                serviceName={entity.metadata.title ?? entity.metadata.name}
                onClose={() => setRevoking(undefined)}
                onRevoke={revoke}
              />
            )}
          </Flex>
        );
      }}
    </AsyncView>
  );
}
