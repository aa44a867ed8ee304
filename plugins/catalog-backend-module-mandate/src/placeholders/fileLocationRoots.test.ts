import { ConfigReader } from '@backstage/config';
import path from 'node:path';
import { fileLocationRoots } from './fileLocationRoots';

describe('fileLocationRoots', () => {
  it('takes the directory of each file location, resolved like the catalog does', () => {
    const config = new ConfigReader({
      catalog: {
        locations: [
          { type: 'file', target: '../../catalog/all.yaml' },
          {
            type: 'url',
            target: 'https://github.com/acme/x/blob/main/catalog-info.yaml',
          },
          { type: 'file', target: '/srv/catalog/**/*.yaml' },
          { type: 'file', target: '../../catalog/org.yaml' },
        ],
      },
    });
    expect(fileLocationRoots(config)).toEqual([
      path.resolve('../../catalog'),
      '/srv/catalog',
    ]);
  });

  it('is empty without file locations', () => {
    expect(fileLocationRoots(new ConfigReader({}))).toEqual([]);
  });
});
