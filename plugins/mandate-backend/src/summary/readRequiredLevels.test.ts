import { ConfigReader } from '@backstage/config';
import {
  DEFAULT_REQUIRED_LEVELS,
  readRequiredLevels,
} from './readRequiredLevels';

describe('readRequiredLevels', () => {
  it('defaults to gold for critical, silver for high and medium, bronze for the rest', () => {
    expect(readRequiredLevels(new ConfigReader({}))).toEqual({
      critical: 'gold',
      high: 'silver',
      medium: 'silver',
      low: 'bronze',
      none: 'bronze',
    });
  });

  it('overrides the tiers it names', () => {
    expect(
      readRequiredLevels(
        new ConfigReader({
          mandate: { requiredLevels: { high: 'gold', none: 'silver' } },
        }),
      ),
    ).toEqual({ ...DEFAULT_REQUIRED_LEVELS, high: 'gold', none: 'silver' });
  });

  it('refuses an unknown tier or level, naming the key', () => {
    expect(() =>
      readRequiredLevels(
        new ConfigReader({ mandate: { requiredLevels: { urgent: 'gold' } } }),
      ),
    ).toThrow(
      "Invalid config at 'mandate.requiredLevels.urgent': unknown tier",
    );
    expect(() =>
      readRequiredLevels(
        new ConfigReader({ mandate: { requiredLevels: { critical: 'none' } } }),
      ),
    ).toThrow(
      `Invalid config at 'mandate.requiredLevels.critical': expected one of bronze, silver, gold, got "none"`,
    );
  });
});
