import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import path from 'node:path';
import { Entity } from '@backstage/catalog-model';
import { DiscoveryService } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { InputError } from '@backstage/errors';
import {
  loadCatalogFiles,
  MandateRule,
  readMandateConfig,
  builtInRules,
} from '@mandate-dev/plugin-mandate-node';
import { parse } from 'yaml';
import {
  fetchedService,
  mockActionContext,
  newServiceValues,
  NewServiceValues,
  renderNewServiceSkeleton,
  REPO_ROOT,
  startMandateBackend,
} from '../__testUtils__';
import { createMandateCheckAction } from './createMandateCheckAction';

jest.setTimeout(60_000);

const config = readMandateConfig(
  new ConfigReader(
    parse(fs.readFileSync(path.join(REPO_ROOT, 'app-config.yaml'), 'utf8')),
  ),
  builtInRules,
);

/** The live catalog: the Acme Retail demo organisation, as the catalog service serves it. */
let demo: Entity[];
/** The Mandate backend over the demo catalog, which the action asks. */
let demoBackend: DiscoveryService;
beforeAll(async () => {
  demo = (
    await loadCatalogFiles(
      ['org', 'apis.yaml', 'services', 'resources'].map(p =>
        path.join(REPO_ROOT, 'catalog', p),
      ),
    )
  ).inputs.map(input => input.entity);
  demoBackend = (await startMandateBackend({ entities: demo })).discovery;
});

/** The action, asking the Mandate backend found by `discovery` (default: over the demo catalog). */
function checkAction(
  options: {
    discovery?: DiscoveryService;
    limits?: { maxFileBytes: number; maxRunbookBytes: number };
  } = {},
) {
  const auth = mockServices.auth();
  const getPluginRequestToken = jest.spyOn(auth, 'getPluginRequestToken');
  const action = createMandateCheckAction({
    discovery: options.discovery ?? demoBackend,
    auth,
    config,
    limits: options.limits,
  });
  return { action, getPluginRequestToken };
}

const workspaces: string[] = [];
afterAll(() => {
  for (const dir of workspaces)
    fs.rmSync(dir, { recursive: true, force: true });
});

async function check(
  values: Partial<NewServiceValues>,
  input: { minimumLevel?: 'bronze' | 'silver' | 'gold' } = {},
  options: { entities?: typeof demo; isDryRun?: boolean } = {},
) {
  const workspacePath = await renderNewServiceSkeleton(
    newServiceValues(values),
  );
  workspaces.push(workspacePath);
  const discovery = options.entities
    ? (await startMandateBackend({ entities: options.entities })).discovery
    : demoBackend;
  const { action, getPluginRequestToken } = checkAction({ discovery });
  const ctx = mockActionContext({
    input,
    workspacePath,
    isDryRun: options.isDryRun,
  });
  const run = action.handler(ctx);
  return { ctx, run, getPluginRequestToken };
}

