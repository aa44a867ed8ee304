import { useState } from 'react';
import { Cell, Link, Table, Text } from '@backstage/ui';
import { useRouteRef } from '@backstage/frontend-plugin-api';
import {
  Waiver,
  WAIVER_EXPIRING_DAYS,
} from '@mandate-dev/plugin-mandate-common';
import { ruleRouteRef } from '../../routes';
import { formatDate } from '../../lib/dates';
import { TONE_COLORS } from '../../lib/tones';
import { ActorLink } from '../common/ActorLink';
import { EntityLink } from '../common/EntityLink';
import { WaiverActions } from './WaiverActions';
import { WaiverStateBadge } from './WaiverStateBadge';

const PAGE_SIZES = [25, 50, 100];
const DAY_MS = 24 * 60 * 60 * 1000;

/** Whether an active waiver ends within the expiring window (what the `expiring` filter lists). */
function isExpiring(waiver: Waiver, now: number): boolean {
  return (
    waiver.state === 'active' &&
    new Date(waiver.expiresAt).getTime() - now <= WAIVER_EXPIRING_DAYS * DAY_MS
  );
}

/** Waivers and requests, newest first as the API lists them, paged in the browser. */
export function WaiversTable(props: {
  waivers: Waiver[];
  ruleTitles: Map<string, string>;
  onDecide: (waiver: Waiver, decision: 'approve' | 'deny') => void;
  onRevoke: (waiver: Waiver) => void;
  /** What an empty table says. */
  empty: string;
}) {
  const { waivers, ruleTitles, onDecide, onRevoke, empty } = props;
  const ruleLink = useRouteRef(ruleRouteRef);
  const [pageSize, setPageSize] = useState(PAGE_SIZES[0]);
  const [offset, setOffset] = useState(0);
  const now = Date.now();
  return (
    <Table<Waiver>
      data={waivers.slice(offset, offset + pageSize)}
      pagination={{
        type: 'page',
        pageSize,
        pageSizeOptions: PAGE_SIZES,
        offset,
        totalCount: waivers.length,
        hasNextPage: offset + pageSize < waivers.length,
        hasPreviousPage: offset > 0,
        onNextPage: () => setOffset(offset + pageSize),
        onPreviousPage: () => setOffset(Math.max(0, offset - pageSize)),
        onPageSizeChange: size => {
          setPageSize(size);
          setOffset(0);
        },
      }}
      emptyState={<Text color="secondary">{empty}</Text>}
      columnConfig={[
        {
          id: 'service',
          label: 'Service',
          isRowHeader: true,
          minWidth: 100,
          cell: waiver => (
            <Cell>
              <EntityLink entityRef={waiver.entityRef} />
            </Cell>
          ),
        },
        {
          id: 'rule',
          label: 'Rule',
          minWidth: 130,
          cell: waiver => {
            const title = ruleTitles.get(waiver.ruleId) ?? waiver.ruleId;
            return (
              <Cell>
                {ruleLink ? (
                  <Link
                    href={ruleLink({ ruleId: waiver.ruleId })}
                    title={waiver.ruleId}
                  >
                    {title}
                  </Link>
                ) : (
                  title
                )}
              </Cell>
            );
          },
        },
        {
          id: 'reason',
          label: 'Reason',
          defaultWidth: '1.5fr',
          minWidth: 150,
          cell: waiver => (
            <Cell>
              <Text variant="body-small">{waiver.reason}</Text>
            </Cell>
          ),
        },
        {
          id: 'state',
          label: 'State',
          minWidth: 100,
          cell: waiver => (
            <Cell>
              <WaiverStateBadge state={waiver.state} />
            </Cell>
          ),
        },
        {
          id: 'requestedBy',
          label: 'Requested by',
          minWidth: 140,
          cell: waiver => (
            <Cell>
              <ActorLink actor={waiver.requestedBy} />
            </Cell>
          ),
        },
        {
          id: 'decidedBy',
          label: 'Decided by',
          minWidth: 140,
          cell: waiver => (
            <Cell>
              {waiver.decidedBy ? (
                <span title={waiver.decisionComment ?? undefined}>
                  <ActorLink actor={waiver.decidedBy} />
                  {waiver.decidedAt && (
                    // Primary colour: secondary text falls below AA on a hovered row.
                    <Text as="span" variant="body-small">
                      {' '}
                      on {formatDate(waiver.decidedAt)}
                    </Text>
                  )}
                </span>
              ) : (
                <Text color="secondary">—</Text>
              )}
            </Cell>
          ),
        },
        {
          id: 'expiresAt',
          label: 'Expires',
          minWidth: 110,
          cell: waiver => (
            <Cell>
              <span
                style={
                  isExpiring(waiver, now)
                    ? { color: TONE_COLORS.warning, fontWeight: 600 }
                    : undefined
                }
                title={isExpiring(waiver, now) ? 'Expires soon' : undefined}
              >
                {formatDate(waiver.expiresAt)}
              </span>
            </Cell>
          ),
        },
        {
          id: 'actions',
          label: 'Actions',
          minWidth: 150,
          cell: waiver => (
            <Cell>
              <WaiverActions
                waiver={waiver}
                onDecide={onDecide}
                onRevoke={onRevoke}
              />
            </Cell>
          ),
        },
      ]}
    />
  );
}
