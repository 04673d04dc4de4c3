/**
 * The renderer's Content-Security-Policy: nothing remote, no inline or eval'd script, no plugins,
 * no framing. The same policy is in renderer/index.html's meta tag (checked by a test) and is sent
 * as a header by main.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');
