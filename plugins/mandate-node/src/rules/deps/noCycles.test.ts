import { api, service } from '../../testUtils/entities';
import { runRule } from '../../testUtils/runRule';
import { noCyclesRule } from './noCycles';

const ref = (name: string) => `component:default/${name}`;

describe('deps.no-cycles', () => {
  it('passes off any cycle', () => {
    const catalog = [service('a', { dependsOn: ['b'] }), service('b')];
    expect(runRule(noCyclesRule, catalog, ref('a')).status).toBe('pass');
  });

  it('fails on a cycle made of dependsOn and consumed-API edges, even soft ones', () => {
    const catalog = [
      service(
        'a',
        { consumesApis: ['b-api'] },
        { 'mandate.dev/soft-dependencies': 'b' },
      ),
      service('b', { providesApis: ['b-api'], dependsOn: ['a'] }),
      service('c', { dependsOn: ['a'] }),
      api('b-api'),
    ];
    const outcome = runRule(noCyclesRule, catalog, ref('a'));
    expect(outcome.status).toBe('fail');
    expect(outcome.evidence).toEqual([
      `${ref('a')} -> ${ref('b')} -> ${ref('a')}`,
    ]);
    expect(runRule(noCyclesRule, catalog, ref('c')).status).toBe('pass');
  });

  it('fails on a self-loop', () => {
    const outcome = runRule(
      noCyclesRule,
      [service('a', { dependsOn: 'a' })],
      ref('a'),
    );
    expect(outcome.status).toBe('fail');
  });

  it('does not see cycles through non-services', () => {
    const catalog = [
      service('a', { dependsOn: ['lib'] }),
      service('lib', { type: 'library', dependsOn: ['a'] }),
    ];
    expect(runRule(noCyclesRule, catalog, ref('a')).status).toBe('pass');
  });
});
