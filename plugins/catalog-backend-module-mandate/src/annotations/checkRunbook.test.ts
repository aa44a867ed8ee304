import { checkRunbook } from './checkRunbook';
import { testContext } from './testEntity';

describe('checkRunbook', () => {
  it.each([
    'https://wiki.example.com/runbooks/orders',
    'http://wiki.internal/orders',
    '../runbooks/orders.md',
    'runbook.md',
    './docs/runbook.md',
  ])('accepts %j', runbook => {
    expect(checkRunbook(runbook, testContext())).toEqual([]);
  });

  it.each([
    '/srv/runbooks/orders.md',
    'C:\\runbooks\\orders.md',
    '\\\\share\\x.md',
  ])('rejects the absolute path %j', runbook => {
    expect(checkRunbook(runbook, testContext())).toEqual([
      'is an absolute path; use an http(s) URL or a path relative to the entity file',
    ]);
  });

  it('rejects other URL schemes and URLs without a host', () => {
    expect(checkRunbook('ftp://files.example.com/x.md', testContext())).toEqual(
      ['is not an http(s) URL'],
    );
    expect(checkRunbook('file:///srv/x.md', testContext())).toEqual([
      'is not an http(s) URL',
    ]);
    expect(checkRunbook('https://', testContext())).toEqual([
      'is not a valid URL',
    ]);
  });
});
