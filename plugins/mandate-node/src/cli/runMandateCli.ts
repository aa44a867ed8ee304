import { InputError } from '@backstage/errors';
import {
  EntityReport,
  Level,
  LEVELS,
  Report,
} from '@mandate-dev/plugin-mandate-common';
import {
  Command,
  CommanderError,
  InvalidArgumentError,
  Option,
} from 'commander';
import { CatalogSnapshot } from '../catalog';
import { readFileLimits, readMandateConfig } from '../config';
import { createApiDefinitions, evaluateCatalogLazily } from '../engine';
import { builtInRules } from '../rules/builtInRules';
import { analyseDefinitionsInThreads } from './analyseDefinitionsInThreads';
import { CliError } from './CliError';
import { discoverConfigFiles } from './discoverConfigFiles';
import { formatGithub } from './formatGithub';
import { formatJunit } from './formatJunit';
import { formatSarif } from './formatSarif';
import { formatTable } from './formatTable';
import { loadCatalogFiles } from './loadCatalogFiles';
import { overlayLocalCatalog } from './overlayLocalCatalog';
import { readPortalCatalog } from './readPortalCatalog';
import { readConfigFiles } from './readConfigFiles';
import { toTerminalText } from './toTerminalText';
import { writeJsonReport } from './writeJsonReport';

/** Where the CLI writes; tests pass buffers. @public */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** The clock, for reproducible output in tests. */
  now?: () => Date;
  /** Where `app-config.yaml` is looked for without `--config`; default the working directory. */
  cwd?: string;
  /** What `--version` prints and SARIF names as the tool's version (the CLI package's). */
  version?: string;
  /** Where MANDATE_TOKEN is read from; default `process.env`. */
  env?: Record<string, string | undefined>;
}

const processIo: CliIo = {
  stdout: text => process.stdout.write(text),
  stderr: text => process.stderr.write(text),
};

interface CheckOptions {
  config: string[];
  entity: string[];
  format: 'table' | 'json' | 'junit' | 'sarif' | 'github';
  failUnder?: Exclude<Level, 'none'>;
  catalogUrl?: string;
  token?: string;
  catalogTimeout: number;
  catalogMaxBytes: number;
}

/** Defaults of the portal read: generous for a large catalog, yet bounded. */
const CATALOG_TIMEOUT_SECONDS = 120;
const CATALOG_MAX_BYTES = 256 * 1024 * 1024;

/**
 * `mandate check <paths...>`: evaluates the YAML catalog below the paths with the same engine
 * as the portal. With `--catalog-url` the portal's catalog is read first and the local files
 * are laid over it; without `--entity` only the local files' services are then reported.
 * Resolves to the exit code: 0 ok, 1 a service is below `--fail-under`, 2 usage error,
 * unreadable input or a failing portal read.
 *
 * @public
 */
