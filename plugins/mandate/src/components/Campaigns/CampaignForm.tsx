import { useState } from 'react';
import {
  Alert,
  Button,
  Checkbox,
  CheckboxGroup,
  DatePicker,
  Dialog,
  DialogBody,
  DialogFooter,
  DialogHeader,
  Flex,
  Select,
  TextField,
} from '@backstage/ui';
import { CalendarDate, parseDate } from '@internationalized/date';
import {
  Campaign,
  CampaignRequest,
  RULE_LEVELS,
  RuleInfo,
  RuleLevel,
  Tier,
  TIERS,
} from '@mandate-dev/plugin-mandate-common';
import { isoDayFromNow } from '../../lib/dates';
import { LEVEL_LABELS } from '../../lib/levels';
import { truncate } from '../../lib/truncate';

const NO_RULE = '__none__';

/** Comma-separated refs or names -> a list without blanks. */
function list(text: string): string[] {
  return text
    .split(',')
    .map(item => item.trim())
    .filter(Boolean);
}

/** Creates a campaign, or edits one when `campaign` is given. */
export function CampaignForm(props: {
  campaign?: Campaign;
  rules: RuleInfo[];
  isOpen: boolean;
  onClose: () => void;
  onSubmit: (request: CampaignRequest) => Promise<void>;
}) {
  const { campaign, rules, isOpen, onClose, onSubmit } = props;
  const [name, setName] = useState(campaign?.name ?? '');
  const [goalKind, setGoalKind] = useState<'level' | 'rule'>(
    campaign?.goal.kind ?? 'level',
  );
  const [level, setLevel] = useState<RuleLevel>(
    campaign?.goal.kind === 'level' ? campaign.goal.level : 'silver',
  );
  const [goalRule, setGoalRule] = useState(
    campaign?.goal.kind === 'rule' ? campaign.goal.ruleId : rules[0]?.id ?? '',
  );
  const [tiers, setTiers] = useState<string[]>(campaign?.scope.tiers ?? []);
  const [owners, setOwners] = useState(
    campaign?.scope.owners?.join(', ') ?? '',
  );
  const [systems, setSystems] = useState(
    campaign?.scope.systems?.join(', ') ?? '',
  );
  const [lifecycles, setLifecycles] = useState(
    campaign?.scope.lifecycles?.join(', ') ?? '',
  );
  const [deadline, setDeadline] = useState<CalendarDate | null>(
    parseDate(campaign?.deadline ?? isoDayFromNow(60)),
  );
  const [owner, setOwner] = useState(campaign?.owner ?? '');
  const [announced, setAnnounced] = useState(
    campaign?.announces?.ruleId ?? NO_RULE,
  );
  const [enforcedFrom, setEnforcedFrom] = useState<CalendarDate | null>(
    parseDate(campaign?.announces?.enforcedFrom ?? isoDayFromNow(30)),
  );
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<Error | undefined>();

  const canSubmit =
    name.trim().length > 0 &&
    owner.trim().length > 0 &&
    deadline !== null &&
    (goalKind === 'level' || goalRule !== '') &&
    (announced === NO_RULE || enforcedFrom !== null) &&
    !submitting;

  const submit = async () => {
    if (!canSubmit || !deadline) return;
    const request: CampaignRequest = {
      name: name.trim(),
      goal:
        goalKind === 'level'
          ? { kind: 'level', level }
          : { kind: 'rule', ruleId: goalRule },
      scope: {
        ...(tiers.length ? { tiers: tiers as Tier[] } : {}),
        ...(list(owners).length ? { owners: list(owners) } : {}),
        ...(list(systems).length ? { systems: list(systems) } : {}),
        ...(list(lifecycles).length ? { lifecycles: list(lifecycles) } : {}),
      },
      deadline: deadline.toString(),
      owner: owner.trim(),
      ...(announced !== NO_RULE && enforcedFrom
        ? {
            announces: {
              ruleId: announced,
              enforcedFrom: enforcedFrom.toString(),
            },
          }
        : {}),
    };
    setSubmitting(true);
    setError(undefined);
    try {
      await onSubmit(request);
      onClose();
    } catch (e) {
      setError(e as Error);
    } finally {
      setSubmitting(false);
    }
  };

  const ruleOptions = rules.map(rule => ({
    id: rule.id,
    label: `${rule.id} (${rule.title})`,
  }));

  return (
    <Dialog
      isOpen={isOpen}
      onOpenChange={open => !open && onClose()}
      width={640}
    >
      <DialogHeader>{campaign ? 'Edit campaign' : 'New campaign'}</DialogHeader>
      <DialogBody>
        <Flex direction="column" gap="4">
          <TextField
            label="Name"
            name="name"
            isRequired
            value={name}
            onChange={setName}
            placeholder="e.g. Critical and high at silver"
          />
          <Flex gap="3" style={{ flexWrap: 'wrap' }}>
            <Select
              label="Goal"
              name="goalKind"
              style={{ minWidth: 180 }}
              options={[
                { id: 'level', label: 'Reach a level' },
                { id: 'rule', label: 'Pass a rule' },
              ]}
              value={goalKind}
              onChange={value =>
                setGoalKind(value === 'rule' ? 'rule' : 'level')
              }
            />
            {goalKind === 'level' ? (
              <Select
                label="Level"
                name="level"
                style={{ minWidth: 180 }}
                options={RULE_LEVELS.map(l => ({
                  id: l,
                  label: LEVEL_LABELS[l],
                }))}
                value={level}
                onChange={value => setLevel(String(value) as RuleLevel)}
              />
            ) : (
              <Select
                label="Rule"
                name="goalRule"
                style={{ minWidth: 280 }}
                options={ruleOptions}
                value={goalRule}
                onChange={value => setGoalRule(String(value ?? ''))}
              />
            )}
          </Flex>
          <CheckboxGroup
            label="Tiers in scope"
            description="None checked: every tier"
            orientation="horizontal"
            value={tiers}
            onChange={setTiers}
          >
            {TIERS.map(tier => (
              <Checkbox key={tier} value={tier}>
                {tier}
              </Checkbox>
            ))}
          </CheckboxGroup>
          <TextField
            label="Owners in scope"
            name="owners"
            description="Group refs, comma-separated; empty: every owner"
            value={owners}
            onChange={setOwners}
          />
          <Flex gap="3" style={{ flexWrap: 'wrap' }}>
            <TextField
              label="Systems in scope"
              name="systems"
              description="Comma-separated; empty: every system"
              value={systems}
              onChange={setSystems}
            />
            <TextField
              label="Lifecycles in scope"
              name="lifecycles"
              description="Comma-separated; empty: every lifecycle"
              value={lifecycles}
              onChange={setLifecycles}
            />
          </Flex>
          <Flex gap="3" style={{ flexWrap: 'wrap' }}>
            <DatePicker
              label="Deadline"
              value={deadline}
              onChange={value => setDeadline(value as CalendarDate | null)}
            />
            <TextField
              label="Campaign owner"
              name="owner"
              isRequired
              description="The group that runs it, e.g. group:default/platform-team"
              value={owner}
              onChange={setOwner}
            />
          </Flex>
          <Flex gap="3" style={{ flexWrap: 'wrap' }}>
            <Select
              label="Announce a rule"
              name="announces"
              style={{ minWidth: 280 }}
              options={[
                { id: NO_RULE, label: 'No announcement' },
                ...ruleOptions,
              ]}
              value={announced}
              onChange={value => setAnnounced(String(value ?? NO_RULE))}
            />
            {announced !== NO_RULE && (
              <DatePicker
                label="Enforced from"
                description="Before this day the rule is upcoming and does not count"
                value={enforcedFrom}
                onChange={value =>
                  setEnforcedFrom(value as CalendarDate | null)
                }
              />
            )}
          </Flex>
          {error && (
            <Alert
              status="danger"
              title="Could not save the campaign"
              description={truncate(error.message)}
            />
          )}
        </Flex>
      </DialogBody>
      <DialogFooter>
        <Button variant="secondary" onPress={onClose}>
          Cancel
        </Button>
        <Button
          variant="primary"
          onPress={submit}
          isDisabled={!canSubmit}
          loading={submitting}
        >
          {campaign ? 'Save campaign' : 'Create campaign'}
        </Button>
      </DialogFooter>
    </Dialog>
  );
}
