import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import fs from 'node:fs';
import path from 'node:path';
import { runMandateCli } from './runMandateCli';
// The OASIS SARIF 2.1.0 schema (final, "rtm.5"), vendored from @microsoft/jest-sarif.
import schema from './__fixtures__/sarif-schema-2.1.0.json';

const repo = path.resolve(__dirname, '../../../..');

async function demoSarif() {
  const out: string[] = [];
  const code = await runMandateCli(
    ['check', path.join(repo, 'catalog'), '--format', 'sarif'],
    {
      stdout: text => out.push(text),
      stderr: () => {},
      cwd: repo,
      version: '1.2.3',
    },
  );
  expect(code).toBe(0);
  return JSON.parse(out.join(''));
}

describe('--format sarif', () => {
  it('validates against the SARIF 2.1.0 schema, one rule per Mandate rule', async () => {
    const sarif = await demoSarif();
    // unicodeRegExp off: one pattern of the schema (a language tag) is not valid with the u flag.
    const ajv = new Ajv({
      strict: false,
      allErrors: true,
      unicodeRegExp: false,
    });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    expect(validate.errors ?? validate(sarif)).toBe(true);
    const driver = sarif.runs[0].tool.driver;
    expect(driver.version).toBe('1.2.3');
    expect(driver.rules.map((r: any) => r.id)).toContain('api.security');
    for (const rule of driver.rules) {
      expect(rule.help.text).toContain('Fix: ');
      expect(rule.fullDescription.text.length).toBeGreaterThan(10);
    }
  });

  it('points every failing result of the demo catalog at an existing file and line', async () => {
    const sarif = await demoSarif();
    const { rules } = sarif.runs[0].tool.driver;
    const results: any[] = sarif.runs[0].results;
    expect(results.length).toBeGreaterThan(10);
    const definitionLines: string[] = [];
    for (const result of results) {
      expect(rules[result.ruleIndex].id).toBe(result.ruleId);
      expect(result.locations.length).toBeGreaterThan(0);
      for (const location of result.locations) {
        const { artifactLocation, region } = location.physicalLocation;
        // Relative to the working directory, which is where code scanning resolves them.
        const file = path.join(process.cwd(), decodeURI(artifactLocation.uri));
        expect(fs.existsSync(file)).toBe(true);
        const lines = fs.readFileSync(file, 'utf8').split('\n');
        expect(region.startLine).toBeGreaterThanOrEqual(1);
        expect(region.startLine).toBeLessThanOrEqual(lines.length);
        expect(lines[region.startLine - 1].trim()).not.toBe('');
      }
      // The last location is the entity's YAML document, at its first key.
      const entityLocation = result.locations[result.locations.length - 1];
      const entityFile = path.join(
        process.cwd(),
        entityLocation.physicalLocation.artifactLocation.uri,
      );
      const entityLine = fs.readFileSync(entityFile, 'utf8').split('\n')[
        entityLocation.physicalLocation.region.startLine - 1
      ];
      expect(entityLine).toMatch(/^(apiVersion|kind|metadata):/);
      const first = result.locations[0].physicalLocation;
      if (result.ruleId.startsWith('api.') && first.region.startLine > 1) {
        definitionLines.push(
          fs
            .readFileSync(
              path.join(process.cwd(), first.artifactLocation.uri),
              'utf8',
            )
            .split('\n')[first.region.startLine - 1],
        );
      }
    }
    // api.* results point at a key in the definition (an operation, a response); line 1 is
    // the whole document (a definition without operations).
    expect(definitionLines.length).toBeGreaterThan(0);
    expect(
      definitionLines.filter(
        line => !/^\s+("[^"]+"|'[^']+'|[\w{}/.-]+):/.test(line),
      ),
    ).toEqual([]);
  });
});
