import { githubAuthApiRef } from '@backstage/core-plugin-api';
import { SignInProviderConfig } from '@backstage/core-components';

export const githubProvider: SignInProviderConfig = {
  id: 'github-auth-provider',
  title: 'GitHub',
  message: 'Sign in using GitHub',
  apiRef: githubAuthApiRef,
};

/**
 * The sign-in choices for an auth environment (`auth.environment`, `development` unless set):
 * guest in development (the demo), GitHub elsewhere. The backend refuses guest sign-in outside
 * development too; this only keeps the page from offering it.
 */
export function signInProviders(
  environment: string | undefined,
): ('guest' | SignInProviderConfig)[] {
  return (environment ?? 'development') === 'development'
    ? ['guest']
    : [githubProvider];
}
