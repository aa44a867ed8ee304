import { RULEBOOK_RULES } from '../testUtils/rulebookRules';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { OPENAPI_OK } from '../testUtils/entities';
import { writeMessyRepository } from '../testUtils/writeMessyRepository';
import { runMandateCli } from './runMandateCli';

const ORG = `apiVersion: backstage.io/v1alpha1
kind: Group
metadata: { name: team-a }
spec: { type: team, children: [], members: [alice] }
`;

function service(name: string, extra = '') {
  return `---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ${name}
  annotations:
    mandate.dev/tier: high
    mandate.dev/slo: '99.9'
    mandate.dev/runbook: ../runbooks/${name}.md
    mandate.dev/on-call: team-a
    mandate.dev/key-metrics: availability
    mandate.dev/dashboard: https://grafana.example.com/${name}
spec:
  type: service
  lifecycle: production
  owner: team-a
  providesApis: [${name}-api]
${extra}---
apiVersion: backstage.io/v1alpha1
kind: API
metadata: { name: ${name}-api }
spec:
  type: openapi
  lifecycle: production
  owner: team-a
  definition:
    $text: ./${name}-api.yaml
`;
}

const RUNBOOK = '# Runbook\n\n## Diagnosis\n\n## Mitigation\n\n## Escalation\n';

let dir: string;

/** A gold service with its API definition and runbook, plus `extra` spec lines. */
function addService(name: string, extra = '', edit = (yaml: string) => yaml) {
  write(`catalog/services/${name}.yaml`, edit(service(name, extra)));
  write(`catalog/services/${name}-api.yaml`, OPENAPI_OK);
  write(`catalog/runbooks/${name}.md`, RUNBOOK);
}
function write(file: string, text: string) {
  const target = path.join(dir, file);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, text);
}

async function run(...argv: string[]) {
  return runIn(dir, ...argv);
}

