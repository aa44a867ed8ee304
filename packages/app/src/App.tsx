import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import mandatePlugin, {
  mandateCatalogModule,
} from '@mandate-dev/plugin-mandate/alpha';
import { navModule } from './modules/nav';
import { signInModule } from './modules/signIn';

export default createApp({
  features: [
    catalogPlugin,
    mandatePlugin,
    mandateCatalogModule,
    navModule,
    signInModule,
  ],
});
