export type { MandateConfig, RuleSettings } from './MandateConfig';
export { DEFAULT_MANDATE_CONFIG } from './MandateConfig';
export { readMandateConfig } from './readMandateConfig';
