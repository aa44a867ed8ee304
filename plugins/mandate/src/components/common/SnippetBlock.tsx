import useCopyToClipboard from 'react-use/esm/useCopyToClipboard';
import { Button, Flex } from '@backstage/ui';

/**
 * A snippet to paste (YAML, Markdown) with a copy button. Plain text on purpose: the syntax
 * colours of core-components' CodeSnippet fall below WCAG AA contrast (3.75:1 for strings), and a
 * few lines of YAML read well without them.
 */
export function SnippetBlock(props: { text: string; language: string }) {
  const { text, language } = props;
  const [copied, copy] = useCopyToClipboard();
  return (
    <Flex direction="column" gap="1" align="start">
      <pre
        data-language={language}
        style={{
          margin: 0,
          padding: '8px 12px',
          width: '100%',
          boxSizing: 'border-box',
          overflowX: 'auto',
          fontSize: 13,
          lineHeight: 1.5,
          background: 'var(--bui-bg-neutral-1, #f5f5f5)',
          color: 'var(--bui-fg-primary, #000000)',
          border: '1px solid var(--bui-border-1, #d9d9d9)',
          borderRadius: 6,
        }}
      >
        <code>{text}</code>
      </pre>
      <Button
        variant="secondary"
        size="small"
        onPress={() => copy(text)}
        aria-label={`Copy the ${language} snippet`}
      >
        {copied.value === text && !copied.error ? 'Copied' : 'Copy'}
      </Button>
    </Flex>
  );
}
