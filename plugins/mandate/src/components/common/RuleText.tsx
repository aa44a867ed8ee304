import { Fragment } from 'react';
import { EvidenceText } from './EvidenceText';

/**
 * A rule's prose (description, rationale, remediation, a tailored fix): the `code` spans its
 * authors write in backticks shown as code rather than with the backticks, and the entity refs
 * it names (`refs`) by their display names, linked, as in evidence. An unpaired backtick stays
 * as it is.
 */
export function RuleText(props: { text: string; refs?: string[] }) {
  const pieces = props.text.split('`');
  // An even number of pieces means one backtick has no partner: the last one is plain text.
  const paired = pieces.length % 2 === 1 ? pieces : undefined;
  if (!paired) return <EvidenceText text={props.text} refs={props.refs} />;
  return (
    <>
      {paired.map((piece, index) =>
        index % 2 === 1 ? (
          <code key={index}>{piece}</code>
        ) : (
          <Fragment key={index}>
            <EvidenceText text={piece} refs={props.refs} />
          </Fragment>
        ),
      )}
    </>
  );
}