/** Runs the CLI as if started in `cwd` (where app-config.yaml is looked for). */
async function runIn(cwd: string, ...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runMandateCli(argv, {
    stdout: t => {
      stdout += t;
    },
    stderr: t => {
      stderr += t;
    },
    now: () => new Date('2026-11-26T10:00:00.000Z'),
    cwd,
  });
  return { code, stdout, stderr };
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mandate-cli-'));
  write('catalog/org.yaml', ORG);
  write('catalog/services/orders.yaml', service('orders'));
  write('catalog/services/orders-api.yaml', OPENAPI_OK);
  write('catalog/runbooks/orders.md', RUNBOOK);
  write('catalog/app-config.yaml', 'app:\n  title: not an entity\n');
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('mandate check', () => {
  it('prints the section 4 report as json, resolving $text and relative runbooks', async () => {
    const { code, stdout, stderr } = await run(
      'check',
      path.join(dir, 'catalog'),
      '--format',
      'json',
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(Object.keys(report)).toEqual([
      'rulebookVersion',
      'generatedAt',
      'entities',
    ]);
    expect(report.generatedAt).toBe('2026-11-26T10:00:00.000Z');
    expect(report.entities).toHaveLength(1);
    const [orders] = report.entities;
    expect(orders).toMatchObject({
      entityRef: 'component:default/orders',
      owner: 'group:default/team-a',
      tier: 'high',
      level: 'gold',
      score: 100,
    });
    expect(orders.results.map((r: { ruleId: string }) => r.ruleId)).toEqual(
      RULEBOOK_RULES.map(r => r.id),
    );
  });

  it('turns an unreadable definition into error results, not a crash', async () => {
    fs.rmSync(path.join(dir, 'catalog/services/orders-api.yaml'));
    const { code, stdout } = await run(
      'check',
      path.join(dir, 'catalog'),
      '--format',
      'json',
    );
    expect(code).toBe(0);
    const statuses = Object.fromEntries(
      JSON.parse(stdout).entities[0].results.map((r: any) => [
        r.ruleId,
        r.status,
      ]),
    );
    expect(statuses['interface.spec-valid']).toBe('error');
    expect(statuses['api.versioned']).toBe('error');
  });

  it.each([
    ['a URL', 'https://example.com/orders-api.yaml'],
    ['a path outside the given roots', '../../../outside.yaml'],
  ])('never reads a $text that is %s', async (_, target) => {
    write('outside.yaml', OPENAPI_OK);
    write(
      'catalog/services/orders.yaml',
      service('orders').replace('./orders-api.yaml', target),
    );
    const { code, stdout } = await run(
      'check',
      path.join(dir, 'catalog'),
      '--format',
      'json',
    );
    expect(code).toBe(0);
    const specValid = JSON.parse(stdout).entities[0].results.find(
      (r: any) => r.ruleId === 'interface.spec-valid',
    );
    expect(specValid.status).toBe('error');
  });

  it.each([
    ['does not parse', 'openapi: 3.0.3\ninfo: [unclosed\n', 'fail', 'error'],
    [
      'has a duplicate key (the last wins)',
      `${OPENAPI_OK}\ninfo: { title: Orders, version: 1.2.0 }\n`,
      'pass',
      'pass',
    ],
    [
      'uses more than 100 aliases',
      `${OPENAPI_OK}\nx-shared: &shared { a: 1 }\nx-uses: [${Array(150)
        .fill('*shared')
        .join(', ')}]\n`,
      'pass',
      'pass',
    ],
  ])(
    'judges a $yaml definition that %s as the rulebook says',
    async (_, definition, specValid, versioned) => {
      // Not *.yaml: as a catalog file it would be skipped with a warning of its own.
      fs.rmSync(path.join(dir, 'catalog/services/orders-api.yaml'));
      write('catalog/services/orders-api.txt', definition);
      write(
        'catalog/services/orders.yaml',
        service('orders').replace(
          '$text: ./orders-api.yaml',
          '$yaml: ./orders-api.txt',
        ),
      );
      const { code, stdout, stderr } = await run(
        'check',
        path.join(dir, 'catalog'),
        '--format',
        'json',
      );
      expect(code).toBe(0);
      expect(stderr).toBe('');
      const statuses = Object.fromEntries(
        JSON.parse(stdout).entities[0].results.map((r: any) => [
          r.ruleId,
          r.status,
        ]),
      );
      expect(statuses['interface.spec-valid']).toBe(specValid);
      expect(statuses['api.versioned']).toBe(versioned);
    },
  );

  it('keeps the first of two documents with the same ref and warns', async () => {
    write(
      'catalog/services/zz-orders-copy.yaml',
      service('orders').replace('owner: team-a', 'owner: team-b'),
    );
    const { code, stdout, stderr } = await run(
      'check',
      path.join(dir, 'catalog'),
      '--format',
      'json',
    );
    expect(code).toBe(0);
    expect(stderr).toContain('duplicate entity component:default/orders');
    expect(stderr).toContain('zz-orders-copy.yaml');
    expect(JSON.parse(stdout).entities[0].owner).toBe('group:default/team-a');
  });

  it('prints a table with the failing rules and their evidence', async () => {
    addService('billing', '  dependsOn: [resource:ghost-db]\n');
    const { code, stdout } = await run('check', path.join(dir, 'catalog'));
    expect(code).toBe(0);
    expect(stdout).toMatch(/component:default\/billing\s+none\s+96/);
    expect(stdout).toContain('FAIL  deps.resolved');
    expect(stdout).toContain('resource:default/ghost-db does not exist');
    expect(stdout).toMatch(/component:default\/orders\s+gold\s+100/);
  });

  it('prints JUnit XML with a failure per failing rule', async () => {
    addService('billing', '  dependsOn: [resource:ghost-db]\n');
    const { stdout } = await run(
      'check',
      path.join(dir, 'catalog'),
      '--format',
      'junit',
    );
    expect(stdout).toContain(
      '<testsuite name="component:default/billing" tests="26" failures="1"',
    );
    expect(stdout).toContain(
      '<testcase classname="component:default/billing" name="deps.resolved">',
    );
    expect(stdout).toContain('<failure type="fail"');
    expect(stdout.match(/<testsuite /g)).toHaveLength(2);
  });

  it('narrows the output with --entity', async () => {
    addService('billing');
    const { stdout } = await run(
      'check',
      path.join(dir, 'catalog'),
      '--format',
      'json',
      '--entity',
      'billing',
    );
    expect(JSON.parse(stdout).entities.map((e: any) => e.entityRef)).toEqual([
      'component:default/billing',
    ]);
    const unknown = await run(
      'check',
      path.join(dir, 'catalog'),
      '--entity',
      'nope',
    );
    expect(unknown.code).toBe(2);
  });

  it('reads mandate: from repeated --config files, later ones winning', async () => {
    write(
      'base.yaml',
      'mandate:\n  rules:\n    ops:\n      runbook:\n        enabled: false\n',
    );
    write(
      'override.yaml',
      'mandate:\n  rules:\n    ownership:\n      two-pizza-team:\n        maxMembers: 0\n',
    );
    const { stdout } = await run(
      'check',
      path.join(dir, 'catalog'),
      '--format',
      'json',
      '--config',
      path.join(dir, 'base.yaml'),
      '--config',
      path.join(dir, 'override.yaml'),
    );
    const [orders] = JSON.parse(stdout).entities;
    expect(orders.results.map((r: any) => r.ruleId)).not.toContain(
      'ops.runbook',
    );
    expect(
      orders.results.find((r: any) => r.ruleId === 'ownership.two-pizza-team')
        .status,
    ).toBe('fail');
  });

  it('exits 1 naming the services below --fail-under', async () => {
    addService('billing', '', yaml =>
      yaml.replace('https://grafana', 'ftp://grafana'),
    );
    const silver = await run(
      'check',
      path.join(dir, 'catalog'),
      '--fail-under',
      'silver',
    );
    expect(silver.code).toBe(1);
    expect(silver.stderr).toContain('component:default/billing');
    expect(silver.stderr).not.toContain('component:default/orders');
    expect(
      (await run('check', path.join(dir, 'catalog'), '--fail-under', 'bronze'))
        .code,
    ).toBe(0);
  });

  it('skips a document with a YAML syntax error, warning with file and line (rulebook 5, v1.1)', async () => {
    write(
      'catalog/broken.yaml',
      'apiVersion: v1\nkind: Component\nmetadata:\n  name: [unclosed\n',
    );
    const { code, stdout, stderr } = await run(
      'check',
      path.join(dir, 'catalog'),
    );
    expect(code).toBe(0);
    expect(stderr).toMatch(
      /^warning: .*broken\.yaml:5: skipped a document with a YAML syntax error: /,
    );
    expect(stdout).toMatch(/^component:default\/orders +gold +100$/m);
    expect(stdout).toMatch(/\n1 warning \(listed on stderr\)\n$/);
  });

  it.each([
    [['check', '/definitely/not/here']],
    [['check']],
    [['check', '.', '--format', 'xml']],
    [['check', '.', '--fail-under', 'platinum']],
    [['check', '.', '--no-such-option']],
    [['frobnicate']],
  ])('exits 2 for usage errors and unreadable input: %j', async argv => {
    expect((await run(...argv)).code).toBe(2);
  });

  it('exits 2 for an invalid config value, naming the key', async () => {
    write(
      'bad.yaml',
      'mandate:\n  rules:\n    ownership:\n      two-pizza-team:\n        maxMembers: many\n',
    );
    const { code, stderr } = await run(
      'check',
      path.join(dir, 'catalog'),
      '--config',
      path.join(dir, 'bad.yaml'),
    );
    expect(code).toBe(2);
    expect(stderr).toContain(
      'mandate.rules.ownership.two-pizza-team.maxMembers',
    );
  });

  it.each([
    ['the device /dev/zero', () => '../../../../../../../../../dev/zero'],
    [
      'a FIFO',
      () => {
        execFileSync('mkfifo', [path.join(dir, 'catalog/runbooks/fifo.md')]);
        return '../runbooks/fifo.md';
      },
    ],
  ])(
    'fails ops.runbook for %s as runbook, without hanging',
    async (_, make) => {
      const runbook = make();
      write(
        'catalog/services/orders.yaml',
        service('orders').replace('../runbooks/orders.md', runbook),
      );
      const { code, stdout } = await run(
        'check',
        path.join(dir, 'catalog'),
        '--format',
        'json',
      );
      expect(code).toBe(0);
      const result = JSON.parse(stdout).entities[0].results.find(
        (r: any) => r.ruleId === 'ops.runbook',
      );
      expect(result.status).toBe('fail');
      expect(result.message).toMatch(
        /could not be read: (outside the paths given|not a regular file)$/,
      );
    },
  );

  it('reads the file size limits from mandate.limits and skips a larger catalog file with a warning', async () => {
    write('limits.yaml', 'mandate:\n  limits:\n    maxFileBytes: 512\n');
    const { code, stderr } = await run(
      'check',
      path.join(dir, 'catalog'),
      '--config',
      path.join(dir, 'limits.yaml'),
    );
    expect(code).toBe(0);
    expect(stderr).toMatch(
      /services\/orders(-api)?\.yaml: skipped, larger than 512 bytes\n$/,
    );

    write('limits.yaml', 'mandate:\n  limits:\n    maxFileBytes: -1\n');
    const invalid = await run(
      'check',
      path.join(dir, 'catalog'),
      '--config',
      path.join(dir, 'limits.yaml'),
    );
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toContain("'mandate.limits.maxFileBytes'");
  });

  it('evaluates a real repository completely, one warning per bad document (issue 11)', async () => {
    const expected = writeMessyRepository(dir);
    addService('billing', '', yaml =>
      yaml.replace('https://grafana', 'ftp://grafana'),
    );
    const json = await run('check', dir, '--format', 'json');
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout);
    expect(Object.keys(report)).toEqual([
      'rulebookVersion',
      'generatedAt',
      'entities',
      'warnings',
    ]);
    expect(report.warnings).toEqual(
      expected.map(e =>
        expect.stringMatching(new RegExp(e.source.replace('^', '^(.*/)?'))),
      ),
    );
    expect(report.entities.map((e: any) => [e.entityRef, e.level])).toEqual([
      ['component:default/billing', 'bronze'],
      ['component:default/orders', 'gold'],
    ]);
    expect(json.stderr.match(/^warning: /gm)).toHaveLength(expected.length);

    const table = await run('check', dir, '--fail-under', 'gold');
    expect(table.code).toBe(1);
    expect(table.stdout).toMatch(/\n7 warnings \(listed on stderr\)\n$/);
  });

  describe('app-config discovery without --config, as Backstage does', () => {
    const twoPizza = (stdout: string) =>
      JSON.parse(stdout).entities[0].results.find(
        (r: any) => r.ruleId === 'ownership.two-pizza-team',
      ).status;
    const maxMembers = (n: number) =>
      `mandate:\n  rules:\n    ownership:\n      two-pizza-team:\n        maxMembers: ${n}\n`;

    it('reads app-config.yaml of the working directory, overridden by app-config.local.yaml', async () => {
      const catalog = path.join(dir, 'catalog');
      expect(
        twoPizza((await run('check', catalog, '--format', 'json')).stdout),
      ).toBe('pass');
      write('cwd/app-config.yaml', maxMembers(0));
      const cwd = path.join(dir, 'cwd');
      expect(
        twoPizza(
          (await runIn(cwd, 'check', catalog, '--format', 'json')).stdout,
        ),
      ).toBe('fail');
      write('cwd/app-config.local.yaml', maxMembers(10));
      expect(
        twoPizza(
          (await runIn(cwd, 'check', catalog, '--format', 'json')).stdout,
        ),
      ).toBe('pass');
    });

    it('reads only the --config files when some are given', async () => {
      write('cwd/app-config.yaml', maxMembers(0));
      write('explicit.yaml', maxMembers(10));
      const result = await runIn(
        path.join(dir, 'cwd'),
        'check',
        path.join(dir, 'catalog'),
        '--format',
        'json',
        '--config',
        path.join(dir, 'explicit.yaml'),
      );
      expect(twoPizza(result.stdout)).toBe('pass');
    });
  });
});
