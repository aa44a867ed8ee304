import { Text } from '@backstage/ui';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { LevelBadge } from '../components/common/LevelBadge';
import { ScoreNumber } from '../components/common/ScoreNumber';
import { useMandateScores } from './MandateScoresProvider';

/** One entity's Mandate level (or score) in the catalog table; a dash for what is not scored. */
export function MandateLevelCell(props: {
  entity: Entity;
  show: 'level' | 'score';
}) {
  const { byRef, loading } = useMandateScores();
  const scored = byRef.get(
    stringifyEntityRef(props.entity).toLocaleLowerCase('en-US'),
  );
  if (!scored) {
    return (
      <Text as="span" color="secondary" aria-label="Not scored">
        {loading ? '…' : '—'}
      </Text>
    );
  }
  return props.show === 'level' ? (
    <LevelBadge level={scored.level} />
  ) : (
    <ScoreNumber
      score={scored.score}
      level={scored.level}
      variant="body-medium"
    />
  );
}
