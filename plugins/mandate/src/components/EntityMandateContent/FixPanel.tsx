import { Flex, Link, Text } from '@backstage/ui';
import { RuleFix, RuleInfo } from '@mandate-dev/plugin-mandate-common';
import { useEditUrl } from '../../hooks/useEditUrl';
import { EntityLink } from '../common/EntityLink';
import { SnippetBlock } from '../common/SnippetBlock';
import { kindOf } from '../../lib/kindOf';
import { RuleText } from '../common/RuleText';

/**
 * How to make a failing rule pass: the result's own fix (computed for this service, with its
 * real names and values), else the rule's general remediation; the snippet with a copy button,
 * and a link to edit the entity the snippet changes where it has a source URL.
 */
export function FixPanel(props: {
  fix?: RuleFix;
  rule?: RuleInfo;
  /** The refs the result names: the fix text names them by display name too. */
  refs?: string[];
}) {
  const { fix, rule } = props;
  const editUrl = useEditUrl(fix?.entityRef);
  const text = fix?.text ?? rule?.remediation.text;
  const snippet = fix?.snippet ?? rule?.remediation.snippet;
  const language = fix?.language ?? rule?.remediation.language ?? 'yaml';
  if (!text && !snippet) return null;
  return (
    <section aria-label="How to fix it" data-fix={fix ? 'tailored' : 'general'}>
      <Flex direction="column" gap="2">
        <Text as="p">
          <strong>
            {fix?.decision ? 'Decide, then fix: ' : 'How to fix it: '}
          </strong>
          {text && (
            <RuleText
              text={text}
              refs={[
                ...(props.refs ?? []),
                ...(fix?.entityRef ? [fix.entityRef] : []),
              ]}
            />
          )}
        </Text>
        {fix?.entityRef && (
          <Text as="p" variant="body-small">
            The change goes into{' '}
            <EntityLink
              entityRef={fix.entityRef}
              defaultKind={kindOf(fix.entityRef)}
            />
            .
          </Text>
        )}
        {snippet && <SnippetBlock text={snippet} language={language} />}
        {editUrl && (
          <Link href={editUrl} target="_blank" rel="noopener noreferrer">
            Edit in source
          </Link>
        )}
      </Flex>
    </section>
  );
}
