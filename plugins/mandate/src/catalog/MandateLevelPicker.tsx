import { useEffect, useMemo, useState } from 'react';
import { Select } from '@backstage/ui';
import {
  DefaultEntityFilters,
  useEntityList,
} from '@backstage/plugin-catalog-react';
import { Level, LEVELS } from '@mandate-dev/plugin-mandate-common';
import { LEVEL_LABELS } from '../lib/levels';
import { MandateLevelFilter } from './MandateLevelFilter';
import { useMandateScores } from './MandateScoresProvider';

type Filters = DefaultEntityFilters & { mandateLevel?: MandateLevelFilter };

const ALL = 'all';

/** The catalog's filter by Mandate level, kept in the URL like the catalog's own filters. */
export function MandateLevelPicker() {
  const { updateFilters, queryParameters } = useEntityList<Filters>();
  const scores = useMandateScores();
  const [selected, setSelected] = useState<Level | undefined>(() => {
    const fromUrl = [queryParameters.mandateLevel].flat()[0];
    return LEVELS.includes(fromUrl as Level) ? (fromUrl as Level) : undefined;
  });

  const refsAt = useMemo(() => {
    const refs = new Map<Level, Set<string>>(
      LEVELS.map(level => [level, new Set<string>()]),
    );
    for (const [ref, { level }] of scores.byRef) refs.get(level)!.add(ref);
    return refs;
  }, [scores.byRef]);

  // Once the scores are in, apply the level of the URL (or re-apply the chosen one).
  useEffect(() => {
    if (scores.loading) return;
    updateFilters({
      mandateLevel: selected
        ? new MandateLevelFilter(selected, refsAt.get(selected)!)
        : undefined,
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [scores.loading, refsAt]);

  return (
    <Select
      label="Mandate level"
      name="mandate-level"
      isDisabled={scores.loading || !!scores.error}
      description={
        scores.error ? 'The Mandate levels could not be loaded.' : undefined
      }
      options={[
        { id: ALL, label: 'All' },
        ...[...LEVELS]
          .reverse()
          .map(level => ({ id: level, label: LEVEL_LABELS[level] })),
      ]}
      value={selected ?? ALL}
      onChange={value => {
        const level =
          value === ALL || value === null ? undefined : (value as Level);
        setSelected(level);
        updateFilters({
          mandateLevel: level
            ? new MandateLevelFilter(level, refsAt.get(level)!)
            : undefined,
        });
      }}
    />
  );
}
