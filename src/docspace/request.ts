import {REDACTED, redact} from './exchange';
import {isLoopbackHost, normalizePortalUrl} from './url';
import type {CallOptions, DocSpaceFailure, Exchange} from './types';

export interface ApiRequest {
  method: 'GET' | 'POST';
  /** Path on the portal, such as `/api/2.0/people/@self`. */
  path: string;
  body?: {password?: string; [field: string]: unknown};
  token?: string;
  /** What a 401 means for this call, in words for the reader. */
  unauthorized: string;
}

export type Sent =
  | {ok: true; status: number; json: unknown; exchange: Exchange}
  | {ok: false; error: DocSpaceFailure; exchange?: Exchange};

const DEFAULT_TIMEOUT_MS = 15_000;

const NETWORK =
  'No answer this page may read. The portal may be down or the address wrong, or the portal does not allow ' +
  'calls from this site (CORS); a browser cannot tell these apart. Check the address, look in the browser ' +
  'console, or run the cURL command in a terminal.';

/** Sends one API call and classifies what came back; never throws. */
export async function send(opts: CallOptions, req: ApiRequest): Promise<Sent> {
  const portal = normalizePortalUrl(opts.portal);
  if (!portal.ok) return {ok: false, error: {kind: 'invalid-address', problem: portal.problem, message: portal.message}};

  const {method, path, body, token} = req;
  const target = (opts.proxyUrl ?? portal.origin) + path;
  const headers: Record<string, string> = {Accept: 'application/json'};
  if (body) headers['Content-Type'] = 'application/json';
  // Bare, exactly as the guide shows; portals also accept `Bearer <token>`.
  if (token) headers.Authorization = token;
  const shownBody = body && JSON.stringify('password' in body ? {...body, password: REDACTED} : body);
  const exchange: Exchange = {
    request: {method, url: portal.origin + path, headers: token ? {...headers, Authorization: REDACTED} : {...headers}, body: shownBody},
    durationMs: 0,
    via: opts.proxyUrl ? 'proxy' : 'direct',
  };
  const fail = (error: DocSpaceFailure): Sent => ({ok: false, error, exchange});

  const pageProtocol = opts.pageProtocol ?? (globalThis as {location?: {protocol?: string}}).location?.protocol;
  if (pageProtocol === 'https:' && isBlockedAsMixed(target)) {
    return fail({
      kind: 'mixed-content',
      message:
        'This page is served over https, so the browser blocks its calls to an http:// portal before sending them ' +
        '(mixed content). Use the portal’s https:// address, or run the cURL command in a terminal.',
    });
  }
  if (opts.signal?.aborted) return fail({kind: 'cancelled', message: 'The request was cancelled.'});

  // One controller for both the caller's signal and the timeout (what AbortSignal.any does,
  // which older Safari lacks); racing it also ends a fetch or body read that ignores the signal.
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const cancel = () => controller.abort();
  opts.signal?.addEventListener('abort', cancel);
  const aborted = new Promise<never>((_, reject) => controller.signal.addEventListener('abort', () => reject(controller.signal.reason)));
  aborted.catch(() => {});
  // A local binding: calling `opts.fetch(...)` would make `opts` its `this`, which browsers reject.
  const doFetch = opts.fetch ?? globalThis.fetch;
  const started = Date.now();
  try {
    const sendHeaders = opts.proxyUrl ? {...headers, 'X-Portal-Origin': portal.origin} : headers;
    const init: RequestInit = {method, headers: sendHeaders, credentials: 'omit', signal: controller.signal};
    if (body) init.body = JSON.stringify(body);
    const response = await Promise.race([doFetch(target, init), aborted]);
    const text = await Promise.race([response.text(), aborted]);
    exchange.durationMs = Date.now() - started;

    let json: unknown;
    let isJson = true;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      isJson = false;
    }
    const envelope = json as {response?: {token?: unknown}; error?: {message?: unknown}} | undefined;
    const issued = envelope?.response?.token;
    const secrets = [body?.password, token, typeof issued === 'string' ? issued : undefined];
    const responseHeaders: Record<string, string> = {};
    response.headers.forEach((value, name) => (responseHeaders[name] = redact(value, secrets)));
    const shownText = redact(text, secrets);
    const {status} = response;
    exchange.response = {status, statusText: response.statusText, headers: responseHeaders, body: shownText};

    if (!response.ok) {
      const said = envelope?.error?.message;
      const serverMessage = typeof said === 'string' && said ? redact(said, secrets) : undefined;
      return fail({kind: 'http', status, serverMessage, message: describeHttpStatus(status, req.unauthorized, serverMessage)});
    }
    if (!isJson) {
      return fail({
        kind: 'not-json',
        status,
        bodyStart: shownText.slice(0, 200),
        message:
          `The address answered (HTTP ${status}) with something that is not JSON, so it is probably not a DocSpace ` +
          'portal API: check the address, or whether a login page or firewall sits in front of the portal.',
      });
    }
    return {ok: true, status, json, exchange};
  } catch {
    exchange.durationMs = Date.now() - started;
    if (timedOut) {
      return fail({
        kind: 'timeout',
        timeoutMs,
        message: `The portal did not answer within ${timeoutMs / 1000} s. It may be overloaded or unreachable: try again, or check the address.`,
      });
    }
    return fail(controller.signal.aborted ? {kind: 'cancelled', message: 'The request was cancelled.'} : {kind: 'network', message: NETWORK});
  } finally {
    clearTimeout(timer);
    opts.signal?.removeEventListener('abort', cancel);
  }
}

function isBlockedAsMixed(target: string): boolean {
  try {
    const url = new URL(target);
    return url.protocol === 'http:' && !isLoopbackHost(url.hostname);
  } catch {
    return false; // a relative proxy path is on the page's own origin
  }
}

function describeHttpStatus(status: number, unauthorized: string, said?: string): string {
  const advice = adviceFor(status, unauthorized, said ?? '');
  // The quote keeps the server's words; only a final full stop goes, to avoid "…”."
  return said ? `${advice} The portal said: “${said.replace(/\.$/, '')}”.` : advice;
}

function adviceFor(status: number, unauthorized: string, said: string): string {
  if (status === 401) return unauthorized;
  if (status === 403) {
    if (/too many/i.test(said)) return 'The portal has locked this login after too many failed attempts. Wait a minute, then try again with the right password.';
    if (/disabled/i.test(said)) return 'This account is disabled. An administrator of the portal can enable it again.';
    return 'The portal refused this request (HTTP 403). The account may be disabled, or locked for a minute after repeated failed sign-ins.';
  }
  if (status === 404) return 'The portal has no such API at this address (HTTP 404). Check that the address is your DocSpace portal.';
  if (status === 429) return 'The portal got too many requests and asks to slow down (HTTP 429). Wait a minute, then try again.';
  if (status >= 500) return `The portal failed to answer the request (HTTP ${status}). Try again later; if it keeps failing, the portal’s administrator can check its logs.`;
  return `The portal answered with HTTP ${status}.`;
}