export async function runMandateCli(
  argv: string[],
  io: CliIo = processIo,
): Promise<number> {
  let exitCode = 0;
  const program = new Command('mandate')
    .description(
      'Scores Backstage catalog services against the Mandate rulebook',
    )
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  if (io.version) program.version(io.version);

  program
    .command('check')
    .description(
      'evaluate every service in the catalog YAML files below the paths',
    )
    .argument('<paths...>', 'files or directories with catalog YAML')
    .option(
      '--config <file>',
      'app-config YAML to read mandate: from (repeatable); default app-config.yaml and app-config.local.yaml of the working directory, when present',
      collect,
      [],
    )
    .option(
      '--entity <ref>',
      'only report this service (repeatable)',
      collect,
      [],
    )
    .addOption(
      new Option('--format <format>', 'output format')
        .choices(['table', 'json', 'junit', 'sarif', 'github'])
        .default('table'),
    )
    .addOption(
      new Option(
        '--fail-under <level>',
        'exit 1 when a service is below this level',
      ).choices(['bronze', 'silver', 'gold']),
    )
    .option(
      '--catalog-url <url>',
      "also read the portal's catalog from <url>/api/catalog (local files replace its entities with the same ref); without --entity only the local files' services are reported",
    )
    .option(
      '--token <token>',
      'bearer token for --catalog-url; default the MANDATE_TOKEN environment variable',
    )
    .option(
      '--catalog-timeout <seconds>',
      'how long reading the portal catalog may take',
      positiveNumber,
      CATALOG_TIMEOUT_SECONDS,
    )
    .option(
      '--catalog-max-bytes <bytes>',
      'how large the portal catalog responses may be together',
      positiveNumber,
      CATALOG_MAX_BYTES,
    )
    .exitOverride()
    .action(async (paths: string[], options: CheckOptions) => {
      exitCode = await check(paths, options, io);
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end here too, successfully.
      return e.exitCode === 0 ? 0 : 2;
    }
    if (e instanceof CliError) {
      io.stderr(`mandate: ${toTerminalText(e.message)}\n`);
      return e.exitCode;
    }
    if (e instanceof InputError) {
      io.stderr(`mandate: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

function positiveNumber(value: string): number {
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0) {
    throw new InvalidArgumentError('not a positive number');
  }
  return number;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

async function check(
  paths: string[],
  options: CheckOptions,
  io: CliIo,
): Promise<number> {
  const appConfig = readConfigFiles(
    options.config.length > 0
      ? options.config
      : discoverConfigFiles(io.cwd ?? process.cwd()),
  );
  const config = readMandateConfig(appConfig, builtInRules);
  const catalog = await loadCatalogFiles(paths, {
    limits: readFileLimits(appConfig),
  });
  let inputs = catalog.inputs;
  let localRefs: Set<string> | undefined;
  if (options.catalogUrl) {
    const portal = await readPortalCatalog({
      baseUrl: options.catalogUrl,
      token: options.token ?? (io.env ?? process.env).MANDATE_TOKEN,
      timeoutMs: options.catalogTimeout * 1000,
      maxBytes: options.catalogMaxBytes,
    });
    ({ inputs, localRefs } = overlayLocalCatalog(portal, catalog.inputs));
  }
  const snapshot = new CatalogSnapshot(inputs);
  const warnings = [
    ...catalog.warnings,
    ...snapshot.warnings,
    ...config.warnings,
  ];
  for (const warning of warnings) {
    io.stderr(`warning: ${toTerminalText(warning)}\n`);
  }

  let entityRefs: string[] | undefined;
  if (options.entity.length > 0) {
    entityRefs = options.entity.map(ref => {
      const normalized = CatalogSnapshot.normalizeRef(ref);
      if (!normalized)
        throw new CliError(`--entity ${ref} is not an entity ref`);
      const services = snapshot.services(config.serviceTypes);
      if (!services.some(service => service.ref === normalized)) {
        throw new CliError(
          `--entity ${ref}: no service ${normalized} in the catalog`,
        );
      }
      return normalized;
    });
  } else if (localRefs) {
    // The portal's other services are context (owners, dependencies, their tiers), not gated.
    entityRefs = snapshot
      .services(config.serviceTypes)
      .filter(service => localRefs!.has(service.ref))
      .map(service => service.ref);
    if (entityRefs.length === 0) {
      // An empty report would pass any --fail-under: say why it is empty.
      io.stderr(
        'warning: the local files hold no service, so none is reported (name portal services with --entity)\n',
      );
    }
  }

  // One per run: the definitions analysed in threads are the ones the evaluation reads.
  const apiDefinitions = createApiDefinitions(builtInRules, config);
  await analyseDefinitionsInThreads({
    snapshot,
    config,
    entityRefs,
    definitions: apiDefinitions,
  });
  const now = io.now?.() ?? new Date();
  const evaluated = evaluateCatalogLazily({
    snapshot,
    config,
    now,
    entityRefs,
    apiDefinitions,
  });
  // What --fail-under reads, kept while the reports themselves go out one by one.
  const levels: Pick<EntityReport, 'entityRef' | 'level' | 'score'>[] = [];
  const entities = (function* withSources() {
    for (const entity of evaluated.entities) {
      const { entityRef, level, score } = entity;
      levels.push({ entityRef, level, score });
      const { source, sourceLine } = snapshot.get(entity.entityRef) ?? {};
      if (!source) {
        yield entity;
        continue;
      }
      const { entityRef: _ref, ...rest } = entity;
      yield {
        entityRef,
        source: sourceLine
          ? { file: source, line: sourceLine }
          : { file: source },
        ...rest,
      };
    }
  })();
  if (options.format === 'json') {
    // Streamed: at 100,000 services the reports held together were gigabytes of heap.
    // `warnings` is optional in the report (rulebook 4): present only when there are some.
    writeJsonReport(
      { ...evaluated, entities, ...(warnings.length > 0 ? { warnings } : {}) },
      io.stdout,
    );
  } else {
    const report: Report = { ...evaluated, entities: [...entities] };
    io.stdout(format(report, options.format, warnings, io.version));
  }

  if (options.failUnder) {
    const threshold = LEVELS.indexOf(options.failUnder);
    const below = levels.filter(
      entity => LEVELS.indexOf(entity.level) < threshold,
    );
    if (below.length > 0) {
      io.stderr(
        `${below.length} service${below.length === 1 ? ' is' : 's are'} below ${
          options.failUnder
        }:\n${below
          .map(
            entity =>
              `  ${toTerminalText(entity.entityRef)} (${entity.level}, ${
                entity.score
              })\n`,
          )
          .join('')}`,
      );
      return 1;
    }
  }
  return 0;
}

function format(
  report: Report,
  kind: Exclude<CheckOptions['format'], 'json'>,
  warnings: string[],
  version: string | undefined,
): string {
  if (kind === 'junit') return formatJunit(report);
  if (kind === 'sarif') {
    const ran = new Set(
      report.entities.flatMap(e => e.results.map(r => r.ruleId)),
    );
    return formatSarif(report, {
      rules: builtInRules.filter(rule => ran.has(rule.id)),
      version,
    });
  }
  if (kind === 'github') return formatGithub(report);
  return formatTable(report, warnings.length);
}
