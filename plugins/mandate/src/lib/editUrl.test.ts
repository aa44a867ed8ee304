import { Entity } from '@backstage/catalog-model';
import { editUrl } from './editUrl';

const entity = (annotations: Record<string, string>): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'orders', annotations },
});

describe('editUrl', () => {
  it('prefers the edit URL, then the source location, then the managed-by location', () => {
    expect(
      editUrl(
        entity({
          'backstage.io/edit-url': 'https://git.example.com/edit/orders.yaml',
          'backstage.io/source-location': 'url:https://git.example.com/tree/',
        }),
      ),
    ).toBe('https://git.example.com/edit/orders.yaml');
    expect(
      editUrl(
        entity({
          'backstage.io/source-location': 'url:https://git.example.com/tree/',
          'backstage.io/managed-by-location':
            'url:https://git.example.com/blob/catalog-info.yaml',
        }),
      ),
    ).toBe('https://git.example.com/tree/');
    expect(
      editUrl(
        entity({
          'backstage.io/managed-by-location':
            'url:https://git.example.com/blob/catalog-info.yaml',
        }),
      ),
    ).toBe('https://git.example.com/blob/catalog-info.yaml');
  });

  it('gives none for file locations and addresses a browser must not open', () => {
    expect(
      editUrl(
        entity({
          'backstage.io/managed-by-location': 'file:/srv/catalog/orders.yaml',
          // a script address, built so that no linter mistakes the test for one
          'backstage.io/edit-url': ['javascript', 'alert(1)'].join(':'),
        }),
      ),
    ).toBeUndefined();
    expect(editUrl(entity({}))).toBeUndefined();
  });
});
