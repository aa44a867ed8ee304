import { parseRef } from './parseRef';

const d = { defaultKind: 'group', defaultNamespace: 'ns1' };

describe('parseRef', () => {
  it('fills the kind from the field and the namespace from the referring entity', () => {
    expect(parseRef('team-a', d)).toBe('group:ns1/team-a');
    expect(parseRef('other/team-a', d)).toBe('group:other/team-a');
    expect(parseRef('user:bob', d)).toBe('user:ns1/bob');
    expect(parseRef('User:Default/Bob', d)).toBe('user:default/bob');
  });

  it('rejects strings that are not refs', () => {
    expect(parseRef('a:b:c', d)).toBeUndefined();
    expect(parseRef('a/b/c', d)).toBeUndefined();
    expect(parseRef('ns/kind:name', d)).toBeUndefined();
    expect(parseRef(':name', d)).toBeUndefined();
    expect(parseRef('kind:', d)).toBeUndefined();
    expect(parseRef('', d)).toBeUndefined();
    expect(parseRef('   ', d)).toBeUndefined();
    expect(parseRef(42, d)).toBeUndefined();
    expect(parseRef(undefined, d)).toBeUndefined();
  });
});