describe('mandate:check', () => {
  it('passes a gold skeleton that calls a more critical service, and reports its level', async () => {
    const { ctx, run, getPluginRequestToken } = await check(
      {
        tier: 'high',
        slo: '99.5',
        dependencies: [
          fetchedService('product-catalog', ['product-catalog-api']),
        ],
      },
      { minimumLevel: 'gold' },
    );
    await expect(run).resolves.toBeUndefined();
    expect(ctx.outputs).toMatchObject({
      entityRef: 'component:default/gift-cards',
      level: 'gold',
      score: 100,
    });
    expect(ctx.outputs.results).toHaveLength(26);
    expect(ctx.logger.info).toHaveBeenCalledWith(
      'Mandate: component:default/gift-cards reaches gold with a score of 100',
    );
    // The Mandate backend, which holds the live catalog, is asked on behalf of the initiator,
    // not with the plugin's own credentials.
    expect(getPluginRequestToken).toHaveBeenCalledWith({
      onBehalfOf: await ctx.getInitiatorCredentials(),
      targetPluginId: 'mandate',
    });
  });

  it('refuses a critical service whose dependency is low-tier, naming the rule and the path', async () => {
    const { ctx, run } = await check(
      {
        tier: 'critical',
        slo: '99.9',
        dependencies: [
          fetchedService('recommendations', ['recommendations-api']),
        ],
      },
      { minimumLevel: 'gold' },
    );
    await expect(run).rejects.toThrow(InputError);
    await expect(run).rejects.toThrow(
      /component:default\/gift-cards would reach bronze \(score \d+\), below the required gold/,
    );
    await expect(run).rejects.toThrow(/- deps\.no-tier-inversion \(silver\): /);
    await expect(run).rejects.toThrow(
      /gift-cards \(critical\) -> .*recommendations \(low\)/,
    );
    // Its SLO cannot be carried by a 99.0 % dependency either: a gold rule, also blocking.
    await expect(run).rejects.toThrow(/- deps\.sla-budget \(gold\): /);
    expect(ctx.outputs).toEqual({});
  });

  it('passes when the required level is at or below the level reached', async () => {
    const inverted = {
      tier: 'critical',
      slo: '99.9',
      dependencies: [
        fetchedService('recommendations', ['recommendations-api']),
      ],
    };
    const bronze = await check(inverted, { minimumLevel: 'bronze' });
    await expect(bronze.run).resolves.toBeUndefined();
    expect(bronze.ctx.outputs).toMatchObject({ level: 'bronze' });

    const silver = await check(inverted, { minimumLevel: 'silver' });
    await expect(silver.run).rejects.toThrow(/below the required silver/);

    const gold = await check({}, { minimumLevel: 'silver' });
    await expect(gold.run).resolves.toBeUndefined();
    expect(gold.ctx.outputs).toMatchObject({ level: 'gold' });
  });

  it('requires gold by default and runs in dry runs', async () => {
    const { run } = await check(
      {
        tier: 'critical',
        dependencies: [
          fetchedService('recommendations', ['recommendations-api']),
        ],
      },
      {},
      { isDryRun: true },
    );
    await expect(run).rejects.toThrow(/below the required gold/);
  });

  it('judges a regenerated service instead of its live version', async () => {
    const live = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'gift-cards', namespace: 'default' },
      spec: {
        type: 'service',
        owner: 'group:default/payments-team',
        lifecycle: 'production',
      },
    };
    const { ctx, run } = await check({}, {}, { entities: [...demo, live] });
    await expect(run).resolves.toBeUndefined();
    expect(ctx.outputs).toMatchObject({ level: 'gold', score: 100 });
    expect(ctx.logger.warn).not.toHaveBeenCalled();
  });

  it('needs a service among the generated files', async () => {
    const { ctx, run } = await check({});
    await run;
    fs.rmSync(path.join(ctx.workspacePath, 'catalog-info.yaml'));
    const { action } = checkAction();
    await expect(action.handler(ctx)).rejects.toThrow(
      'No service to check: the generated files hold no Component of type service',
    );
  });

  it('reports unreadable generated YAML as an input error', async () => {
    const { ctx, run } = await check({});
    await run;
    fs.writeFileSync(
      path.join(ctx.workspacePath, 'catalog-info.yaml'),
      'kind: [unclosed\n',
    );
    const { action } = checkAction();
    await expect(action.handler(ctx)).rejects.toThrow(
      /The generated files cannot be read: .*YAML syntax error/,
    );
  });

  describe('reads only regular files inside the workspace, with a size limit', () => {
    /** A rendered skeleton whose files are then edited, and the action run on it. */
    async function checkEdited(
      edit: (workspacePath: string) => void,
      limits?: { maxFileBytes: number; maxRunbookBytes: number },
    ) {
      const { ctx, run } = await check({});
      await run;
      edit(ctx.workspacePath);
      const { action } = checkAction({ limits });
      return action.handler(ctx);
    }
    const setRunbook = (workspacePath: string, runbook: string) => {
      const file = path.join(workspacePath, 'catalog-info.yaml');
      fs.writeFileSync(
        file,
        fs
          .readFileSync(file, 'utf8')
          .replace(
            'mandate.dev/runbook: ./runbook.md',
            `mandate.dev/runbook: ${runbook}`,
          ),
      );
    };

    it.each([
      [
        'a path out of the workspace',
        '../../../../../../../../dev/zero',
        'outside the paths given',
      ],
      [
        'a symlink out of the workspace',
        './linked.md',
        'outside the paths given',
      ],
      ['a FIFO', './fifo.md', 'not a regular file'],
    ])(
      'fails ops.runbook for a runbook that is %s, without hanging',
      async (_, runbook, reason) => {
        const result = checkEdited(workspacePath => {
          fs.symlinkSync(
            '/etc/hostname',
            path.join(workspacePath, 'linked.md'),
          );
          execFileSync('mkfifo', [path.join(workspacePath, 'fifo.md')]);
          setRunbook(workspacePath, runbook);
        });
        await expect(result).rejects.toThrow(InputError);
        await expect(result).rejects.toThrow(
          `${runbook} could not be read: ${reason}`,
        );
      },
    );

    it('refuses a $text target that is a symlink leading out of the workspace', async () => {
      const result = checkEdited(workspacePath => {
        fs.rmSync(path.join(workspacePath, 'openapi.yaml'));
        fs.symlinkSync('/etc/passwd', path.join(workspacePath, 'openapi.yaml'));
      });
      await expect(result).rejects.toThrow(InputError);
      await expect(result).rejects.toThrow(
        'the definition could not be read: ./openapi.yaml is outside the paths given',
      );
      await expect(result).rejects.not.toThrow(/root:/);
    });

    it('refuses a path option that leads out of the workspace through a symlink', async () => {
      const { ctx, run } = await check({});
      await run;
      fs.symlinkSync('/etc', path.join(ctx.workspacePath, 'elsewhere'));
      const { action } = checkAction();
      await expect(
        action.handler({ ...ctx, input: { path: 'elsewhere' } }),
      ).rejects.toThrow(/must be inside the task workspace|outside its parent/);
    });

    it('refuses a generated file larger than the limit, naming it', async () => {
      const result = checkEdited(() => {}, {
        maxFileBytes: 1024,
        maxRunbookBytes: 1024 * 1024,
      });
      await expect(result).rejects.toThrow(InputError);
      await expect(result).rejects.toThrow(
        'The generated files cannot be read: catalog-info.yaml is larger than 1 KiB',
      );
    });
  });

  describe('asks the Mandate backend, with its rules', () => {
    /** A custom rule installed in the backend: every service names its cost centre. */
    const costCentre = (level: MandateRule['level']): MandateRule => ({
      id: 'acme.cost-centre',
      tenet: 'ownership',
      level,
      title: 'Cost centre',
      description: '`acme.com/cost-centre` is set.',
      rationale: 'Finance must know who pays.',
      remediation: {
        text: 'Name the cost centre.',
        snippet: 'metadata:\n  annotations:\n    acme.com/cost-centre: cc-42\n',
        language: 'yaml',
      },
      evaluate: service =>
        service.entity.metadata.annotations?.['acme.com/cost-centre']
          ? { status: 'pass' }
          : {
              status: 'fail',
              message: 'no cost centre',
              evidence: ['ask finance'],
            },
    });

    async function checkWithRule(
      level: MandateRule['level'],
      minimumLevel: 'bronze' | 'silver' | 'gold',
    ) {
      const { discovery } = await startMandateBackend({
        entities: demo,
        rules: [costCentre(level)],
      });
      const workspacePath = await renderNewServiceSkeleton(newServiceValues());
      workspaces.push(workspacePath);
      const ctx = mockActionContext({ input: { minimumLevel }, workspacePath });
      const run = checkAction({ discovery }).action.handler(ctx);
      return { ctx, run };
    }

    it('blocks a gold skeleton on a custom bronze rule the backend runs', async () => {
      const { ctx, run } = await checkWithRule('bronze', 'bronze');
      await expect(run).rejects.toThrow(InputError);
      await expect(run).rejects.toThrow(
        /gift-cards would reach none \(score 96\), below the required bronze/,
      );
      await expect(run).rejects.toThrow(
        /- acme\.cost-centre \(bronze\): no cost centre\n {4}ask finance/,
      );
      expect(ctx.outputs).toEqual({});
    });

    it('takes the levels of the custom rules from the backend', async () => {
      // A failing gold rule does not block silver...
      const silver = await checkWithRule('gold', 'silver');
      await expect(silver.run).resolves.toBeUndefined();
      expect(silver.ctx.outputs).toMatchObject({ level: 'silver', score: 96 });
      expect(silver.ctx.outputs.results).toHaveLength(27);

      // ...and is named with its level when it blocks gold.
      const gold = await checkWithRule('silver', 'gold');
      await expect(gold.run).rejects.toThrow(
        /below the required gold:\n- acme\.cost-centre \(silver\): no cost centre/,
      );
    });

    it('fails the step when the backend cannot be reached', async () => {
      const server = http.createServer();
      await new Promise<void>(resolve => server.listen(0, resolve));
      const { port } = server.address() as AddressInfo;
      await new Promise(resolve => server.close(resolve));
      const baseUrl = `http://localhost:${port}/api/mandate`;
      const { action } = checkAction({
        discovery: {
          getBaseUrl: async () => baseUrl,
          getExternalBaseUrl: async () => baseUrl,
        },
      });
      const workspacePath = await renderNewServiceSkeleton(newServiceValues());
      workspaces.push(workspacePath);
      await expect(
        action.handler(mockActionContext({ input: {}, workspacePath })),
      ).rejects.toThrow(
        `The Mandate check could not reach ${baseUrl}/check: fetch failed`,
      );
    });

    it('fails the step with the reason the backend gives when it errs', async () => {
      const server = http.createServer((_req, res) => {
        res.writeHead(500, { 'Content-Type': 'application/json' });
        res.end(
          JSON.stringify({
            error: { name: 'Error', message: 'database is down' },
            response: { statusCode: 500 },
          }),
        );
      });
      await new Promise<void>(resolve => server.listen(0, resolve));
      try {
        const { port } = server.address() as AddressInfo;
        const baseUrl = `http://localhost:${port}/api/mandate`;
        const { action } = checkAction({
          discovery: {
            getBaseUrl: async () => baseUrl,
            getExternalBaseUrl: async () => baseUrl,
          },
        });
        const workspacePath = await renderNewServiceSkeleton(
          newServiceValues(),
        );
        workspaces.push(workspacePath);
        const run = action.handler(
          mockActionContext({ input: {}, workspacePath }),
        );
        await expect(run).rejects.toThrow(
          'The Mandate backend failed the check: 500 database is down',
        );
        await expect(run).rejects.not.toThrow(InputError);
      } finally {
        await new Promise(resolve => server.close(resolve));
      }
    });
  });
});
