import { MANDATE_ANNOTATIONS } from '@mandate-dev/plugin-mandate-node';
import { AnnotationCheck } from './AnnotationCheck';
import { checkDashboard } from './checkDashboard';
import { checkKeepaliveTimeout } from './checkKeepaliveTimeout';
import { checkKeyMetrics } from './checkKeyMetrics';
import { checkOnCall } from './checkOnCall';
import { checkPlatformTemplate } from './checkPlatformTemplate';
import { checkRateLimit } from './checkRateLimit';
import { checkRunbook } from './checkRunbook';
import { checkSlo } from './checkSlo';
import { checkSoftDependencies } from './checkSoftDependencies';
import { checkTier } from './checkTier';

/** The prefix of every Mandate annotation; anything under it that is not listed is a typo. @public */
export const MANDATE_ANNOTATION_PREFIX = 'mandate.dev/';

type MandateAnnotation =
  (typeof MANDATE_ANNOTATIONS)[keyof typeof MANDATE_ANNOTATIONS];

/**
 * Every annotation of rulebook section 1 with its check; also the list of known names. The
 * names are the engine's `MANDATE_ANNOTATIONS`, and `satisfies` makes the compiler demand a
 * check for each of them and nothing else, so the processor cannot call an annotation the
 * rules read a typo, nor miss one added to the engine.
 *
 * @public
 */
export const mandateAnnotationChecks: Readonly<
  Record<string, AnnotationCheck>
> = {
  [MANDATE_ANNOTATIONS.tier]: checkTier,
  [MANDATE_ANNOTATIONS.slo]: checkSlo,
  [MANDATE_ANNOTATIONS.runbook]: checkRunbook,
  [MANDATE_ANNOTATIONS.onCall]: checkOnCall,
  [MANDATE_ANNOTATIONS.keyMetrics]: checkKeyMetrics,
  [MANDATE_ANNOTATIONS.dashboard]: checkDashboard,
  [MANDATE_ANNOTATIONS.platformTemplate]: checkPlatformTemplate,
  [MANDATE_ANNOTATIONS.softDependencies]: checkSoftDependencies,
  [MANDATE_ANNOTATIONS.keepaliveTimeout]: checkKeepaliveTimeout,
  [MANDATE_ANNOTATIONS.rateLimit]: checkRateLimit,
} satisfies Record<MandateAnnotation, AnnotationCheck>;
