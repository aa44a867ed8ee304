/** The `mandate.dev/` annotations of rulebook section 1. @public */
export const MANDATE_ANNOTATIONS = {
  tier: 'mandate.dev/tier',
  slo: 'mandate.dev/slo',
  runbook: 'mandate.dev/runbook',
  onCall: 'mandate.dev/on-call',
  keyMetrics: 'mandate.dev/key-metrics',
  dashboard: 'mandate.dev/dashboard',
  platformTemplate: 'mandate.dev/platform-template',
  softDependencies: 'mandate.dev/soft-dependencies',
  keepaliveTimeout: 'mandate.dev/keepalive-timeout',
  rateLimit: 'mandate.dev/rate-limit',
} as const;
