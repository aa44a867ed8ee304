import { SignInPageBlueprint } from '@backstage/plugin-app-react';
import { signInProviders } from './signInProviders';

/** Replaces the app's default sign-in page, which offers guest sign-in everywhere. */
export const SignInPage = SignInPageBlueprint.make({
  params: {
    loader: async () => {
      const { SignInPage: CoreSignInPage } = await import(
        '@backstage/core-components'
      );
      const { configApiRef, useApi } = await import(
        '@backstage/core-plugin-api'
      );
      return props => {
        const config = useApi(configApiRef);
        const providers = signInProviders(
          config.getOptionalString('auth.environment'),
        );
        return <CoreSignInPage {...props} providers={providers} />;
      };
    },
  },
});
