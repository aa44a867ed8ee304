import { createExtensionPoint } from '@backstage/backend-plugin-api';
import { AnyMandateRule } from '../rules/MandateRule';

/** Lets backend modules add custom rules to the mandate backend. @public */
export interface MandateRulesExtensionPoint {
  /** Adds rules that run after the built-in ones; ids must be unique. */
  addRules(...rules: AnyMandateRule[]): void;
}

/**
 * The extension point of the mandate backend, for modules such as:
 *
 * ```ts
 * createBackendModule({
 *   pluginId: 'mandate',
 *   moduleId: 'my-rules',
 *   register(env) {
 *     env.registerInit({
 *       deps: { rules: mandateRulesExtensionPoint },
 *       async init({ rules }) { rules.addRules(myRule); },
 *     });
 *   },
 * });
 * ```
 *
 * @public
 */
export const mandateRulesExtensionPoint =
  createExtensionPoint<MandateRulesExtensionPoint>({
    id: 'mandate.rules',
  });
