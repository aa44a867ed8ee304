import { Lexer, Token } from 'marked';

/**
 * The text of every ATX and setext heading, at any depth (block quotes, list items), but not
 * inside fenced or indented code: marked's lexer follows CommonMark's block structure, which
 * is what a runbook renders as.
 */
export function markdownHeadings(markdown: string): string[] {
  const headings: string[] = [];
  const walk = (tokens: Token[]) => {
    for (const token of tokens) {
      if (token.type === 'heading') {
        headings.push(token.text);
      } else if (token.type === 'list') {
        for (const item of token.items) walk(item.tokens ?? []);
      } else if (token.type === 'blockquote') {
        walk(token.tokens ?? []);
      }
    }
  };
  walk(new Lexer({ gfm: true }).lex(markdown));
  return headings;
}
