import { readDecimal } from './readDecimal';
import { readUrl } from './readUrl';

describe('readUrl', () => {
  it.each([
    ['https://wiki.example.com/x', 'http'],
    ['http://localhost:3000/x', 'http'],
    ['ftp://example.com/x', 'bad-url'],
    ['mailto:ops@example.com', 'bad-url'],
    ['https://', 'bad-url'],
    ['/etc/runbook.md', 'absolute-path'],
    ['C:\\runbooks\\x.md', 'absolute-path'],
    ['runbook.md', 'relative-path'],
    ['./docs/runbook.md', 'relative-path'],
    ['../runbook.md', 'relative-path'],
    ['https://wiki.example.com/x\ny', 'bad-url'],
    ['https://wiki.exa\tmple.com/x', 'bad-url'],
    ['https://user:secret@wiki.example.com/x', 'bad-url'],
    ['./runbook\u001b[2J.md', 'bad-url'],
    ['..\\..\\runbook.md', 'bad-url'],
  ])('reads %s as %s', (value, kind) => {
    expect(readUrl(value).kind).toBe(kind);
  });
});

describe('readDecimal', () => {
  it.each([
    ['99.95', 99.95],
    [' 30 ', 30],
    ['0', 0],
    ['99.9%', undefined],
    ['1e2', undefined],
    ['-1', undefined],
    ['', undefined],
    ['.5', undefined],
    ['0x10', undefined],
  ])('reads %j as %j', (value, expected) => {
    expect(readDecimal(value)).toBe(expected);
  });
});
