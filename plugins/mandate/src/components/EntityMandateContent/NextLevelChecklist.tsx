import { Card, CardBody, CardHeader, Flex, Link, Text } from '@backstage/ui';
import { EntityReportResponse } from '@mandate-dev/plugin-mandate-common';
import { nextLevelChecklist, RuleMeta } from '../../lib/ruleOrder';
import { LEVEL_LABELS } from '../../lib/levels';
import { LevelBadge } from '../common/LevelBadge';

/** What the service must fix to reach its next level, the lowest missed level first. */
export function NextLevelChecklist(props: {
  report: EntityReportResponse;
  rules: RuleMeta[];
}) {
  const { report, rules } = props;
  const { target, items } = nextLevelChecklist(report, rules);
  const titleOf = (id: string) =>
    rules.find(rule => rule.id === id)?.title ?? id;
  return (
    <Card>
      <CardHeader>
        <Text as="h3" variant="title-x-small">
          {target
            ? `Checklist for ${LEVEL_LABELS[target]}`
            : 'Gold reached: nothing left to do'}
        </Text>
      </CardHeader>
      <CardBody>
        {target && items.length === 0 && (
          <Text as="p" color="secondary">
            No failing rule stands between this service and{' '}
            {LEVEL_LABELS[target]}.
          </Text>
        )}
        {items.length > 0 && (
          <ol
            aria-label="Next level checklist"
            style={{ margin: 0, paddingLeft: 20 }}
          >
            {items.map(item => (
              <li key={item.result.ruleId} style={{ marginBottom: 6 }}>
                <Flex direction="column" gap="0.5">
                  <Flex gap="2" align="center">
                    <LevelBadge level={item.level} />
                    <Link href={`#rule-${item.result.ruleId}`}>
                      {titleOf(item.result.ruleId)}
                    </Link>
                  </Flex>
                  {item.result.message && (
                    <Text as="span" variant="body-small" color="secondary">
                      {item.result.message}
                    </Text>
                  )}
                </Flex>
              </li>
            ))}
          </ol>
        )}
      </CardBody>
    </Card>
  );
}
