import {
  AuthService,
  DiscoveryService,
  resolveSafeChildPath,
} from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  EntityReport,
  LEVELS,
  RuleLevel,
} from '@mandate-dev/plugin-mandate-common';
import { FileLimits, MandateConfig } from '@mandate-dev/plugin-mandate-node';
import { describeShortfall } from './describeShortfall';
import { loadGeneratedEntities } from './loadGeneratedEntities';
import { requestMandateCheck } from './requestMandateCheck';

/**
 * `mandate:check`: scores the services a template generated against the rulebook, and fails
 * the task when one would land below `minimumLevel`. The action reads the generated files
 * itself (only inside the workspace); the Mandate backend scores them over its live catalog
 * (so that the tiers and SLOs of the services they will call count) with the rules the portal
 * runs, custom ones included, and stores nothing. Supports dry runs, so the template editor
 * shows the verdict before anything is published.
 *
 * @public
 */
export function createMandateCheckAction(options: {
  discovery: DiscoveryService;
  auth: AuthService;
  /** Names the service types when the generated files hold none. */
  config: MandateConfig;
  /** How large a generated file may be; default the CLI's (`mandate.limits`). */
  limits?: FileLimits;
}) {
  const { discovery, auth, config, limits } = options;
  return createTemplateAction({
    id: 'mandate:check',
    description:
      'Scores the generated service(s) in the workspace with the Mandate backend (its rules, together with the live catalog) and fails when one is below minimumLevel',
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
      const noService = new InputError(
        `No service to check: the generated files hold no Component of type ${config.serviceTypes.join(
          ' or ',
        )}`,
      );
      if (generated.inputs.length === 0) throw noService;

      const checked = await requestMandateCheck({
        discovery,
        auth,
        credentials: await ctx.getInitiatorCredentials(),
        inputs: generated.inputs,
      });
      // The backend reports the posted services only; which entities are services is its call.
      const entities = checked.entities;
      if (entities.length === 0) throw noService;
      const levels = new Map(
        checked.rules.map(rule => [rule.ruleId, rule.level]),
      );

      for (const entity of entities) {
        ctx.logger.info(
          `Mandate: ${entity.entityRef} reaches ${entity.level} with a score of ${entity.score}`,
        );
      }

      const below = entities.filter(
        entity => LEVELS.indexOf(entity.level) < LEVELS.indexOf(minimumLevel),
      );
      if (below.length > 0) {
        const reasons = below.map(entity =>
          describeShortfall(entity, minimumLevel, levels),
        );
        // The task log shows the error with the failed step: the reasons are not logged twice.
        throw new InputError(
          `The Mandate requires ${minimumLevel}:\n${reasons.join('\n')}`,
        );
      }

      const reported = lowest(entities);
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
