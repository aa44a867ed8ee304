import fs from 'node:fs/promises';
import path from 'node:path';
import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { ConflictError, InputError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { loadGeneratedEntities } from './loadGeneratedEntities';

/**
 * One path segment, as a repository or entity name would be: no separators, no `.`/`..`,
 * nothing a shell or a YAML file would read differently.
 */
const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/;

const CATALOG_INFO = 'catalog-info.yaml';

/**
 * `mandate:publish:local`: the demo's stand-in for publish:github + catalog:register, for a
 * portal without a Git host. Copies the workspace to `<directory>/<name>` and registers its
 * catalog-info.yaml as a `file` location with the initiator's credentials, so the new service
 * shows up in the catalog (and in Mandate) within seconds. Not a dry-run action: it writes.
 *
 * @public
 */
export function createMandatePublishLocalAction(options: {
  catalog: CatalogService;
  /** Absolute folder the repositories land in (resolveLocalPublishDirectory). */
  directory: string;
}) {
  const { catalog, directory } = options;
  return createTemplateAction({
    id: 'mandate:publish:local',
    description: `Demo publishing without a Git host: copies the workspace to ${directory}/<name> and registers its ${CATALOG_INFO} with the catalog`,
    examples: [
      {
        description: 'Publish the generated service into the demo catalog',
        example: [
          'steps:',
          '  - id: publish',
          '    name: Publish into the demo catalog',
          '    action: mandate:publish:local',
          '    input:',
          '      name: ${{ parameters.name }}',
        ].join('\n'),
      },
    ],
    schema: {
      input: {
        name: z =>
          z.string({
            description: 'Folder name of the new repository (one path segment)',
          }),
        sourcePath: z =>
          z
            .string({
              description:
                'Folder of the workspace to publish (default: the workspace)',
            })
            .optional(),
      },
      output: {
        entityRef: z =>
          z.string({
            description: 'The published Component (or first entity)',
          }),
        catalogInfoPath: z =>
          z.string({
            description: `Absolute path of the registered ${CATALOG_INFO}`,
          }),
      },
    },
    async handler(ctx) {
      const { name } = ctx.input;
      if (!SAFE_NAME.test(name)) {
        throw new InputError(
          `Refusing to publish "${name}": a name is one folder name of letters, digits, '.', '_' and '-', starting with a letter or digit`,
        );
      }
      const target = resolveSafeChildPath(directory, name);
      const source = resolveSafeChildPath(
        ctx.workspacePath,
        ctx.input.sourcePath ?? '.',
      );
      const sourceInfo = path.join(source, CATALOG_INFO);
      if (!(await exists(sourceInfo))) {
        throw new InputError(
          `Nothing to publish: the workspace has no ${CATALOG_INFO}`,
        );
      }

      const entities = (
        await loadGeneratedEntities({
          workspacePath: ctx.workspacePath,
          target: sourceInfo,
        })
      ).inputs.map(i => i.entity);
      const main =
        entities.find(entity => entity.kind.toLowerCase() === 'component') ??
        entities[0];
      if (!main) {
        throw new InputError(
          `${CATALOG_INFO} in the workspace declares no entity`,
        );
      }
      const entityRef = stringifyEntityRef(main).toLowerCase();

      const credentials = await ctx.getInitiatorCredentials();
      // Never silently take over somebody else's service or a previous run's folder.
      if (await catalog.getEntityByRef(entityRef, { credentials })) {
        throw new ConflictError(`${entityRef} already exists in the catalog`);
      }
      if (await exists(target)) {
        throw new ConflictError(`${target} already exists`);
      }

      await fs.mkdir(directory, { recursive: true });
      await fs.cp(source, target, { recursive: true });
      const catalogInfoPath = path.join(target, CATALOG_INFO);
      try {
        await catalog.addLocation(
          // A stale registration of the same path (its folder deleted by hand) is refreshed.
          { type: 'file', target: catalogInfoPath, onConflict: 'refresh' },
          { credentials },
        );
      } catch (error) {
        // Leave nothing behind, so that the same name can be tried again.
        await fs.rm(target, { recursive: true, force: true });
        throw error;
      }
      ctx.logger.info(`Published ${entityRef} to ${catalogInfoPath}`);

      ctx.output('entityRef', entityRef);
      ctx.output('catalogInfoPath', catalogInfoPath);
    },
  });
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.access(file);
    return true;
  } catch {
    return false;
  }
}
