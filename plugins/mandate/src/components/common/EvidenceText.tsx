import { Fragment } from 'react';
import { splitEvidence } from '../../lib/evidence';
import { EntityLink } from './EntityLink';

/**
 * A message or evidence string, the entity refs its result names (`refs`) turned into links to
 * those entities.
 */
export function EvidenceText(props: { text: string; refs?: string[] }) {
  return (
    <>
      {splitEvidence(props.text, props.refs).map((part, index) =>
        part.type === 'ref' ? (
          <EntityLink key={index} entityRef={part.ref}>
            {part.text}
          </EntityLink>
        ) : (
          <Fragment key={index}>{part.text}</Fragment>
        ),
      )}
    </>
  );
}
