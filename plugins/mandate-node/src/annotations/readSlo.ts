import { SnapshotEntity } from '../catalog';
import { MANDATE_ANNOTATIONS } from './mandateAnnotations';
import { readDecimal } from './readDecimal';

/**
 * An availability target in percent, when the text is a plain decimal strictly in (0, 100).
 * The catalog processor validates the annotation with this very function.
 *
 * @public
 */
export function parseSlo(value: string | undefined): number | undefined {
  const slo = readDecimal(value);
  return slo !== undefined && slo > 0 && slo < 100 ? slo : undefined;
}

/** The entity's `mandate.dev/slo`, when valid. @public */
export function readSlo(entity: SnapshotEntity): number | undefined {
  return parseSlo(entity.annotations[MANDATE_ANNOTATIONS.slo]);
}
