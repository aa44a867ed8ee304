import { markdownHeadings } from './markdownHeadings';

describe('markdownHeadings', () => {
  it('reads ATX and setext headings but not code, paragraphs or #hashtags', () => {
    const text = [
      '# One',
      '   ## Two ##',
      '#NotAHeading',
      '',
      'Three',
      '=====',
      '',
      'Four',
      '----',
      '',
      '    # indented code',
      '',
      '~~~',
      '# fenced',
      '~~~',
      '',
      '> ## Quoted',
      '',
      '- ## In a list',
    ].join('\n');
    expect(markdownHeadings(text)).toEqual([
      'One',
      'Two',
      'Three',
      'Four',
      'Quoted',
      'In a list',
    ]);
  });
});
