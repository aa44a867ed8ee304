#!/usr/bin/env node
/*
 * `yarn bench`: the engine on synthetic catalogs of 1,000 and 10,000 services. Each size runs
 * in its own process so that its peak RSS is its own. Not a test: figures are printed.
 * Targets at 10,000 services: cold <= 10 s, warm <= 2 s, one change <= 100 ms, RSS <= 1.5 GiB.
 */
const { spawnSync } = require('node:child_process');

const size = process.argv[2];
if (size) {
  require('@backstage/cli/config/nodeTransform.cjs');
  require('./bench.ts').runBench(Number(size));
} else {
  const sizes = process.env.MANDATE_BENCH_SIZES?.split(',') ?? [
    '1000',
    '10000',
  ];
  for (const n of sizes) {
    const result = spawnSync(process.execPath, [__filename, n], {
      stdio: 'inherit',
    });
    if (result.status !== 0) process.exit(result.status ?? 1);
  }
}
