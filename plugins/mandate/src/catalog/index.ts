export {
  mandateCatalogModule,
  mandateCatalogIndexPage,
  mandateLevelCatalogFilter,
} from './mandateCatalogModule';
export { mandateCatalogColumns } from './mandateCatalogColumns';
export {
  MandateScoresProvider,
  useMandateScores,
} from './MandateScoresProvider';
export type { MandateScores } from './MandateScoresProvider';
