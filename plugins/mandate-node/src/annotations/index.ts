export { MANDATE_ANNOTATIONS } from './mandateAnnotations';
export { readTier, tierRank } from './readTier';
export { readSlo } from './readSlo';
export { readDecimal } from './readDecimal';
export { readUrl } from './readUrl';
export type { UrlReading } from './readUrl';
