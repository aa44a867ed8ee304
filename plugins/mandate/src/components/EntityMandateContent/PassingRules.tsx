import { ReactNode } from 'react';
import {
  Accordion,
  AccordionPanel,
  AccordionTrigger,
  Flex,
  Text,
} from '@backstage/ui';
import { RuleResult } from '@mandate-dev/plugin-mandate-common';
import { groupByTenet } from '../../lib/ruleOrder';

/** The passing and not-applicable rules, by tenet, collapsed behind their counts. */
export function PassingRules(props: {
  groups: ReturnType<typeof groupByTenet>;
  passCount: number;
  notApplicable: number;
  renderResult: (result: RuleResult) => ReactNode;
}) {
  const { groups, passCount, notApplicable, renderResult } = props;
  return (
    <Accordion data-testid="passing-rules">
      <AccordionTrigger
        title={`Passing rules: ${passCount} pass${
          notApplicable ? `, ${notApplicable} not applicable` : ''
        }`}
      />
      <AccordionPanel>
        <Flex direction="column" gap="4">
          {groups.map(group => (
            <section key={group.id} aria-label={group.title}>
              <Text as="h3" variant="title-x-small" style={{ marginBottom: 8 }}>
                {group.title}
              </Text>
              <Flex direction="column" gap="2">
                {group.results.map(renderResult)}
              </Flex>
            </section>
          ))}
        </Flex>
      </AccordionPanel>
    </Accordion>
  );
}
