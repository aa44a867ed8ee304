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

/** The prefix of every Mandate annotation; anything under it that is not listed is a typo. */
export const MANDATE_ANNOTATION_PREFIX = 'mandate.dev/';

/**
 * Every annotation of rulebook section 1 with its check. This table is also the list of known
 * names: adding an annotation means adding one check file and one line here.
 */
export const mandateAnnotationChecks: Readonly<
  Record<string, AnnotationCheck>
> = {
  'mandate.dev/tier': checkTier,
  'mandate.dev/slo': checkSlo,
  'mandate.dev/runbook': checkRunbook,
  'mandate.dev/on-call': checkOnCall,
  'mandate.dev/key-metrics': checkKeyMetrics,
  'mandate.dev/dashboard': checkDashboard,
  'mandate.dev/platform-template': checkPlatformTemplate,
  'mandate.dev/soft-dependencies': checkSoftDependencies,
  'mandate.dev/keepalive-timeout': checkKeepaliveTimeout,
  'mandate.dev/rate-limit': checkRateLimit,
};
