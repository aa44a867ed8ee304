export { mandateRulesExtensionPoint } from './mandateRulesExtensionPoint';
export type { MandateRulesExtensionPoint } from './mandateRulesExtensionPoint';
export { MandateRuleRegistry } from './MandateRuleRegistry';
export { mandateHistoryExtensionPoint } from './mandateHistoryExtensionPoint';
export type {
  HistorySeedPoint,
  HistorySeedService,
  MandateHistoryExtensionPoint,
  MandateHistorySeeder,
} from './mandateHistoryExtensionPoint';
