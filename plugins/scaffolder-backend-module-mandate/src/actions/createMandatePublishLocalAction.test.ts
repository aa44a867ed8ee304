import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConflictError, InputError } from '@backstage/errors';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  mockActionContext,
  newServiceValues,
  renderNewServiceSkeleton,
} from '../__testUtils__';
import { createMandatePublishLocalAction } from './createMandatePublishLocalAction';

let workspacePath: string;
let directory: string;

beforeAll(async () => {
  workspacePath = await renderNewServiceSkeleton(newServiceValues());
});
beforeEach(() => {
  directory = fs.mkdtempSync(path.join(os.tmpdir(), 'mandate-publish-'));
});
afterEach(() => fs.rmSync(directory, { recursive: true, force: true }));
afterAll(() => fs.rmSync(workspacePath, { recursive: true, force: true }));

function setup(
  catalogImpl: Parameters<typeof catalogServiceMock.mock>[0] = {},
) {
  const catalog = catalogServiceMock.mock({
    getEntityByRef: jest.fn(async () => undefined),
    addLocation: jest.fn(async location => ({
      location: {
        id: 'l1',
        type: location.type!,
        target: location.target,
        entityRef: 'location:default/generated-l1',
      },
      entities: [],
    })),
    ...catalogImpl,
  });
  const action = createMandatePublishLocalAction({
    catalog,
    directory: path.join(directory, 'generated'),
  });
  return { catalog, action };
}

describe('mandate:publish:local', () => {
  it('copies the workspace into the folder and registers it with the initiator credentials', async () => {
    const { catalog, action } = setup();
    const ctx = mockActionContext({
      input: { name: 'gift-cards' },
      workspacePath,
    });
    await action.handler(ctx);

    const target = path.join(directory, 'generated', 'gift-cards');
    const catalogInfoPath = path.join(target, 'catalog-info.yaml');
    expect(fs.readdirSync(target).sort()).toEqual([
      'README.md',
      'catalog-info.yaml',
      'openapi.yaml',
      'runbook.md',
    ]);
    const credentials = await ctx.getInitiatorCredentials();
    expect(catalog.getEntityByRef).toHaveBeenCalledWith(
      'component:default/gift-cards',
      {
        credentials,
      },
    );
    expect(catalog.addLocation).toHaveBeenCalledWith(
      { type: 'file', target: catalogInfoPath, onConflict: 'refresh' },
      { credentials },
    );
    expect(ctx.outputs).toEqual({
      entityRef: 'component:default/gift-cards',
      catalogInfoPath,
    });
  });

  it.each(['../escape', 'a/b', '..', '.', '', '/etc', 'x\\y', '-rf', 'a b'])(
    'refuses the name %j and writes nothing',
    async name => {
      const { catalog, action } = setup();
      const ctx = mockActionContext({ input: { name }, workspacePath });
      await expect(action.handler(ctx)).rejects.toThrow(InputError);
      await expect(action.handler(ctx)).rejects.toThrow(/Refusing to publish/);
      expect(fs.readdirSync(directory)).toEqual([]);
      expect(catalog.addLocation).not.toHaveBeenCalled();
    },
  );

  it('never takes over an entity that already exists in the catalog', async () => {
    const { catalog, action } = setup({
      getEntityByRef: jest.fn(async () => ({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: 'gift-cards' },
      })),
    });
    const ctx = mockActionContext({
      input: { name: 'gift-cards' },
      workspacePath,
    });
    await expect(action.handler(ctx)).rejects.toThrow(
      new ConflictError(
        'component:default/gift-cards already exists in the catalog',
      ),
    );
    expect(catalog.addLocation).not.toHaveBeenCalled();
  });

  it('never overwrites an existing folder', async () => {
    const { action } = setup();
    fs.mkdirSync(path.join(directory, 'generated', 'gift-cards'), {
      recursive: true,
    });
    const ctx = mockActionContext({
      input: { name: 'gift-cards' },
      workspacePath,
    });
    await expect(action.handler(ctx)).rejects.toThrow(ConflictError);
  });

  it('removes the copy again when the catalog refuses the location', async () => {
    const { action } = setup({
      addLocation: jest.fn(async () => {
        throw new InputError(
          'Registered locations must be of an allowed type ["url"]',
        );
      }),
    });
    const ctx = mockActionContext({
      input: { name: 'gift-cards' },
      workspacePath,
    });
    await expect(action.handler(ctx)).rejects.toThrow(/allowed type/);
    expect(fs.existsSync(path.join(directory, 'generated', 'gift-cards'))).toBe(
      false,
    );
  });

  it('needs a catalog-info.yaml in the workspace', async () => {
    const { action } = setup();
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'mandate-empty-'));
    try {
      const ctx = mockActionContext({
        input: { name: 'gift-cards' },
        workspacePath: empty,
      });
      await expect(action.handler(ctx)).rejects.toThrow(
        'Nothing to publish: the workspace has no catalog-info.yaml',
      );
    } finally {
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });
});
