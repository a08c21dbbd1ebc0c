import { escapeCardText } from '../../../src/text/escape';

it('escapes only what could become markdown', () => {
  expect(escapeCardText('Amira K.')).toBe('Amira K.');
  expect(escapeCardText('a_b*c`d[e](f)#>~\\')).toBe('a\\_b\\*c\\`d\\[e\\]\\(f\\)\\#\\>\\~\\\\');
});
