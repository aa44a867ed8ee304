import { MANDATE_ANNOTATIONS } from '../../annotations';
import { defineOpenApiRule } from '../defineOpenApiRule';
import { checkRateLimited } from './checkRateLimited';

export const rateLimitedRule = defineOpenApiRule({
  id: 'api.rate-limited',
  tenet: 'externalizable-interfaces',
  level: 'gold',
  title: 'Interfaces are rate limited',
  description:
    'The API entity declares `mandate.dev/rate-limit`, or every operation documents a `429` response.',
  rationale:
    'Every team is a potential DDoS attacker of every other team: every interface has quotas.',
  remediation: {
    text: 'Declare the quota per consumer on the API entity (and document 429 in the definition).',
    snippet: `apiVersion: backstage.io/v1alpha1
kind: API
metadata:
  name: orders-api
  annotations:
    mandate.dev/rate-limit: 1000/min
`,
    language: 'yaml',
  },
  checkDocument: document => checkRateLimited(document),
  // The annotation settles it, even when the definition cannot be read.
  override: api =>
    api.annotations[MANDATE_ANNOTATIONS.rateLimit] !== undefined
      ? { status: 'pass', evidence: [] }
      : undefined,
});
