import { closestName } from './closestName';

const known = [
  'mandate.dev/tier',
  'mandate.dev/slo',
  'mandate.dev/on-call',
  'mandate.dev/keepalive-timeout',
];
const closest = (name: string) => closestName(name, known, 'mandate.dev/');

describe('closestName', () => {
  it.each([
    ['mandate.dev/teir', 'mandate.dev/tier'],
    ['mandate.dev/slos', 'mandate.dev/slo'],
    ['mandate.dev/oncall', 'mandate.dev/on-call'],
    ['mandate.dev/keepalive-timout', 'mandate.dev/keepalive-timeout'],
  ])('suggests %s -> %s', (name, expected) => {
    expect(closest(name)).toBe(expected);
  });

  it.each(['mandate.dev/owner', 'mandate.dev/keepalive', 'mandate.dev/x'])(
    'suggests nothing for %s',
    name => {
      expect(closest(name)).toBeUndefined();
    },
  );
});
