/**
 * The pages' one stylesheet, self-hosted: GOV.UK Frontend's compiled CSS from node_modules, our own
 * additions (the council's colour, right-to-left layout, the children's faces), fingerprinted by
 * content so it can be cached for a year, and compressed once with brotli and gzip.
 *
 * GOV.UK Frontend's font, GDS Transport, is licensed only for services on GOV.UK, and these pages
 * are the council's own: its @font-face rules are removed and the pages use Arial and the phone's
 * own sans-serif font. No images are needed (no crown, no crest): faces are inline SVG.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export const ASSET_ROUTE_PREFIX = '/api/f-assets/';

export interface Asset {
  name: string;
  contentType: string;
  identity: Buffer;
  gzip: Buffer;
  br: Buffer;
}

export const GOVUK_DIST = join(dirname(require.resolve('govuk-frontend/package.json')), 'dist');

/** views/ at the project root: two levels up from src/web, three from dist/src/web. */
export const VIEWS_DIR = [join(__dirname, '../../views'), join(__dirname, '../../../views')].find((dir) =>
  existsSync(join(dir, 'survey', 'layout.njk')),
) as string;

/** GOV.UK Frontend's CSS without GDS Transport. */
export function councilGovukCss(): string {
  const css = readFileSync(join(GOVUK_DIST, 'govuk', 'govuk-frontend.min.css'), 'utf8');
  return css
    .replace(/@font-face\{[^}]*\}/g, '')
    .replace(/font-family:\s*"?GDS Transport"?,\s*/g, 'font-family:')
    .replace(/\/\*# sourceMappingURL=[^*]*\*\//g, '');
}

function asset(name: string, contentType: string, text: string): Asset {
  const identity = Buffer.from(text, 'utf8');
  return {
    name,
    contentType,
    identity,
    gzip: gzipSync(identity, { level: 9 }),
    br: brotliCompressSync(identity, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
  };
}

const bundles = new Map<string, Asset>();

/** The stylesheet for a brand colour (already validated as #rrggbb by config). */
export function stylesheet(brandColour: string): Asset {
  let found = bundles.get(brandColour);
  if (!found) {
    const own = readFileSync(join(VIEWS_DIR, 'survey', 'survey.css'), 'utf8');
    const text = `${councilGovukCss()}\n:root{--govuk-brand-colour:${brandColour};--hearth-brand-colour:${brandColour}}\n${own}`;
    const hash = createHash('sha256').update(text).digest('hex').slice(0, 12);
    found = asset(`survey-${hash}.css`, 'text/css; charset=utf-8', text);
    bundles.set(brandColour, found);
  }
  return found;
}

/** The encoding to send for an Accept-Encoding header: brotli, then gzip, then none. */
export function pickEncoding(acceptEncoding: string | null): 'br' | 'gzip' | 'identity' {
  const offered = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find(Boolean);
    offered.set(name.trim(), q === undefined ? 1 : Number(q));
  }
  const wants = (name: string) => (offered.get(name) ?? offered.get('*') ?? 0) > 0;
  if (wants('br')) return 'br';
  if (wants('gzip')) return 'gzip';
  return 'identity';
}
