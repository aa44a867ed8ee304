#!/usr/bin/env node
/*
 * `yarn bench:backend`: the Mandate backend with 10,000 synthetic services, on SQLite and on
 * PostgreSQL (when one answers on 127.0.0.1:5432, or MANDATE_BENCH_PG is set). Not a test:
 * figures are printed. Targets (issue 11): a full evaluation of 10,000 services with YAML
 * definitions stored in <= 15 s, and GET /summary p95 <= 100 ms while it runs (the last lines
 * per database: a fresh evaluator's full evaluation, /summary asked meanwhile); with 90 days
 * of history, GET /summary p95 <= 100 ms and GET /entities/{ref} p95 <= 20 ms. It also times one catalog
 * change through the production path (`evaluateChanges`: fingerprint, read the entity,
 * affectedEntities, evaluate those services, one write) for three kinds of edit, and checks
 * that the store then equals a fresh full evaluation.
 */
require('@backstage/cli/config/nodeTransform.cjs');
require('./backendBench.ts')
  .main()
  .catch(error => {
    console.error(error);
    process.exit(1);
  });
