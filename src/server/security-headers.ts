// The security headers proxy.ts puts on every response (decision 015): a strict Content Security
// Policy with a fresh nonce per request (Next.js reads the nonce from the request's own
// Content-Security-Policy header and puts it on its scripts), no framing, HSTS when served over
// HTTPS, and no caching of anything that may hold personal data. Pure, for unit tests.

export function newNonce(): string {
  return Buffer.from(crypto.randomUUID()).toString("base64");
}

export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    // 'strict-dynamic': scripts the nonced ones load are trusted, nothing else; no inline script.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
    `style-src 'self' 'nonce-${nonce}'`,
    // Inline style attributes (the dashboard's chart keys set a colour) cannot carry a nonce.
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export const HSTS = "max-age=31536000; includeSubDomains";

export function securityHeaders(nonce: string, https: boolean): Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicy(nonce),
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    // Pages and downloads may hold personal data: no browser or proxy keeps a copy.
    "Cache-Control": "no-store",
    ...(https ? { "Strict-Transport-Security": HSTS } : {}),
  };
}
