import { ReactNode } from 'react';
import { Flex, Text } from '@backstage/ui';
import { RuleResult } from '@mandate-dev/plugin-mandate-common';
import { BlockingGroup } from '../../lib/ruleOrder';
import { LEVEL_LABELS } from '../../lib/levels';
import { plural } from '../../lib/plural';
import { TONE_COLORS } from '../../lib/tones';
import { LevelBadge } from '../common/LevelBadge';

/**
 * What the owner has to do, first on the tab: the failing rules grouped by the level they block
 * (bronze first), then the waived ones, which still have to be fixed before their waiver ends.
 */
export function FailingRules(props: {
  blocking: BlockingGroup[];
  waived: RuleResult[];
  renderResult: (result: RuleResult) => ReactNode;
}) {
  const { blocking, waived, renderResult } = props;
  return (
    <section aria-label="What to fix">
      <Flex direction="column" gap="4">
        {blocking.length === 0 ? (
          <Text as="p" style={{ color: TONE_COLORS.success }}>
            No rule fails: nothing stands between this service and gold.
          </Text>
        ) : (
          blocking.map(group => (
            <section
              key={group.level}
              aria-label={`Blocks ${LEVEL_LABELS[group.level]}`}
              data-testid={`blocks-${group.level}`}
            >
              <Flex align="center" gap="2" mb="2">
                <Text as="h3" variant="title-small">
                  Blocks
                </Text>
                <LevelBadge level={group.level} size="medium" />
                <Text as="span" variant="body-medium" color="secondary">
                  {plural(group.results.length, 'failing rule')}
                </Text>
              </Flex>
              <Flex direction="column" gap="2">
                {group.results.map(renderResult)}
              </Flex>
            </section>
          ))
        )}
        {waived.length > 0 && (
          <section aria-label="Waived" data-testid="waived-rules">
            <Text as="h3" variant="title-small" style={{ marginBottom: 8 }}>
              Waived ({waived.length})
            </Text>
            <Flex direction="column" gap="2">
              {waived.map(renderResult)}
            </Flex>
          </section>
        )}
      </Flex>
    </section>
  );
}
