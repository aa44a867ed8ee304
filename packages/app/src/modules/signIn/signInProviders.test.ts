import { githubProvider, signInProviders } from './signInProviders';

describe('signInProviders', () => {
  it('offers guest sign-in in development only, GitHub elsewhere', () => {
    expect(signInProviders(undefined)).toEqual(['guest']);
    expect(signInProviders('development')).toEqual(['guest']);
    expect(signInProviders('production')).toEqual([githubProvider]);
  });
});
