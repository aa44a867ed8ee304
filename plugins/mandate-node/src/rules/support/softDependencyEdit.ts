import { MANDATE_ANNOTATIONS } from '../../annotations';
import { SnapshotEntity, splitList } from '../../catalog';
import { annotationsEdit } from './ruleFix';

/** The edit of `from` that lists `to` in its `mandate.dev/soft-dependencies`, keeping the others. */
export function softDependencyEdit(from: SnapshotEntity, to: string) {
  const listed = splitList(
    from.annotations[MANDATE_ANNOTATIONS.softDependencies],
  );
  return annotationsEdit({
    [MANDATE_ANNOTATIONS.softDependencies]: [...listed, to].join(','),
  });
}
