import { splitEvidence } from './evidence';

describe('splitEvidence', () => {
  it('finds full entity refs and keeps the text around them', () => {
    expect(
      splitEvidence(
        'resource:default/payments-db is owned by group:default/payments-team.',
        ['resource:default/payments-db', 'group:default/payments-team'],
      ),
    ).toEqual([
      {
        type: 'ref',
        text: 'resource:default/payments-db',
        ref: 'resource:default/payments-db',
      },
      { type: 'text', text: ' is owned by ' },
      {
        type: 'ref',
        text: 'group:default/payments-team',
        ref: 'group:default/payments-team',
      },
      { type: 'text', text: '.' },
    ]);
  });

  it('reads paths of refs and leaves other text alone', () => {
    expect(
      splitEvidence(
        'checkout (critical) -> component:default/recommendations (low)',
        ['component:default/recommendations'],
      ).map(part => part.type),
    ).toEqual(['text', 'ref', 'text']);
    expect(splitEvidence('GET /orders has no 4XX response', [])).toEqual([
      { type: 'text', text: 'GET /orders has no 4XX response' },
    ]);
  });

  it('links the longest ref where one ref is the start of another', () => {
    expect(
      splitEvidence(
        'component:default/orders calls component:default/orders-api',
        ['component:default/orders', 'component:default/orders-api'],
      ),
    ).toEqual([
      {
        type: 'ref',
        text: 'component:default/orders',
        ref: 'component:default/orders',
      },
      { type: 'text', text: ' calls ' },
      {
        type: 'ref',
        text: 'component:default/orders-api',
        ref: 'component:default/orders-api',
      },
    ]);
  });

  it('links only the refs the result names, every occurrence of them', () => {
    expect(
      splitEvidence(
        'api:default/payments is provided by component:default/payments; see api:default/payments',
        ['api:default/payments'],
      ),
    ).toEqual([
      {
        type: 'ref',
        text: 'api:default/payments',
        ref: 'api:default/payments',
      },
      {
        type: 'text',
        text: ' is provided by component:default/payments; see ',
      },
      {
        type: 'ref',
        text: 'api:default/payments',
        ref: 'api:default/payments',
      },
    ]);
    expect(splitEvidence('owned by group:default/payments-team')).toEqual([
      { type: 'text', text: 'owned by group:default/payments-team' },
    ]);
  });
});
