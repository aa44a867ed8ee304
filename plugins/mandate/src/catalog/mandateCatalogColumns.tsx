import { TableColumn } from '@backstage/core-components';
import { EntityListContextProps } from '@backstage/plugin-catalog-react';
import { CatalogTable, CatalogTableRow } from '@backstage/plugin-catalog';
import { MandateLevelCell } from './MandateLevelCell';

/**
 * The catalog's own columns, plus Mandate level and score while it lists components (the kind
 * services are). Entity names break between words only, never inside one.
 */
export function mandateCatalogColumns(
  context: EntityListContextProps,
): TableColumn<CatalogTableRow>[] {
  const columns = CatalogTable.defaultColumnsFunc(context).map(column =>
    column.field === 'resolved.entityRef'
      ? {
          ...column,
          cellStyle: { wordBreak: 'normal', overflowWrap: 'normal' } as const,
        }
      : column,
  );
  const kind =
    context.entities[0]?.kind?.toLocaleLowerCase('en-US') ??
    context.filters.kind?.value?.toLocaleLowerCase('en-US');
  if (kind !== 'component') return columns;
  const [title, name, ...rest] = columns;
  return [
    title,
    name,
    {
      title: 'Mandate level',
      field: 'mandate.level',
      sorting: false,
      cellStyle: { whiteSpace: 'nowrap' },
      render: ({ entity }) => <MandateLevelCell entity={entity} show="level" />,
    },
    {
      title: 'Score',
      field: 'mandate.score',
      sorting: false,
      render: ({ entity }) => <MandateLevelCell entity={entity} show="score" />,
    },
    ...rest,
  ];
}
