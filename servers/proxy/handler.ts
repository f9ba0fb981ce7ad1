import {findAddressRefusal} from './address-policy';
import {readLimited} from './body';
import {createRateLimiter} from './rate-limit';
import {matchRoute} from './routes';
import {judgeTarget} from './target';

/**
 * The portal proxy as a standard fetch handler (Request -> Response), so the same code runs on
 * Node (servers/proxy/node.ts), in the Docusaurus dev server and on a serverless or edge runtime.
 * Everything runtime-specific is injected: the upstream fetch, and the client's IP and raw
 * request target through `context`.
 */

/** A fetch-compatible function that reaches portals; it must refuse private addresses itself (see node-upstream.ts). */
export type Upstream = (url: string, init: UpstreamInit) => Promise<Response>;

export interface UpstreamInit {
  method: string;
  headers: Record<string, string>;
  body?: Uint8Array<ArrayBuffer>;
  signal: AbortSignal;
  redirect: 'manual';
}

/** What the runtime knows about the request beyond the Request object. */
export interface ProxyRequestContext {
  /** The connecting client's IP, for the rate limit. Absent: every client shares one budget. */
  clientIp?: string;
  /** The request target exactly as received (path and query), to refuse `..` before URL parsing resolves it. */
  rawTarget?: string;
}

export type PortalProxy = (request: Request, context?: ProxyRequestContext) => Promise<Response>;

/** One line per request: never a body, a header value or a second-factor code. */
export interface ProxyLogEntry {
  method: string;
  path: string;
  targetHost?: string;
  status: number;
  durationMs: number;
}

export interface PortalProxyOptions {
  upstream: Upstream;
  /** Allow http:// and loopback targets (the local sandbox). Default false. */
  allowLoopback?: boolean;
  /** Operator allow-list of portal hosts (`docspace.example.org`, `*.onlyoffice.com`). Empty or absent: any public host. */
  allowedHosts?: readonly string[];
  /** The path the handler is mounted under; requests arrive with it. Default `/portal-proxy`. */
  basePath?: string;
  /** Default 16 KB. */
  maxRequestBytes?: number;
  /** Default 1 MB. */
  maxResponseBytes?: number;
  /** Whole exchange with the portal, body included. Default 15 s. */
  timeoutMs?: number;
  /** Requests per client IP per window; default 30 a minute (see rate-limit.ts for why). */
  rateLimit?: {max: number; windowMs: number; now?: () => number};
  /** Default: one line on stdout. */
  log?: (entry: ProxyLogEntry) => void;
}

export type RefusalReason =
  | 'rate-limited'
  | 'path-not-normalised'
  | 'query-not-allowed'
  | 'unknown-path'
  | 'method-not-allowed'
  | 'missing-portal-origin'
  | 'malformed-portal-origin'
  | 'insecure-target'
  | 'host-not-allowed'
  | 'address-not-allowed'
  | 'request-too-large'
  | 'upstream-redirect'
  | 'response-too-large'
  | 'upstream-timeout'
  | 'upstream-unreachable'
  | 'client-closed'
  | 'malformed-request'
  | 'internal-error';

const FORWARDED_REQUEST_HEADERS = ['content-type', 'accept', 'authorization', 'accept-language'];
const FORWARDED_RESPONSE_HEADERS = ['content-type'];
const NULL_BODY_STATUSES = new Set([204, 205]);

/** On every answer: never cached, never sniffed or rendered as a page (the body is portal-controlled). */
function baseHeaders(): Headers {
  return new Headers({
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'; frame-ancestors 'none'; sandbox",
  });
}

/** A refusal in the portal's error shape plus a machine-readable reason. */
export function refusal(status: number, reason: RefusalReason, message: string, extraHeaders: Record<string, string> = {}): Response {
  const headers = baseHeaders();
  headers.set('content-type', 'application/json; charset=utf-8');
  headers.set('x-proxy-refusal', reason);
  for (const [name, value] of Object.entries(extraHeaders)) headers.set(name, value);
  return new Response(JSON.stringify({error: {message, reason}}), {status, headers});
}

