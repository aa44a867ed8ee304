import { parseAllDocuments } from 'yaml';
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

describe('deps.no-cycles fix', () => {
  it('is a decision between turning around either end of the shortest cycle', () => {
    const catalog = [
      service('a', { dependsOn: ['b', 'resource:db'] }),
      service('b', { consumesApis: ['a-api', 'other-api'] }, {}),
      service('x', { providesApis: ['other-api'] }),
      api('a-api'),
      api('other-api'),
    ];
    catalog[0].spec!.providesApis = ['a-api'];
    const fix = runRule(noCyclesRule, catalog, ref('a')).fix!;
    expect(fix.decision).toBe(true);
    expect(fix.text).toContain(
      'component:default/a -> component:default/b -> component:default/a',
    );
    expect(parseAllDocuments(fix.snippet).map(d => d.toJS())).toEqual([
      { spec: { dependsOn: ['resource:db'] } },
      { spec: { consumesApis: ['other-api'] } },
    ]);
    expect(fix.snippet).toContain(
      'Option 2, in component:default/b: stop calling component:default/a',
    );
  });

  it('drops a self-dependency', () => {
    const fix = runRule(
      noCyclesRule,
      [service('a', { dependsOn: ['a', 'b'] }), service('b')],
      ref('a'),
    ).fix!;
    expect(parseAllDocuments(fix.snippet).map(d => d.toJS())).toEqual([
      { spec: { dependsOn: ['b'] } },
    ]);
  });
});
