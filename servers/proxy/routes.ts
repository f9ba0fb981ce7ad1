/**
 * The only calls the proxy relays: those of the portal contract (PORTAL_CALLS), with their methods.
 * Everything else is refused, so the proxy cannot be used as a general relay into a portal.
 */
import {type BodyShape, PORTAL_CALLS, callsAt} from '../../src/docspace/contract';

export interface ProxyRoute {
  method: string;
  /** The path sent to the portal. */
  apiPath: string;
  /** The path as it may be logged: the contract's, so a second-factor code (a credential) never is. */
  logPath: string;
  /** Only the calls made with the token carry it to the portal. */
  forwardsAuthorization: boolean;
  /** The body the call takes, when the contract gives its shape: any other body is refused. */
  body?: BodyShape;
}

type RouteResult =
  | {ok: true; route: ProxyRoute}
  | {ok: false; status: 400 | 404 | 405; reason: RouteRefusal; message: string; allow?: string};

export type RouteRefusal = 'path-not-normalised' | 'query-not-allowed' | 'unknown-path' | 'method-not-allowed';

/** `POST /api/2.0/authentication, …`: what an unknown path is told. */
const RELAYED = Object.values(PORTAL_CALLS)
  .map((call) => `${call.method} ${call.path}`)
  .join(', ');

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
  const calls = apiPath === null ? [] : callsAt(apiPath).map((name) => PORTAL_CALLS[name]);
  if (!apiPath || calls.length === 0) {
    return {ok: false, status: 404, reason: 'unknown-path', message: `The proxy relays only these calls: ${RELAYED}`};
  }
  const call = calls.find((candidate) => candidate.method === method);
  if (!call) {
    const allow = calls.map((candidate) => candidate.method).join(', ');
    return {ok: false, status: 405, reason: 'method-not-allowed', message: `${apiPath} takes ${allow} only`, allow};
  }
  const body: BodyShape | undefined = 'body' in call ? call.body : undefined;
  return {ok: true, route: {method: call.method, apiPath, logPath: call.path, forwardsAuthorization: call.withToken, ...(body ? {body} : {})}};
}
