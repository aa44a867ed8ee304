#!/usr/bin/env node
/*
 * `yarn bench:dashboard` (with the backend's benchmarks, whose store seeding it shares): the leadership dashboard with 10,000 services in the backend, in
 * Debian's Chromium. Seeds Mandate's SQLite store with the synthetic catalog, starts the
 * backend (scheduled evaluation off, so the seeded results stay) and the frontend on ports
 * 7017/3017, and prints how long /mandate takes to show its first figures. Not a test.
 * Target: <= 2 s.
 */
require('@backstage/cli/config/nodeTransform.cjs');
require('./dashboardBench.ts')
  .main()
  .then(() => process.exit(0))
  .catch(error => {
    console.error(error);
    process.exit(1);
  });
