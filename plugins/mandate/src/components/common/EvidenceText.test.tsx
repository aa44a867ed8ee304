import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  defaultEntityPresentation,
  EntityRefPresentation,
  entityPresentationApiRef,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { EvidenceText } from './EvidenceText';

/** A presentation API that knows the titles of some entities, as the catalog's does. */
function presentationApi(titles: Record<string, string>) {
  return {
    forEntity(
      entityRef: string,
      context?: { defaultKind?: string },
    ): EntityRefPresentation {
      const snapshot = {
        ...defaultEntityPresentation(entityRef, context),
        ...(titles[entityRef] ? { primaryTitle: titles[entityRef] } : {}),
      };
      return { snapshot, promise: Promise.resolve(snapshot) };
    },
  };
}

describe('EvidenceText', () => {
  it('names the refs of the result by their display names, linked, the ref in the tooltip', async () => {
    await renderInTestApp(
      <EvidenceText
        text="component:default/checkout (critical) -> component:default/recommendations (low), owned by group:default/growth-team"
        refs={[
          'component:default/recommendations',
          'group:default/growth-team',
        ]}
      />,
      {
        apis: [
          [
            entityPresentationApiRef,
            presentationApi({
              'component:default/recommendations': 'Recommendations',
            }),
          ],
        ],
        mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      },
    );
    const recommendations = await screen.findByRole('link', {
      name: 'Recommendations',
    });
    expect(recommendations).toHaveAttribute(
      'href',
      '/catalog/default/component/recommendations',
    );
    expect(recommendations).toHaveAttribute(
      'title',
      'component:default/recommendations',
    );
    // No title: the name without its kind, as Backstage shows it.
    expect(screen.getByRole('link', { name: 'growth-team' })).toHaveAttribute(
      'href',
      '/catalog/default/group/growth-team',
    );
    // A ref the result does not name stays text; the raw refs are gone from the text.
    expect(
      screen.getByText(/component:default\/checkout \(critical\) ->/),
    ).toBeInTheDocument();
    expect(
      screen.queryByText(/component:default\/recommendations/),
    ).not.toBeInTheDocument();
  });
});
