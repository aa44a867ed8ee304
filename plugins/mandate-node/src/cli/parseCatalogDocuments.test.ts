import { parseCatalogDocuments } from './parseCatalogDocuments';

describe('parseCatalogDocuments', () => {
  it.each([
    ['one document after comments', '# c\n\napiVersion: v1\nkind: A\n', [3]],
    [
      'documents after markers, an empty one, content on a marker line',
      '---\n# about a\nkind: A\n---\n---\n\n  kind: B\n...\n--- {kind: C}\n',
      [3, 7, 9],
    ],
    // An anchor sends the text to the yaml package: the lines are its own.
    ['the yaml package', '---\nkind: &k A\n---\n# b\nkind: B\n', [2, 5]],
    // An explicit null document: the marker scan and js-yaml disagree on the count.
    ['a null document', 'kind: A\n--- ~\n---\nkind: B\n', [1, 4]],
  ])('gives the first content line of each document: %s', (_, text, lines) => {
    const parsed = parseCatalogDocuments(text, 'f.yaml');
    expect(parsed.warnings).toEqual([]);
    expect(parsed.lines).toEqual(lines);
    expect(parsed.documents).toHaveLength(lines.length);
  });

  it('keeps lines in step with documents when one is skipped', () => {
    const parsed = parseCatalogDocuments(
      'kind: A\n---\nkind: [\n---\nkind: C\n',
      'f.yaml',
    );
    expect(parsed.documents).toEqual([{ kind: 'A' }, { kind: 'C' }]);
    expect(parsed.lines).toEqual([1, 5]);
    expect(parsed.warnings).toHaveLength(1);
  });
});
