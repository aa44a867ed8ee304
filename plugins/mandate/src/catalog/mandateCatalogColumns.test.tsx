import { screen } from '@testing-library/react';
import { Entity } from '@backstage/catalog-model';
import {
  EntityKindFilter,
  EntityListContextProps,
} from '@backstage/plugin-catalog-react';
import { mandateCatalogColumns } from './mandateCatalogColumns';
import { MandateScoresProvider } from './MandateScoresProvider';
import {
  mockMandateApi,
  ordersEntity,
  reportPage,
} from '../__testUtils__/fixtures';
import { renderMandate } from '../__testUtils__/renderMandate';

function context(kind: string, entities: Entity[]): EntityListContextProps {
  return {
    filters: { kind: new EntityKindFilter(kind, kind) },
    entities,
  } as unknown as EntityListContextProps;
}

const titleOf = (column: { title?: unknown }) =>
  typeof column.title === 'string' ? column.title : undefined;

describe('mandateCatalogColumns', () => {
  it('adds level and score after the name when the catalog lists components', () => {
    const columns = mandateCatalogColumns(context('component', [ordersEntity]));
    expect(columns.map(titleOf).slice(2, 4)).toEqual([
      'Mandate level',
      'Score',
    ]);
    expect(columns[1].field).toBe('resolved.entityRef');
    // names and titles break between words only, in every column of the catalog's
    for (const column of [columns[1], ...columns.slice(4)]) {
      expect(column.cellStyle).toEqual({
        wordBreak: 'normal',
        overflowWrap: 'normal',
      });
    }
  });

  it('adds nothing for other kinds', () => {
    const columns = mandateCatalogColumns(context('group', []));
    expect(columns.map(titleOf)).not.toContain('Mandate level');
  });

  it("renders the service's level and score from one load of the report", async () => {
    const api = mockMandateApi({
      getReport: jest.fn().mockResolvedValue({
        ...reportPage(),
        items: reportPage().items.map(item => ({
          ...item,
          level: 'silver',
          score: 88,
        })),
      }),
    });
    const [, , level, score] = mandateCatalogColumns(
      context('component', [ordersEntity]),
    );
    const row = { entity: ordersEntity } as any;
    const other = {
      entity: { ...ordersEntity, metadata: { name: 'website' } },
    } as any;
    await renderMandate(
      <MandateScoresProvider>
        <div data-testid="level">{level.render!(row, 'row')}</div>
        <div data-testid="score">{score.render!(row, 'row')}</div>
        <div data-testid="other">{level.render!(other, 'row')}</div>
      </MandateScoresProvider>,
      { api },
    );
    expect(await screen.findByLabelText('Level: Silver')).toBeInTheDocument();
    expect(screen.getByTestId('score')).toHaveTextContent('88');
    expect(screen.getByTestId('other')).toHaveTextContent('—');
    expect(api.getReport).toHaveBeenCalledTimes(1);
    expect(api.getReport).toHaveBeenCalledWith({ offset: 0, limit: 500 });
  });
});
