/**
 * The one escaping function: outside text shows as the text it is in an Adaptive Card or a Teams
 * message, never as a link, a list, a heading or formatting, and reads the same.
 */
import MarkdownIt from 'markdown-it';
import { escapeCardText } from '../../../src/text/escape';

const JOINER = '\u2060';
/** Adaptive Cards' own web renderer parses TextBlock markdown with markdown-it; Teams links bare URLs. */
const markdown = new MarkdownIt({ linkify: true });
const rendered = (text: string) => markdown.renderInline(text);
/** What a reader sees: the rendered text without tags, entities or invisible joiners. */
const seen = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replaceAll(JOINER, '');

it('leaves ordinary names as they are', () => {
  for (const name of ['Amira K.', 'L.K.', "Ka'Mya O.", 'Jean-Luc D.', 'Zoë Ó.', 'Ref C1001', 'Sam Taylor'])
    expect(escapeCardText(name)).toBe(name);
});

it('escapes the markdown characters', () => {
  expect(escapeCardText('a_b*c`d[e](f)#>~\\')).toBe('a\\_b\\*c\\`d\\[e\\]\\(f\\)\\#\\>\\~\\\\');
});

it.each([
  ['a link', '[Click](https://evil.example/login) Smith'],
  ['bold', '**Bold** Name'],
  ['a list item', '- List'],
  ['a plus list item', '+ List'],
  ['a numbered list', '1. Item'],
  ['a numbered list with a bracket', '12) Item'],
  ['a heading', '# Heading'],
  ['a quote', '> Quote'],
  ['a bare web address', 'Sam https://evil.example/login'],
  ['a bare domain', 'Visit evil.com now'],
  ['www', 'www.evil.com'],
  ['an email address', 'sam@evil.com'],
  ['an image', '![x](https://evil.example/a.png)'],
  ['html', '<b>Tag</b>'],
])('shows %s as plain text, reading the same', (_, text) => {
  const html = rendered(escapeCardText(text));
  expect(html).not.toMatch(/<(a|strong|em|img|b|h\d|ul|ol|li|blockquote|code)\b/);
  expect(seen(html)).toBe(text);
});

it('is what would have been a link or list without it', () => {
  // The cases above are real dangers: unescaped, each becomes markup.
  expect(rendered('[Click](https://evil.example/login)')).toContain('<a href');
  expect(rendered('Sam https://evil.example/login')).toContain('<a href');
  expect(rendered('Visit evil.com now')).toContain('<a href');
  expect(rendered('sam@evil.com')).toContain('<a href');
  expect(rendered('www.evil.com')).toContain('<a href');
  expect(markdown.render('- List')).toContain('<li>');
  expect(markdown.render(escapeCardText('- List'))).not.toContain('<li>');
  expect(markdown.render('1. Item')).toContain('<ol>');
  expect(markdown.render(escapeCardText('1. Item'))).not.toContain('<ol>');
  expect(markdown.render('# Heading')).toContain('<h1>');
  expect(markdown.render(escapeCardText('# Heading'))).not.toContain('<h1>');
});
