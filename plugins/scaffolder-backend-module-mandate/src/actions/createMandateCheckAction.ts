import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  EntityReport,
  LEVELS,
  RuleLevel,
} from '@internal/plugin-mandate-common';
import {
  CatalogSnapshot,
  evaluateCatalog,
  FileLimits,
  MandateConfig,
  SnapshotInput,
} from '@internal/plugin-mandate-node';
import { describeShortfall } from './describeShortfall';
import { loadGeneratedEntities } from './loadGeneratedEntities';
import { overlayEntities, refOf } from './overlayEntities';

/** The kinds the rules read, as the Mandate backend loads them. */
const LIVE_KINDS = ['Component', 'API', 'Resource', 'Group', 'User', 'System'];

/**
 * `mandate:check`: scores the services a template generated against the rulebook, together
 * with the live catalog (so that the tiers and SLOs of the services it will call count), and
 * fails the task when one would land below `minimumLevel`. Supports dry runs, so the template
 * editor shows the verdict before anything is published.
 */
export function createMandateCheckAction(options: {
  catalog: CatalogService;
  config: MandateConfig;
  /** How large a generated file may be; default the CLI's (`mandate.limits`). */
  limits?: FileLimits;
}) {
  const { catalog, config, limits } = options;
  return createTemplateAction({
    id: 'mandate:check',
    description:
      'Scores the generated service(s) in the workspace against the Mandate rulebook, together with the live catalog, and fails when one is below minimumLevel',
    examples: [
      {
        description: 'Refuse to create a service that would not be gold',
        example: [
          'steps:',
          '  - id: mandate',
          '    name: Check against the Mandate',
          '    action: mandate:check',
          '    input:',
          '      minimumLevel: gold',
        ].join('\n'),
      },
    ],
    supportsDryRun: true,
    schema: {
      input: {
        minimumLevel: z =>
          z
            .enum(['bronze', 'silver', 'gold'], {
              description:
                'The level every generated service must reach (default gold)',
            })
            .optional(),
        path: z =>
          z
            .string({
              description:
                'Folder of the workspace holding the generated catalog files (default: the workspace)',
            })
            .optional(),
      },
      output: {
        entityRef: z =>
          z.string({ description: 'The generated service reported on' }),
        level: z =>
          z.string({ description: 'Its level: none, bronze, silver or gold' }),
        score: z => z.number({ description: 'Its score, 0 to 100' }),
        results: z =>
          z.array(z.any(), {
            description: 'One result per rule (rulebook section 4)',
          }),
      },
    },
    async handler(ctx) {
      const minimumLevel: RuleLevel = ctx.input.minimumLevel ?? 'gold';
      const directory = resolveSafeChildPath(
        ctx.workspacePath,
        ctx.input.path ?? '.',
      );

      const generated = await loadGeneratedEntities({
        workspacePath: ctx.workspacePath,
        target: directory,
        limits,
      });
      for (const warning of generated.warnings) ctx.logger.warn(warning);
      const generatedRefs = new Set(generated.inputs.map(refOf));

      const { items } = await catalog.getEntities(
        { filter: { kind: LIVE_KINDS } },
        { credentials: await ctx.getInitiatorCredentials() },
      );
      // Runbooks of live entities are not read: only the generated services are reported, and
      // their neighbours count through tiers, SLOs, owners and links, never through files.
      const live: SnapshotInput[] = items.map(entity => ({ entity }));
      const snapshot = new CatalogSnapshot(
        overlayEntities(generated.inputs, live),
      );
      for (const warning of snapshot.warnings) ctx.logger.warn(warning);

      const services = snapshot
        .services(config.serviceTypes)
        .filter(service => generatedRefs.has(service.ref));
      if (services.length === 0) {
        throw new InputError(
          `No service to check: the generated files hold no Component of type ${config.serviceTypes.join(
            ' or ',
          )}`,
        );
      }

      const report = evaluateCatalog({
        snapshot,
        config,
        now: new Date(),
        entityRefs: services.map(service => service.ref),
      });
      for (const entity of report.entities) {
        ctx.logger.info(
          `Mandate: ${entity.entityRef} reaches ${entity.level} with a score of ${entity.score}`,
        );
      }

      const below = report.entities.filter(
        entity => LEVELS.indexOf(entity.level) < LEVELS.indexOf(minimumLevel),
      );
      if (below.length > 0) {
        const reasons = below.map(entity =>
          describeShortfall(entity, minimumLevel),
        );
        // The task log shows the error with the failed step: the reasons are not logged twice.
        throw new InputError(
          `The Mandate requires ${minimumLevel}:\n${reasons.join('\n')}`,
        );
      }

      const reported = lowest(report.entities);
      ctx.output('entityRef', reported.entityRef);
      ctx.output('level', reported.level);
      ctx.output('score', reported.score);
      ctx.output('results', reported.results as any[]);
    },
  });
}

/** With several generated services the outputs describe the weakest one. */
function lowest(entities: EntityReport[]): EntityReport {
  return entities.reduce((worst, entity) =>
    LEVELS.indexOf(entity.level) < LEVELS.indexOf(worst.level) ||
    (entity.level === worst.level && entity.score < worst.score)
      ? entity
      : worst,
  );
}
