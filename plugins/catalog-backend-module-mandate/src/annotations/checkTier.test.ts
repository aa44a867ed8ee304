import { checkTier } from './checkTier';
import { testContext } from './testEntity';

describe('checkTier', () => {
  it.each(['critical', 'high', 'medium', 'low'])('accepts %s', tier => {
    expect(checkTier(tier, testContext())).toEqual([]);
  });

  it.each(['Critical', 'HIGH', ' low', 'urgent', 'tier-1'])(
    'rejects %j: tiers match exactly',
    tier => {
      expect(checkTier(tier, testContext())).toEqual([
        'is not one of critical, high, medium, low',
      ]);
    },
  );
});
