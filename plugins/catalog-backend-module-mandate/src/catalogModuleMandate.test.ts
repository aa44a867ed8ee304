import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { catalogModuleMandate } from './catalogModuleMandate';
import { MandateAnnotationProcessor } from './MandateAnnotationProcessor';

describe('catalogModuleMandate', () => {
  it('adds the processor, overrides the $text resolver and provides $openapi/$asyncapi', async () => {
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
    for (const key of ['openapi', 'asyncapi']) {
      expect(extensionPoint.addPlaceholderResolver).toHaveBeenCalledWith(
        key,
        expect.any(Function),
      );
    }
  });
});
