/** The self-hosted stylesheet: GOV.UK Frontend without GDS Transport, the council's colour, compressed. */
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { pickEncoding, stylesheet } from '../../../src/web/assets';

describe('stylesheet', () => {
  const css = stylesheet('#123456');

  it('is named by its content, so it can be cached for a year', () => {
    expect(css.name).toMatch(/^survey-[0-9a-f]{12}\.css$/);
    expect(stylesheet('#654321').name).not.toBe(css.name);
    expect(stylesheet('#123456')).toBe(css);
  });

  it('carries the council’s colour and no GOV.UK font or images', () => {
    const text = css.identity.toString('utf8');
    expect(text).toContain('--hearth-brand-colour:#123456');
    expect(text).toContain('.govuk-radios__input');
    expect(text).not.toMatch(/GDS Transport|@font-face|\/assets\/fonts/);
  });

  it('is compressed with brotli and gzip to the same bytes', () => {
    expect(brotliDecompressSync(css.br).equals(css.identity)).toBe(true);
    expect(gunzipSync(css.gzip).equals(css.identity)).toBe(true);
    expect(css.br.length).toBeLessThan(css.identity.length / 4);
  });
});

describe('pickEncoding', () => {
  it.each([
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['*', 'br'],
    ['identity', 'identity'],
    [null, 'identity'],
  ])('%j -> %s', (header, expected) => {
    expect(pickEncoding(header)).toBe(expected);
  });
});
