import { checkOnCall } from './checkOnCall';
import { testContext } from './testEntity';

describe('checkOnCall', () => {
  it.each([
    'group:checkout-team',
    'checkout-team',
    'group:default/checkout-team',
    'other/checkout-team',
    'Group:Default/Checkout-Team',
  ])('accepts the group ref %j', ref => {
    expect(checkOnCall(ref, testContext())).toEqual([]);
  });

  it('rejects a ref of another kind', () => {
    expect(checkOnCall('user:jdoe', testContext())).toEqual([
      'names user:default/jdoe, which is not a group',
    ]);
  });

  it('takes the namespace of the entity', () => {
    expect(
      checkOnCall(
        'user:jdoe',
        testContext({ metadata: { name: 'orders', namespace: 'retail' } }),
      ),
    ).toEqual(['names user:retail/jdoe, which is not a group']);
  });

  it.each(['a:b:c', 'group:', 'group:default/', 'team one', 'group:x/y/z'])(
    'rejects %j, which is not a ref',
    ref => {
      expect(checkOnCall(ref, testContext())).toEqual(['is not an entity ref']);
    },
  );
});
