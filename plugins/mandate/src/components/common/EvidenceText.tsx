import { Fragment } from 'react';
import { splitEvidence } from '../../lib/evidence';
import { EntityLink } from './EntityLink';

/** One evidence string, the entity refs inside it turned into links to those entities. */
export function EvidenceText(props: { text: string }) {
  return (
    <>
      {splitEvidence(props.text).map((part, index) =>
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
