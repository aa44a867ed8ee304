import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeMessyRepository } from '../testUtils/writeMessyRepository';

const bin = path.resolve(__dirname, '../../bin/mandate');

describe('bin/mandate', () => {
  it('runs the TypeScript sources and exits with the CLI exit code', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mandate-bin-'));
    try {
      fs.writeFileSync(
        path.join(dir, 'orders.yaml'),
        'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: { name: orders }\nspec: { type: service, owner: team-a }\n',
      );
      const ok = spawnSync(
        process.execPath,
        [bin, 'check', dir, '--format', 'json'],
        {
          encoding: 'utf8',
          timeout: 60_000,
        },
      );
      expect(ok.status).toBe(0);
      expect(JSON.parse(ok.stdout).entities[0].entityRef).toBe(
        'component:default/orders',
      );

      const below = spawnSync(
        process.execPath,
        [bin, 'check', dir, '--fail-under', 'bronze'],
        {
          encoding: 'utf8',
          timeout: 60_000,
        },
      );
      expect(below.status).toBe(1);
      expect(below.stderr).toContain('component:default/orders');

      const usage = spawnSync(process.execPath, [bin, 'check'], {
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(usage.status).toBe(2);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('evaluates a messy repository completely and reads app-config.yaml of its working directory', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mandate-bin-'));
    try {
      const expected = writeMessyRepository(dir);
      fs.writeFileSync(
        path.join(dir, 'catalog.yaml'),
        'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata: { name: orders }\nspec: { type: service, owner: team-a }\n',
      );
      // Without it, ops.runbook fails: discovery is what turns it off.
      fs.writeFileSync(
        path.join(dir, 'app-config.yaml'),
        'mandate:\n  rules:\n    ops:\n      runbook:\n        enabled: false\n',
      );
      const result = spawnSync(
        process.execPath,
        [bin, 'check', '.', '--format', 'json'],
        { cwd: dir, encoding: 'utf8', timeout: 60_000 },
      );
      expect(result.status).toBe(0);
      const report = JSON.parse(result.stdout);
      expect(report.warnings).toEqual(
        expected.map(e => expect.stringMatching(e)),
      );
      expect(report.entities.map((e: any) => e.entityRef)).toEqual([
        'component:default/orders',
      ]);
      expect(
        report.entities[0].results.map((r: any) => r.ruleId),
      ).not.toContain('ops.runbook');
      // Only the CLI's warnings: no stack trace, no warning printed by the YAML parser.
      expect(result.stderr.split('\n').filter(Boolean)).toEqual(
        report.warnings.map((w: string) => `warning: ${w}`),
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
