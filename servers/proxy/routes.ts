/**
 * The only calls the proxy relays: the guide's sign-in, second factor, profile and sign-out.
 * Everything else is refused, so the proxy cannot be used as a general relay into a portal.
 */
export interface ProxyRoute {
  method: 'GET' | 'POST';
  /** The path sent to the portal. */
  apiPath: string;
  /** The path as it may be logged: a second-factor code is a credential and is masked. */
  logPath: string;
  /** Only @self and logout need the token; the other calls never carry it to the portal. */
  forwardsAuthorization: boolean;
}

export type RouteResult =
  | {ok: true; route: ProxyRoute}
  | {ok: false; status: 400 | 404 | 405; reason: RouteRefusal; message: string; allow?: string};

export type RouteRefusal = 'path-not-normalised' | 'query-not-allowed' | 'unknown-path' | 'method-not-allowed';

/**
 * A second-factor code as portals issue them: six digits, both for an authenticator app (TOTP) and
 * for SMS (the portal's `sms:keylength` defaults to 6). Anything else under /authentication/ is
 * another portal call (`sendsms`, `setphone`, `confirm`, `register`, ...) and is never relayed:
 * `sendsms` is anonymous and sends a billed text message.
 */
const CODE = /^[0-9]{6}$/;
const AUTHENTICATION = '/api/2.0/authentication';

type KnownPath = Omit<ProxyRoute, 'apiPath'>;

/** Which method a known path takes, how it is logged and whether it carries the token; null for an unknown path. */
function knownPath(apiPath: string): KnownPath | null {
  if (apiPath === AUTHENTICATION) return {method: 'POST', logPath: apiPath, forwardsAuthorization: false};
  if (apiPath === `${AUTHENTICATION}/logout`) return {method: 'POST', logPath: apiPath, forwardsAuthorization: true};
  if (apiPath.startsWith(`${AUTHENTICATION}/`) && CODE.test(apiPath.slice(AUTHENTICATION.length + 1))) {
    return {method: 'POST', logPath: `${AUTHENTICATION}/{code}`, forwardsAuthorization: false};
  }
  if (apiPath === '/api/2.0/people/@self') return {method: 'GET', logPath: apiPath, forwardsAuthorization: true};
  return null;
}

/**
 * Dot segments, encoded characters (an encoded slash or dot), backslashes and empty segments
 * are refused rather than normalised: what the portal receives is exactly what was matched.
 */
function hasPathTricks(path: string): boolean {
  return /(^|\/)\.\.?(\/|$)|%|\\|\/\//.test(path);
}

/**
 * Matches a request against the allowed calls. `rawTarget` is the request target as it came off
 * the wire, when the runtime exposes it: URL parsing resolves `..` before the handler sees the
 * path, so only the raw target shows the trick.
 */
export function matchRoute(method: string, url: URL, basePath: string, rawTarget?: string): RouteResult {
  const rawPath = rawTarget?.split('?')[0];
  if (hasPathTricks(url.pathname) || (rawPath !== undefined && hasPathTricks(rawPath))) {
    return {ok: false, status: 400, reason: 'path-not-normalised', message: 'Dot segments, encoded characters and empty segments are not allowed in the path'};
  }
  if (url.search || rawTarget?.includes('?')) {
    return {ok: false, status: 400, reason: 'query-not-allowed', message: 'The proxied calls take no query string'};
  }
  const apiPath = url.pathname.startsWith(`${basePath}/`) ? url.pathname.slice(basePath.length) : null;
  const known = apiPath === null ? null : knownPath(apiPath);
  if (!apiPath || !known) {
    return {ok: false, status: 404, reason: 'unknown-path', message: 'The proxy only relays authentication, second-factor, @self and logout calls'};
  }
  if (method !== known.method) {
    return {ok: false, status: 405, reason: 'method-not-allowed', message: `${apiPath} takes ${known.method} only`, allow: known.method};
  }
  return {ok: true, route: {...known, apiPath}};
}
