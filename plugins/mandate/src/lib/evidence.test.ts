import { splitEvidence } from './evidence';

describe('splitEvidence', () => {
  it('finds full entity refs and keeps the text around them', () => {
    expect(
      splitEvidence(
        'resource:default/payments-db is owned by group:default/payments-team.',
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
      ).map(part => part.type),
    ).toEqual(['text', 'ref', 'text']);
    expect(splitEvidence('GET /orders has no 4XX response')).toEqual([
      { type: 'text', text: 'GET /orders has no 4XX response' },
    ]);
  });
});
