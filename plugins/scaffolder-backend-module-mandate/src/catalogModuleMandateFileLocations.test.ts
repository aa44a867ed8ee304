import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogLocationsExtensionPoint } from '@backstage/plugin-catalog-node';
import { catalogModuleMandateFileLocations } from './catalogModuleMandateFileLocations';

async function allowedTypesWith(data: object) {
  const locations = { setAllowedLocationTypes: jest.fn() };
  await startTestBackend({
    extensionPoints: [[catalogLocationsExtensionPoint, locations]],
    features: [
      catalogModuleMandateFileLocations,
      mockServices.rootConfig.factory({ data }),
    ],
  });
  return locations.setAllowedLocationTypes;
}

describe('catalogModuleMandateFileLocations', () => {
  it('lets the catalog accept file locations when local publishing is configured', async () => {
    const set = await allowedTypesWith({
      mandate: { scaffolder: { localPublishDirectory: 'generated' } },
    });
    expect(set).toHaveBeenCalledWith(['url', 'file']);
  });

  it("leaves the catalog's default (url only) otherwise", async () => {
    const set = await allowedTypesWith({
      mandate: { platformTemplates: ['go-1.23'] },
    });
    expect(set).not.toHaveBeenCalled();
  });
});
