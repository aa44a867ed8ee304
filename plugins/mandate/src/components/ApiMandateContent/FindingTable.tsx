import { Cell, Flex, Table, Text } from '@backstage/ui';
import { RuleInfo } from '@mandate-dev/plugin-mandate-common';
import { EntityLink } from '../common/EntityLink';
import { EvidenceText } from '../common/EvidenceText';
import { StatusBadge } from '../common/StatusBadge';
import { FixPanel } from '../EntityMandateContent/FixPanel';
import { FindingRow } from './findingRows';
import { WaiverNote } from '../common/WaiverNote';

/**
 * Operations × failing (or waived) rules: what fails where, why, for which services, and the
 * fix; a waived row says by whom, until when and why it is waived.
 */
export function FindingTable(props: {
  rows: FindingRow[];
  rules: ReadonlyMap<string, RuleInfo>;
  label: string;
  /** The API's ref: the texts name it, and the services, by display name. */
  apiRef: string;
}) {
  const { rows, rules, label, apiRef } = props;
  const refsOf = (row: FindingRow) => [apiRef, ...row.serviceRefs];
  return (
    <div aria-label={label}>
      <Table<FindingRow>
        data={rows}
        pagination={{ type: 'none' }}
        columnConfig={[
          {
            id: 'operation',
            label: 'Operation',
            isRowHeader: true,
            minWidth: 140,
            cell: row => (
              <Cell>
                <Text variant="body-small">
                  <code>{row.operation ?? 'Whole definition'}</code>
                  {row.finding.line !== undefined &&
                    ` (line ${row.finding.line})`}
                </Text>
              </Cell>
            ),
          },
          {
            id: 'rule',
            label: 'Rule',
            minWidth: 160,
            cell: row => (
              <Cell>
                <Flex direction="column" gap="1" align="start">
                  <Text variant="body-small">
                    {rules.get(row.ruleId)?.title ?? row.ruleId}
                  </Text>
                  <StatusBadge status={row.finding.status} />
                </Flex>
              </Cell>
            ),
          },
          {
            id: 'why',
            label: 'Why and how to fix it',
            defaultWidth: '3fr',
            minWidth: 300,
            cell: row => (
              <Cell>
                <Flex direction="column" gap="2">
                  {row.finding.waiver && (
                    <WaiverNote waiver={row.finding.waiver} />
                  )}
                  {row.finding.message && !row.finding.waiver && (
                    <Text as="p" variant="body-small">
                      <EvidenceText
                        text={row.finding.message}
                        refs={refsOf(row)}
                      />
                    </Text>
                  )}
                  {row.finding.evidence && (
                    <ul aria-label="Evidence">
                      {row.finding.evidence.map(item => (
                        <li key={item}>
                          <Text variant="body-small">
                            <EvidenceText text={item} refs={refsOf(row)} />
                          </Text>
                        </li>
                      ))}
                    </ul>
                  )}
                  <FixPanel
                    fix={row.finding.fix}
                    rule={rules.get(row.ruleId)}
                    refs={refsOf(row)}
                  />
                </Flex>
              </Cell>
            ),
          },
          {
            id: 'services',
            label: 'Services affected',
            minWidth: 160,
            cell: row => (
              <Cell>
                <Flex direction="column" gap="1" align="start">
                  {row.serviceRefs.map(ref => (
                    <EntityLink key={ref} entityRef={ref} />
                  ))}
                </Flex>
              </Cell>
            ),
          },
        ]}
      />
    </div>
  );
}
