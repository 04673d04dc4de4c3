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

/**
 * The only permission our page gets: writing sanitized text to the clipboard ("Copy quote";
 * Chromium asks for it on navigator.clipboard.writeText). Everything else (camera, notifications,
 * geolocation, ...) is refused.
 */
export const GRANTED_PERMISSIONS: readonly string[] = ['clipboard-sanitized-write'];

/**
 * Whether a URL belongs to our own pages: the app:// origin, or in development the dev server's
 * origin (passed in only when the app is not packaged).
 */
export function isAppUrl(url: string | undefined, appOrigin: string, devOrigin?: string): boolean {
  if (!url) return false;
  let origin: string;
  try {
    origin = new URL(url).origin;
  } catch {
    return false;
  }
  // Non-special schemes (app:) report the origin "null"; compare scheme and host instead.
  if (origin === 'null') {
    const { protocol, host } = new URL(url);
    origin = `${protocol}//${host}`;
  }
  return origin === appOrigin || (devOrigin !== undefined && origin === devOrigin);
}

/**
 * Decides a permission request or check: granted only when it comes from our own window and one
 * of our own pages, and only for a permission in GRANTED_PERMISSIONS.
 */
export function permissionAllowed(permission: string, fromOwnWindow: boolean, fromAppPage: boolean): boolean {
  return fromOwnWindow && fromAppPage && GRANTED_PERMISSIONS.includes(permission);
}
