import { AnyMandateRule } from './MandateRule';
import { teamOwnerRule } from './ownership/teamOwner';
import { twoPizzaTeamRule } from './ownership/twoPizzaTeam';
import { endToEndRule } from './ownership/endToEnd';
import { onCallRule } from './ownership/onCall';
import { providesApiRule } from './interface/providesApi';
import { specValidRule } from './interface/specValid';
import { onlyViaApisRule } from './interface/onlyViaApis';
import { noForeignDatabaseRule } from './data/noForeignDatabase';
import { databasePerServiceRule } from './data/databasePerService';
import { criticalIsolationRule } from './data/criticalIsolation';
import { httpStatusErrorsRule } from './api/httpStatusErrors';
import { errorSchemaRule } from './api/errorSchema';
import { securityRule } from './api/security';
import { versionedRule } from './api/versioned';
import { standardHeadersRule } from './api/standardHeaders';
import { rateLimitedRule } from './api/rateLimited';
import { tierDeclaredRule } from './ops/tierDeclared';
import { runbookRule } from './ops/runbook';
import { keyMetricsRule } from './ops/keyMetrics';
import { dashboardRule } from './ops/dashboard';
import { resolvedRule } from './deps/resolved';
import { noCyclesRule } from './deps/noCycles';
import { noTierInversionRule } from './deps/noTierInversion';
import { slaBudgetRule } from './deps/slaBudget';
import { approvedTemplateRule } from './platform/approvedTemplate';
import { keepaliveOrderRule } from './layers/keepaliveOrder';

/** The rules of rulebook v1, in rulebook order (the order of every report). @public */
export const builtInRules: readonly AnyMandateRule[] = [
  teamOwnerRule,
  twoPizzaTeamRule,
  endToEndRule,
  onCallRule,
  providesApiRule,
  specValidRule,
  onlyViaApisRule,
  noForeignDatabaseRule,
  databasePerServiceRule,
  criticalIsolationRule,
  httpStatusErrorsRule,
  errorSchemaRule,
  securityRule,
  versionedRule,
  standardHeadersRule,
  rateLimitedRule,
  tierDeclaredRule,
  runbookRule,
  keyMetricsRule,
  dashboardRule,
  resolvedRule,
  noCyclesRule,
  noTierInversionRule,
  slaBudgetRule,
  approvedTemplateRule,
  keepaliveOrderRule,
];
