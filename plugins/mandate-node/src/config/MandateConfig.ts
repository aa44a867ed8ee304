import type { DefinitionLimits } from '../apis';

/** A rule's settings from `mandate.rules.<id>` (the dots of the id nest). @public */
export interface RuleSettings {
  /** `false` turns the rule off: it disappears from reports. */
  enabled?: boolean;
  /** Thresholds overriding the rule's defaults, already type-checked. */
  options: Record<string, unknown>;
}

/** The `mandate:` section of app-config, read and validated. @public */
export interface MandateConfig {
  /** `spec.type`s of the Components that are services (default `[service]`). */
  serviceTypes: string[];
  /** Approved platform templates; undefined = not configured (the rule is not applicable). */
  platformTemplates?: string[];
  /** How far ahead a waiver may expire (default 90). */
  maxWaiverDays: number;
  rules: Record<string, RuleSettings>;
  /**
   * Size and work limits per API definition (`mandate.limits.maxDefinitionBytes` and
   * `maxDefinitionWork`); undefined = the defaults.
   */
  definitionLimits?: DefinitionLimits;
  /** Things worth telling the operator that are not errors (e.g. settings of unknown rules). */
  warnings: string[];
}

/** @public */
export const DEFAULT_MANDATE_CONFIG: MandateConfig = {
  serviceTypes: ['service'],
  maxWaiverDays: 90,
  rules: {},
  warnings: [],
};
