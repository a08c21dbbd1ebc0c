/**
 * Headers on every family page and asset. No script at all, styles and images only from our own
 * origin, forms only to ourselves, never framed, and no Referer ever: the link's token is in the
 * path and must not leak to anyone.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

export function securityHeaders(options: { production: boolean }): Record<string, string> {
  return {
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
    'x-robots-tag': 'noindex, nofollow',
    ...(options.production ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
  };
}

/** Pages hold a family's answers and the link's token: never kept by a browser or a proxy. */
export const NO_STORE = { 'cache-control': 'no-store', pragma: 'no-cache' };
