import { LocalRefResolver } from './LocalRefResolver';

const root = {
  definitions: {
    'a/b': { type: 'slash' },
    'm~n': { type: 'tilde' },
    'with space': { type: 'space' },
    list: [{ type: 'first' }],
    alias: { $ref: '#/definitions/list/0' },
    loop: { $ref: '#/definitions/loop' },
  },
};
const resolver = new LocalRefResolver(root);

describe('LocalRefResolver', () => {
  it('resolves JSON pointers with ~1, ~0, percent-encoding, array indexes and chains', () => {
    expect(resolver.deref({ $ref: '#/definitions/a~1b' }).value).toEqual({
      type: 'slash',
    });
    expect(resolver.deref({ $ref: '#/definitions/m~0n' }).value).toEqual({
      type: 'tilde',
    });
    expect(
      resolver.deref({ $ref: '#/definitions/with%20space' }).value,
    ).toEqual({ type: 'space' });
    expect(resolver.deref({ $ref: '#/definitions/alias' }).value).toEqual({
      type: 'first',
    });
    expect(resolver.deref({ $ref: '#' }).value).toBe(root);
    expect(resolver.deref({ type: 'inline' }).value).toEqual({
      type: 'inline',
    });
  });

  it.each([
    'http://evil.example/x.yaml#/Foo',
    './other.yaml#/Foo',
    'other.yaml',
    '#anchor',
    '#/definitions/missing',
    '#/definitions/list/1',
    '#/definitions/list/00',
    '#/definitions/loop',
    '#/constructor',
    '#/definitions/__proto__',
    '#/definitions/%E0%A4%A',
  ])('cannot resolve %s', ref => {
    expect(resolver.deref({ $ref: ref })).toEqual({ unresolvable: ref });
  });
});
