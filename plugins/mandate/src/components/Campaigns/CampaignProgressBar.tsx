import { Flex, Text } from '@backstage/ui';
import { plural } from '../../lib/plural';
import { progressPercent } from '../../lib/campaignText';

/**
 * How many services in scope meet the goal, as a bar and in words (the words carry the figure;
 * the bar is not the only cue).
 */
export function CampaignProgressBar(props: {
  meeting: number;
  total: number;
  label: string;
}) {
  const { meeting, total, label } = props;
  const percent = progressPercent(meeting, total);
  const width = total === 0 ? 100 : (100 * meeting) / total;
  return (
    <Flex direction="column" gap="1">
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={meeting}
        aria-valuetext={`${meeting} of ${total} (${percent})`}
        style={{
          height: 8,
          borderRadius: 4,
          background: 'var(--bui-bg-tint, #e6e6e6)',
          overflow: 'hidden',
        }}
      >
        <div
          style={{
            width: `${width}%`,
            height: '100%',
            background: '#1f5493',
          }}
        />
      </div>
      <Text as="span" variant="body-small" color="secondary">
        {meeting} of {plural(total, 'service')} meet the goal ({percent})
      </Text>
    </Flex>
  );
}
