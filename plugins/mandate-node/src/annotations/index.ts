export { MANDATE_ANNOTATIONS } from './mandateAnnotations';
export { readTier, tierRank } from './readTier';
export { parseSlo, readSlo } from './readSlo';
export { readDecimal } from './readDecimal';
export { keepaliveOrder } from './keepaliveOrder';
export { readUrl } from './readUrl';
export type { UrlReading } from './readUrl';
