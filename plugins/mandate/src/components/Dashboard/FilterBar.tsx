import { Flex, Select } from '@backstage/ui';
import { TIERS } from '@mandate-dev/plugin-mandate-common';
import { ReportFilters } from './useReportFilters';
import { useDisplayNames } from '../../hooks/useDisplayNames';
import { useServiceFacets } from '../../hooks/useServiceFacets';

const ALL = 'all';

const withCurrent = (values: string[], current?: string) =>
  current && !values.includes(current) ? [...values, current] : values;

/** Tier, system, owner and lifecycle filters of the dashboard. */
export function FilterBar(props: {
  filters: ReportFilters;
  owners: string[];
  onChange: (key: keyof ReportFilters, value: string | undefined) => void;
}) {
  const { filters, owners, onChange } = props;
  const facets = useServiceFacets();
  const systems = withCurrent(facets.value?.systems ?? [], filters.system);
  const ownerRefs = withCurrent(owners, filters.owner);
  const systemNames = useDisplayNames(systems, 'system');
  const ownerNames = useDisplayNames(ownerRefs, 'group');
  const select = (
    key: keyof ReportFilters,
    label: string,
    options: { id: string; label: string }[],
  ) => (
    <Select
      label={label}
      name={key}
      style={{ minWidth: 180 }}
      options={[{ id: ALL, label: `All` }, ...options]}
      value={(filters[key] as string | undefined) ?? ALL}
      onChange={value =>
        onChange(
          key,
          value === ALL || value === null ? undefined : String(value),
        )
      }
    />
  );
  return (
    <Flex gap="3" align="end" style={{ flexWrap: 'wrap' }} aria-label="Filters">
      {select('tier', 'Tier', [
        ...TIERS.map(tier => ({ id: tier, label: tier })),
        { id: 'none', label: 'no tier' },
      ])}
      {select(
        'system',
        'System',
        systems.map(system => ({
          id: system,
          label: systemNames.get(system) ?? system,
        })),
      )}
      {select(
        'owner',
        'Owner',
        ownerRefs.map(owner => ({
          id: owner,
          label: ownerNames.get(owner) ?? owner,
        })),
      )}
      {select(
        'lifecycle',
        'Lifecycle',
        withCurrent(facets.value?.lifecycles ?? [], filters.lifecycle).map(
          lifecycle => ({ id: lifecycle, label: lifecycle }),
        ),
      )}
    </Flex>
  );
}
