export { mandateRulesExtensionPoint } from './mandateRulesExtensionPoint';
export type { MandateRulesExtensionPoint } from './mandateRulesExtensionPoint';
export { MandateRuleRegistry } from './MandateRuleRegistry';
