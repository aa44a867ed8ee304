import { SnapshotEntity } from '../catalog';
import { MANDATE_ANNOTATIONS } from './mandateAnnotations';
import { readDecimal } from './readDecimal';

/** The availability target in percent when it is a plain decimal strictly in (0, 100). */
export function readSlo(entity: SnapshotEntity): number | undefined {
  const slo = readDecimal(entity.annotations[MANDATE_ANNOTATIONS.slo]);
  return slo !== undefined && slo > 0 && slo < 100 ? slo : undefined;
}
