import {
  Accordion,
  AccordionPanel,
  AccordionTrigger,
  Button,
  Card,
  CardBody,
  Flex,
  Link,
  Text,
} from '@backstage/ui';
import { useRouteRef } from '@backstage/frontend-plugin-api';
import {
  RuleInfo,
  RuleLevel,
  RuleResult,
  Waiver,
} from '@mandate-dev/plugin-mandate-common';
import { ruleRouteRef } from '../../routes';
import { LevelBadge } from '../common/LevelBadge';
import { StatusBadge } from '../common/StatusBadge';
import { TONE_COLORS } from '../../lib/tones';
import { EvidenceText } from '../common/EvidenceText';
import { WaiverNote } from '../common/WaiverNote';
import { EntityLink } from '../common/EntityLink';
import { formatDate } from '../../lib/dates';
import { FixPanel } from './FixPanel';
import { RuleText } from '../common/RuleText';

/** One rule's result for the service: status, why, evidence, how to fix it, and its waiver. */
export function RuleResultCard(props: {
  /** The service the result is of: its texts name it by display name too. */
  entityRef?: string;
  result: RuleResult;
  rule?: RuleInfo;
  level?: RuleLevel;
  waiver?: Waiver;
  /** A request for a waiver of this rule awaiting a decision. */
  request?: Waiver;
  canWaive: boolean;
  /** Whether the user may approve waivers: then a waiver is granted rather than requested. */
  canApprove?: boolean;
  canRevoke: boolean;
  onWaive: () => void;
  onRevoke: (waiver: Waiver) => void;
  busy?: boolean;
}) {
  const {
    result,
    rule,
    waiver,
    request,
    canWaive,
    canApprove,
    canRevoke,
    onWaive,
    onRevoke,
    busy,
  } = props;
  const waiveLabel = canApprove ? 'Grant waiver' : 'Request waiver';
  const level = rule?.level ?? props.level;
  const ruleLink = useRouteRef(ruleRouteRef);
  const failing = result.status === 'fail' || result.status === 'error';
  const title = rule?.title ?? result.ruleId;
  const refs = [
    ...(result.refs ?? []),
    ...(props.entityRef ? [props.entityRef] : []),
  ];

  return (
    <Card
      id={`rule-${result.ruleId}`}
      data-testid={`rule-${result.ruleId}`}
      data-status={result.status}
      style={{
        borderLeft: `4px solid ${failing ? '#b71c1c' : 'transparent'}`,
      }}
    >
      <CardBody>
        <Flex direction="column" gap="2">
          <Flex
            justify="between"
            align="center"
            gap="2"
            style={{ flexWrap: 'wrap' }}
          >
            <Flex align="center" gap="2" style={{ flexWrap: 'wrap' }}>
              <StatusBadge status={result.status} />
              {result.upcoming && (
                // A campaign announced the rule: its status shows, it counts from that day.
                <Text
                  as="span"
                  variant="body-small"
                  weight="bold"
                  data-testid="upcoming"
                  style={{ color: TONE_COLORS.warning }}
                >
                  upcoming (enforced from {result.upcoming.enforcedFrom})
                </Text>
              )}
              {level && <LevelBadge level={level} />}
              <Text as="h4" variant="title-x-small">
                {ruleLink ? (
                  <Link href={ruleLink({ ruleId: result.ruleId })}>
                    {title}
                  </Link>
                ) : (
                  title
                )}
              </Text>
              <Text as="span" variant="body-small" color="secondary">
                {result.ruleId}
              </Text>
            </Flex>
            <Flex gap="2">
              {failing && canWaive && !request && (
                <Button
                  variant="secondary"
                  size="small"
                  onPress={onWaive}
                  aria-label={`${waiveLabel} of ${result.ruleId}`}
                >
                  {waiveLabel}
                </Button>
              )}
              {waiver && canRevoke && (
                <Button
                  variant="secondary"
                  size="small"
                  loading={busy}
                  onPress={() => onRevoke(waiver)}
                  aria-label={`Revoke waiver of ${result.ruleId}`}
                >
                  Revoke
                </Button>
              )}
            </Flex>
          </Flex>

          {result.message && (
            <Text as="p">
              <EvidenceText text={result.message} refs={refs} />
            </Text>
          )}

          {result.evidence && result.evidence.length > 0 && (
            <ul aria-label="Evidence" style={{ margin: 0, paddingLeft: 20 }}>
              {result.evidence.map((item, index) => (
                <li key={index}>
                  <Text as="span" variant="body-small">
                    <EvidenceText text={item} refs={refs} />
                  </Text>
                </li>
              ))}
            </ul>
          )}

          {waiver && <WaiverNote waiver={waiver} />}

          {request && (
            <Text
              as="p"
              variant="body-small"
              data-testid={`waiver-request-${result.ruleId}`}
            >
              <strong>Waiver requested</strong> by{' '}
              <EntityLink entityRef={request.requestedBy} defaultKind="user" />{' '}
              until {formatDate(request.expiresAt)}, awaiting approval:{' '}
              <em>{request.reason}</em>
            </Text>
          )}

          {failing && <FixPanel fix={result.fix} rule={rule} refs={refs} />}

          {rule && (failing || result.status === 'waived') && (
            <Accordion>
              <AccordionTrigger
                title={failing ? 'Why it matters' : 'About this rule'}
              />
              <AccordionPanel>
                <Flex direction="column" gap="2">
                  <Text as="p" variant="body-small">
                    <strong>Checks: </strong>
                    <RuleText text={rule.description} />
                  </Text>
                  <Text as="p" variant="body-small">
                    <strong>Why: </strong>
                    <RuleText text={rule.rationale} />
                  </Text>
                  {!failing && (
                    <Text as="p" variant="body-small">
                      <strong>Fix: </strong>
                      <RuleText text={rule.remediation.text} />
                    </Text>
                  )}
                </Flex>
              </AccordionPanel>
            </Accordion>
          )}
        </Flex>
      </CardBody>
    </Card>
  );
}