function defaultLog({method, path, targetHost, status, durationMs}: ProxyLogEntry): void {
  console.log(`[portal-proxy] ${method} ${path} ${targetHost ?? '-'} ${status} ${durationMs}ms`);
}

export function createPortalProxy(options: PortalProxyOptions): PortalProxy {
  const {
    upstream,
    allowLoopback = false,
    allowedHosts = [],
    basePath = '/portal-proxy',
    maxRequestBytes = 16 * 1024,
    maxResponseBytes = 1024 * 1024,
    timeoutMs = 15_000,
    rateLimit = {max: 30, windowMs: 60_000},
    log = defaultLog,
  } = options;
  const checkRate = createRateLimiter(rateLimit);

  async function relay(request: Request, apiPath: string, origin: string): Promise<Response> {
    const headers: Record<string, string> = {};
    for (const name of FORWARDED_REQUEST_HEADERS) {
      const value = request.headers.get(name);
      if (value !== null) headers[name] = value;
    }
    let body: Uint8Array<ArrayBuffer> | undefined;
    if (request.method === 'POST') {
      const read = await readLimited(request.body, maxRequestBytes);
      if (!read.ok) return refusal(413, 'request-too-large', `Request bodies are limited to ${maxRequestBytes} bytes`);
      body = read.bytes;
    }

    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = AbortSignal.any([timeout, request.signal]);
    try {
      const answer = await upstream(`${origin}${apiPath}`, {method: request.method, headers, body, signal, redirect: 'manual'});
      if (answer.type === 'opaqueredirect' || (answer.status >= 300 && answer.status < 400)) {
        await answer.body?.cancel().catch(() => undefined);
        return refusal(502, 'upstream-redirect', `The portal answered with a redirect (${answer.status}); the proxy never follows redirects`);
      }
      const read = await readLimited(answer.body, maxResponseBytes, signal);
      if (!read.ok) return refusal(502, 'response-too-large', `The portal's answer is larger than ${maxResponseBytes} bytes`);

      const responseHeaders = baseHeaders();
      for (const name of FORWARDED_RESPONSE_HEADERS) {
        const value = answer.headers.get(name);
        if (value !== null) responseHeaders.set(name, value);
      }
      if (NULL_BODY_STATUSES.has(answer.status)) return new Response(null, {status: answer.status, headers: responseHeaders});
      responseHeaders.set('content-length', String(read.bytes.byteLength));
      return new Response(read.bytes, {status: answer.status, statusText: answer.statusText, headers: responseHeaders});
    } catch (error) {
      if (timeout.aborted) return refusal(504, 'upstream-timeout', `The portal did not answer within ${timeoutMs / 1000} s`);
      if (request.signal.aborted) return refusal(499, 'client-closed', 'The client went away');
      const refused = findAddressRefusal(error);
      if (refused) return refusal(403, 'address-not-allowed', `The proxy does not connect to ${refused.range} addresses`);
      return refusal(502, 'upstream-unreachable', 'The proxy could not reach the portal');
    }
  }

  return async (request, context = {}) => {
    const started = performance.now();
    const url = new URL(request.url);
    let logPath = '(refused path)';
    let targetHost: string | undefined;
    const done = (response: Response): Response => {
      log({method: request.method, path: logPath, targetHost, status: response.status, durationMs: Math.round(performance.now() - started)});
      return response;
    };

    const rate = checkRate(context.clientIp ?? 'unknown');
    if (!rate.allowed) {
      return done(
        refusal(429, 'rate-limited', 'Too many requests through this proxy; wait a minute', {'retry-after': String(rate.retryAfterSeconds)}),
      );
    }
    const matched = matchRoute(request.method, url, basePath, context.rawTarget);
    if (!matched.ok) {
      return done(refusal(matched.status, matched.reason, matched.message, matched.allow ? {allow: matched.allow} : {}));
    }
    logPath = matched.route.logPath;
    const target = judgeTarget(request.headers.get('x-portal-origin'), {allowLoopback, allowedHosts});
    if (!target.ok) return done(refusal(target.status, target.reason, target.message));
    targetHost = target.hostname;
    return done(await relay(request, matched.route.apiPath, target.origin));
  };
}
