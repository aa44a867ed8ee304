import { findAnnotationProblems } from './findAnnotationProblems';
import { testEntity } from './testEntity';

const withAnnotations = (annotations: Record<string, string>) =>
  testEntity({
    metadata: { name: 'orders', namespace: 'default', annotations },
  });

describe('findAnnotationProblems', () => {
  it('finds nothing in valid annotations, and ignores other prefixes', () => {
    const entity = withAnnotations({
      'mandate.dev/tier': 'critical',
      'mandate.dev/slo': '99.95',
      'mandate.dev/runbook': '../runbooks/orders.md',
      'mandate.dev/on-call': 'group:checkout-team',
      'mandate.dev/key-metrics': 'availability,latency-p99,error-rate',
      'mandate.dev/dashboard': 'https://grafana.example.com/d/orders',
      'mandate.dev/platform-template': 'java-21-springboot',
      'mandate.dev/keepalive-timeout': '60',
      'backstage.io/techdocs-ref': 'dir:.',
      'mandate.devx/whatever': 'x',
    });
    expect(findAnnotationProblems(entity, { maxMetrics: 7 })).toEqual([]);
  });

  it('names the entity ref, the annotation and the value', () => {
    const entity = withAnnotations({ 'mandate.dev/slo': '99.9%' });
    expect(findAnnotationProblems(entity, { maxMetrics: 7 })).toEqual([
      'component:default/orders: mandate.dev/slo "99.9%" is not a number between 0 and 100',
    ]);
  });

  it('reports every problem', () => {
    const entity = withAnnotations({
      'mandate.dev/tier': 'urgent',
      'mandate.dev/slo': '100',
      'mandate.dev/dashboard': 'grafana',
    });
    expect(findAnnotationProblems(entity, { maxMetrics: 7 })).toHaveLength(3);
  });

  it('flags unknown mandate.dev annotations, suggesting the likely one', () => {
    const entity = withAnnotations({
      'mandate.dev/teir': 'critical',
      'mandate.dev/owner': 'group:x',
    });
    expect(findAnnotationProblems(entity, { maxMetrics: 7 })).toEqual([
      'component:default/orders: mandate.dev/teir is not a Mandate annotation; did you mean mandate.dev/tier?',
      'component:default/orders: mandate.dev/owner is not a Mandate annotation (a typo?)',
    ]);
  });

  it('reports empty values, which the rules read as not set', () => {
    const entity = withAnnotations({ 'mandate.dev/rate-limit': '  ' });
    expect(
      findAnnotationProblems({ ...entity, kind: 'API' }, { maxMetrics: 7 }),
    ).toEqual([
      'api:default/orders: mandate.dev/rate-limit "  " is empty, so it counts as not set',
    ]);
  });
});
