import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { catalogModuleMandate } from './catalogModuleMandate';
import { MandateAnnotationProcessor } from './MandateAnnotationProcessor';

describe('catalogModuleMandate', () => {
  it('adds the processor and overrides the $text resolver', async () => {
    const extensionPoint = {
      addProcessor: jest.fn(),
      addEntityProvider: jest.fn(),
      addPlaceholderResolver: jest.fn(),
      setOnProcessingErrorHandler: jest.fn(),
    };
    await startTestBackend({
      extensionPoints: [[catalogProcessingExtensionPoint, extensionPoint]],
      features: [
        catalogModuleMandate,
        mockServices.rootConfig.factory({
          data: {
            catalog: {
              locations: [{ type: 'file', target: '../../catalog/all.yaml' }],
            },
          },
        }),
      ],
    });

    expect(extensionPoint.addProcessor).toHaveBeenCalledWith(
      expect.any(MandateAnnotationProcessor),
    );
    expect(extensionPoint.addPlaceholderResolver).toHaveBeenCalledWith(
      'text',
      expect.any(Function),
    );
  });
});
