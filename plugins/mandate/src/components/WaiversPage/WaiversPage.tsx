import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { Alert, Container, Flex, Link, Select, Text } from '@backstage/ui';
import { useApi, useRouteRef } from '@backstage/frontend-plugin-api';
import { defaultEntityPresentation } from '@backstage/plugin-catalog-react';
import { Waiver } from '@mandate-dev/plugin-mandate-common';
import { mandateApiRef } from '../../api';
import { rootRouteRef } from '../../routes';
import { useDisplayNames } from '../../hooks/useDisplayNames';
import { truncate } from '../../lib/truncate';
import { AsyncView } from '../common/AsyncView';
import { DecideWaiverDialog } from './DecideWaiverDialog';
import { RevokeWaiverDialog } from './RevokeWaiverDialog';
import { WaiversTable } from './WaiversTable';
import {
  WAIVER_STATE_FILTERS,
  WaiverFilters,
  useWaiverFilters,
} from './useWaiverFilters';

const ALL = 'all';

const serviceName = (waiver: Waiver) =>
  waiver.entityTitle ??
  defaultEntityPresentation(waiver.entityRef, { defaultKind: 'component' })
    .primaryTitle;

/**
 * Waiver governance: every waiver and waiver request of the services the user may see, by
 * state (requested, active, expiring within 14 days, expired, revoked, denied), team and rule.
 * Approving, denying and revoking are offered to those the permission policy allows, per
 * service; revoking asks for confirmation.
 */
export function WaiversPage() {
  const api = useApi(mandateApiRef);
  const dashboardLink = useRouteRef(rootRouteRef);
  const [filters, setFilter] = useWaiverFilters();
  const waivers = useAsyncRetry(
    () => api.listWaivers(filters),
    [api, filters.state, filters.owner, filters.ruleId],
  );
  const rules = useAsync(() => api.getRules(), [api]);
  const teams = useAsync(async () => (await api.getSummary()).teams, [api]);
  const owners = [
    ...new Set([
      ...(teams.value ?? []).map(team => team.owner),
      ...(filters.owner ? [filters.owner] : []),
    ]),
  ].sort();
  const ownerNames = useDisplayNames(owners, 'group');
  const ruleTitles = new Map(
    (rules.value ?? []).map(rule => [rule.id, rule.title]),
  );
  const [deciding, setDeciding] = useState<
    { waiver: Waiver; decision: 'approve' | 'deny' } | undefined
  >();
  const [revoking, setRevoking] = useState<Waiver | undefined>();
  const [done, setDone] = useState<string | undefined>();

  const select = (
    key: keyof WaiverFilters,
    label: string,
    options: { id: string; label: string }[],
  ) => (
    <Select
      label={label}
      name={key}
      style={{ minWidth: 200 }}
      options={[{ id: ALL, label: 'All' }, ...options]}
      value={filters[key] ?? ALL}
      onChange={value =>
        setFilter(
          key,
          value === ALL || value === null ? undefined : String(value),
        )
      }
    />
  );

  return (
    <Container my="4">
      <Flex direction="column" gap="4">
        <Flex
          justify="between"
          align="center"
          gap="3"
          style={{ flexWrap: 'wrap' }}
        >
          <Text as="h2" variant="title-small">
            Waivers
          </Text>
          {dashboardLink && (
            <Link href={dashboardLink()}>Back to the dashboard</Link>
          )}
        </Flex>
        <Text as="p" color="secondary">
          A team requests a waiver for a failing rule of its service; it counts
          as passing only once someone allowed to approve it does, until it
          expires or is revoked.
        </Text>
        <Flex
          gap="3"
          align="end"
          style={{ flexWrap: 'wrap' }}
          aria-label="Filters"
        >
          {select('state', 'State', WAIVER_STATE_FILTERS)}
          {select(
            'owner',
            'Team',
            owners.map(owner => ({
              id: owner,
              label: ownerNames.get(owner) ?? owner,
            })),
          )}
          {select(
            'ruleId',
            'Rule',
            [
              ...(rules.value ?? []).map(rule => rule.id),
              ...(filters.ruleId &&
              !(rules.value ?? []).some(rule => rule.id === filters.ruleId)
                ? [filters.ruleId]
                : []),
            ].map(id => ({ id, label: ruleTitles.get(id) ?? id })),
          )}
        </Flex>
        {done && (
          <Alert status="success" title={done} data-testid="waiver-done" />
        )}
        <AsyncView
          loading={waivers.loading && !waivers.value}
          error={waivers.error}
          value={waivers.value}
        >
          {items => (
            <WaiversTable
              waivers={items}
              ruleTitles={ruleTitles}
              onDecide={(waiver, decision) => setDeciding({ waiver, decision })}
              onRevoke={setRevoking}
              empty={
                filters.state || filters.owner || filters.ruleId
                  ? 'No waiver matches these filters.'
                  : 'No waiver has been requested yet. Teams request them from the Mandate tab of a service, on a failing rule.'
              }
            />
          )}
        </AsyncView>
        {rules.error && (
          <Alert
            status="warning"
            title="Rule titles could not be loaded"
            description={truncate(rules.error.message)}
          />
        )}
      </Flex>
      {deciding && (
        <DecideWaiverDialog
          waiver={deciding.waiver}
          decision={deciding.decision}
          serviceName={serviceName(deciding.waiver)}
          onClose={() => setDeciding(undefined)}
          onDecide={async (waiver, comment) => {
            if (deciding.decision === 'approve') {
              await api.approveWaiver(waiver.id, comment);
              setDone(
                `Approved the waiver of ${waiver.ruleId} for ${serviceName(
                  waiver,
                )}`,
              );
            } else {
              await api.denyWaiver(waiver.id, comment);
              setDone(
                `Denied the waiver of ${waiver.ruleId} for ${serviceName(
                  waiver,
                )}`,
              );
            }
            waivers.retry();
          }}
        />
      )}
      {revoking && (
        <RevokeWaiverDialog
          waiver={revoking}
          serviceName={serviceName(revoking)}
          onClose={() => setRevoking(undefined)}
          onRevoke={async waiver => {
            await api.revokeWaiver(waiver.id);
            setDone(
              `Revoked the waiver of ${waiver.ruleId} for ${serviceName(
                waiver,
              )}`,
            );
            waivers.retry();
          }}
        />
      )}
    </Container>
  );
}
