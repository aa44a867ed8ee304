import { aggregateApiChecks } from './aggregateApiChecks';

const pass = { status: 'pass' as const, evidence: [] };
const fail = {
  status: 'fail' as const,
  message: 'bad',
  evidence: ['GET /a', 'POST /b'],
};
const err = { status: 'error' as const, message: 'unreadable', evidence: [] };

describe('aggregateApiChecks', () => {
  it('passes when every API passes (or there is none)', () => {
    expect(
      aggregateApiChecks([{ api: 'api:default/x', check: pass }]).status,
    ).toBe('pass');
    expect(aggregateApiChecks([]).status).toBe('pass');
  });

  it('fails when any API fails, adding the reasons of erring APIs', () => {
    const outcome = aggregateApiChecks([
      { api: 'api:default/x', check: pass },
      { api: 'api:default/y', check: fail },
      { api: 'api:default/z', check: err },
    ]);
    expect(outcome.status).toBe('fail');
    expect(outcome.evidence).toEqual([
      'api:default/y: GET /a',
      'api:default/y: POST /b',
      'api:default/z: could not be evaluated: unreadable',
    ]);
  });

  it('is error when no API fails but one errs', () => {
    const outcome = aggregateApiChecks([
      { api: 'api:default/x', check: pass },
      { api: 'api:default/z', check: err },
    ]);
    expect(outcome).toMatchObject({
      status: 'error',
      evidence: ['api:default/z: could not be evaluated: unreadable'],
    });
  });
});
