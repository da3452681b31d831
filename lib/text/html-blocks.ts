/**
 * The HTML elements that break text into lines, in one place: the block elements of the HTML standard's rendering
 * section (its user-agent style sheet gives them `display: block`, or a list item's or a table part's display), for
 * every reader that turns an element's text into lines (the snapshot's labels and values, the plan's paragraphs).
 * Each reader adds the few it treats apart (table cells, `center`, row groups). Decides nothing about what a line says.
 */

export const HEADING_TAGS = ['H1', 'H2', 'H3', 'H4', 'H5', 'H6'] as const;

export const BLOCK_TAGS: readonly string[] = [
  'P',
  'DIV',
  'LI',
  'UL',
  'OL',
  'DL',
  'DT',
  'DD',
  ...HEADING_TAGS,
  'TR',
  'TABLE',
  'SECTION',
  'ARTICLE',
  'HEADER',
  'FOOTER',
  'NAV',
  'MAIN',
  'ASIDE',
  'BLOCKQUOTE',
  'PRE',
  'FORM',
];
