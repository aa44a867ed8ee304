export type { MandateConfig, RuleSettings } from './MandateConfig';
export { DEFAULT_MANDATE_CONFIG } from './MandateConfig';
export { readMandateConfig } from './readMandateConfig';
export { DEFAULT_FILE_LIMITS, readFileLimits } from './readFileLimits';
export type { FileLimits } from './readFileLimits';
