#!/usr/bin/env node
/*
 * `yarn bench`: Mandate on synthetic catalogs of 1,000 and 10,000 services (set
 * MANDATE_BENCH_SIZES=1000,10000,100000 for more; MANDATE_BENCH_CLI_ONLY=1 times only the CLI).
 * Not a test: figures are printed, nothing is asserted.
 *
 * Per size it first writes the catalog as files into a temporary directory
 * (writeSyntheticCatalogFiles.ts: a multi-document catalog-info.yaml per team, a YAML OpenAPI
 * document of ~20 operations per API (two in five services provide one; error responses are
 * shared components), one in ten split into paths/*.yaml behind `$openapi`, and per 100 teams
 * a Helm chart, a Kubernetes manifest and a broken file; 10,000 services = ~52 MB), then:
 *
 * 1. "CLI, whole process": times `mandate check <dir> --format json` as a child process, start
 *    to report written: wall time, CPU (user + system), peak RSS, MB of YAML read per second,
 *    exit code and report size. This is what a CI job pays; it includes Node's start-up, the
 *    TypeScript transform of the sources (the repository's bin/mandate runs src/, not a build),
 *    finding, reading and parsing the files, placeholders, analysis, rules and the JSON report.
 * 2. "engine in process": the former in-memory figures (cold, warm, one change) on the same
 *    entities, definitions as YAML text in memory: what the backend pays per evaluation and per
 *    catalog change once the entities are in memory. Its cold figure excludes files and start-up.
 *
 * Not covered: a built (dist) CLI, a warm OS file cache vs a cold disk (the files were just
 * written, so they are in the page cache), the backend's catalog client and database (see
 * `yarn bench:backend`), and real repositories' variety (other definition types, huge files).
 * Each step runs in its own process so that its peak RSS is its own.
 * Targets (issue 11) at 10,000 services (~50 MB of YAML): cold <= 8 s wall end to end, peak
 * RSS <= 1 GiB; at 100,000: <= 80 s.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const cli = path.resolve(__dirname, '../bin/mandate');

function inChild(args) {
  const result = spawnSync(process.execPath, [__filename, ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
  return result.stdout;
}

function benchCli(services) {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'mandate-bench-'));
  try {
    const catalog = path.join(directory, 'catalog');
    const startWrite = process.hrtime.bigint();
    const written = JSON.parse(inChild(['--write', String(services), catalog]));
    const writeMs = Number(process.hrtime.bigint() - startWrite) / 1e6;
    const yamlMB = written.yamlBytes / 1e6;

    const reportFile = path.join(directory, 'report.json');
    const usageFile = path.join(directory, 'usage.json');
    const out = fs.openSync(reportFile, 'w');
    const start = process.hrtime.bigint();
    const result = spawnSync(
      process.execPath,
      [
        '--require',
        require.resolve('./recordResourceUsage.js'),
        cli,
        'check',
        catalog,
        '--format',
        'json',
      ],
      {
        cwd: directory,
        stdio: ['ignore', out, 'pipe'],
        env: { ...process.env, MANDATE_BENCH_USAGE_FILE: usageFile },
        maxBuffer: 256 * 1024 * 1024,
      },
    );
    const wallS = Number(process.hrtime.bigint() - start) / 1e9;
    fs.closeSync(out);
    const usage = fs.existsSync(usageFile)
      ? JSON.parse(fs.readFileSync(usageFile, 'utf8'))
      : undefined;
    const cpuS = usage
      ? (usage.userCPUTime + usage.systemCPUTime) / 1e6
      : Number.NaN;
    const rssMiB = usage ? usage.maxRSS / 1024 : Number.NaN;
    const stderrLines = String(result.stderr ?? '')
      .split('\n')
      .filter(Boolean);
    const reportMB = fs.statSync(reportFile).size / 1e6;
    process.stdout.write(
      [
        `services=${services} entities=${written.entities} files=${
          written.files
        } YAML=${yamlMB.toFixed(1)} MB (written in ${(writeMs / 1000).toFixed(
          1,
        )} s)`,
        `  CLI, whole process    ${wallS
          .toFixed(2)
          .padStart(7)} s wall, ${cpuS.toFixed(
          2,
        )} s CPU (user+sys), peak RSS ${rssMiB.toFixed(0)} MiB, ${(
          yamlMB / wallS
        ).toFixed(1)} MB of YAML/s`,
        `                        exit code ${
          result.status
        }, report ${reportMB.toFixed(1)} MB, ${
          stderrLines.length
        } stderr lines${
          stderrLines.length ? ` (first: ${stderrLines[0].slice(0, 120)})` : ''
        }`,
        '',
      ].join('\n'),
    );
  } finally {
    fs.rmSync(directory, { recursive: true, force: true });
  }
}

const [mode, size, directory] = process.argv.slice(2);
if (mode === '--write') {
  require('@backstage/cli/config/nodeTransform.cjs');
  const written =
    require('./writeSyntheticCatalogFiles.ts').writeSyntheticCatalogFiles({
      directory,
      services: Number(size),
      seed: 7,
    });
  process.stdout.write(JSON.stringify(written));
} else if (mode === '--engine') {
  require('@backstage/cli/config/nodeTransform.cjs');
  require('./bench.ts').runBench(Number(size));
} else {
  const sizes = process.env.MANDATE_BENCH_SIZES?.split(',') ?? [
    '1000',
    '10000',
  ];
  for (const n of sizes) {
    benchCli(Number(n));
    // The in-process engine figures take long at 100,000: MANDATE_BENCH_CLI_ONLY=1 skips them.
    if (!process.env.MANDATE_BENCH_CLI_ONLY)
      process.stdout.write(inChild(['--engine', n]));
  }
}
