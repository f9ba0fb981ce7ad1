/**
 * Whether a browser sent this request from another site. The proxy serves the guide's own page
 * only: a page elsewhere must not use it to sign readers in to portals (or to spend their rate
 * budget). Browsers mark every fetch with Sec-Fetch-Site, and POSTs with Origin; a request with
 * neither (curl, a server) is not a browser's and is left alone.
 *
 * `siteOrigin` pins the site's origin (PROXY_SITE_ORIGIN, e.g. behind a TLS-terminating load
 * balancer the proxy cannot see the scheme); otherwise the Origin must name the host the request
 * was sent to.
 */
export function isCrossSite(request: Request, siteOrigin?: string): boolean {
  if (request.headers.get('sec-fetch-site') === 'cross-site') return true;
  const origin = request.headers.get('origin');
  if (origin === null) return false;
  if (siteOrigin !== undefined) return origin !== siteOrigin;
  try {
    return new URL(origin).host !== new URL(request.url).host;
  } catch {
    // `Origin: null` (a sandboxed frame, a file) or garbage: not the site's own.
    return true;
  }
}
