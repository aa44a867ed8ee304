/*
 * Preloaded into the CLI process by `yarn bench` (`node --require`): when the process exits,
 * writes its own resource usage (user and system CPU, peak RSS) to MANDATE_BENCH_USAGE_FILE.
 * Measured from inside because that needs no tool on the machine (such as /usr/bin/time).
 */
const fs = require('node:fs');

process.on('exit', () => {
  const { userCPUTime, systemCPUTime, maxRSS } = process.resourceUsage();
  fs.writeFileSync(
    process.env.MANDATE_BENCH_USAGE_FILE,
    JSON.stringify({ userCPUTime, systemCPUTime, maxRSS }),
  );
});
