import {ANSWER_TIMEOUT_MS, MAX_ANSWER_BYTES, MAX_REQUEST_BYTES, PROXY_HEADERS, type BodyShape, fitsShape} from '../../src/docspace/contract';
import {startDeadline} from '../../src/docspace/deadline';
import {findAddressRefusal} from './address-policy';
import {readLimited} from './body';
import {resolveClientIp} from './client-ip';
import {isCrossSite} from './cross-site';
import {type RateLimit, type RateLimitStore, checkRateLimit, clientKey, createMemoryRateLimitStore} from './rate-limit';
import {type ProxyRoute, type RouteRefusal, matchRoute} from './routes';
import {DEFAULT_ALLOWED_PORTS, type TargetRefusal, judgeTarget} from './target';

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
  /** The connecting socket's IP, for the rate limit (see `trustHops`). Absent: every client shares one budget. */
  clientIp?: string;
  /** The request target exactly as received (path and query), to refuse `..` before URL parsing resolves it. */
  rawTarget?: string;
}

type PortalProxy = (request: Request, context?: ProxyRequestContext) => Promise<Response>;

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
  /** With loopback allowed, only these origins (the sandbox's). Empty or absent: any loopback port. */
  loopbackOrigins?: readonly string[];
  /** Operator allow-list of portal hosts (`docspace.example.org`, `*.onlyoffice.com`). Empty or absent: any public host. */
  allowedHosts?: readonly string[];
  /** Ports public portals may be reached on. Default 443 only. */
  allowedPorts?: readonly number[];
  /** The site's own origin, which browsers' requests must come from. Absent: the host the request was sent to. */
  siteOrigin?: string;
  /** How many proxies in front of this one append to X-Forwarded-For (see client-ip.ts). Default 0: the header is ignored. */
  trustHops?: number;
  /** The path the handler is mounted under; requests arrive with it. Default `/portal-proxy`. */
  basePath?: string;
  /** Default 16 KB. */
  maxRequestBytes?: number;
  /** Default 1 MB. */
  maxResponseBytes?: number;
  /** Whole exchange with the portal, body included. Default 15 s. */
  timeoutMs?: number;
  /** How long the client may take to send its request body; a slow body must not hold a socket. Default 5 s. */
  requestBodyTimeoutMs?: number;
  /** Requests per client IP per window; default 30 a minute (see rate-limit.ts for why). */
  rateLimit?: RateLimit;
  /** Calls to one portal per window, from all clients together; default 120 a minute. */
  portalRateLimit?: RateLimit;
  /** Where the counts live. Default: this process's memory. */
  rateLimitStore?: RateLimitStore;
  /** How long a count may take before the proxy answers 503 rather than wait (fail closed). Default 1 s. */
  rateLimitTimeoutMs?: number;
  /** Default: one line on stdout. */
  log?: (entry: ProxyLogEntry) => void;
}

/** Every reason the proxy refuses for, in X-Proxy-Refusal: the route's, the target's, and the relay's own. */
type RefusalReason =
  | RouteRefusal
  | TargetRefusal
  | 'cross-site-request'
  | 'rate-limited'
  | 'portal-rate-limited'
  | 'rate-limit-unavailable'
  | 'request-too-large'
  | 'body-not-allowed'
  | 'request-timeout'
  | 'client-closed'
  | 'upstream-redirect'
  | 'response-too-large'
  | 'upstream-timeout'
  | 'upstream-unreachable'
  | 'malformed-request'
  | 'internal-error';

const FORWARDED_REQUEST_HEADERS = ['content-type', 'accept', 'accept-language'];
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

/**
 * A refusal in the portal's error shape plus a machine-readable reason, also in X-Proxy-Refusal:
 * the proxy never relays that header from a portal, so a client can tell the proxy's own answers
 * from the portal's.
 */
export function refusal(status: number, reason: RefusalReason, message: string, extraHeaders: Record<string, string> = {}): Response {
  const headers = baseHeaders();
  headers.set('content-type', 'application/json; charset=utf-8');
  headers.set(PROXY_HEADERS.refusal, reason);
  for (const [name, value] of Object.entries(extraHeaders)) headers.set(name, value);
  return new Response(JSON.stringify({error: {message, reason}}), {status, headers});
}

function defaultLog({method, path, targetHost, status, durationMs}: ProxyLogEntry): void {
  console.log(`[portal-proxy] ${method} ${path} ${targetHost ?? '-'} ${status} ${durationMs}ms`);
}

/** A refused path is logged as sent (it is not a credential), cut short so a long one cannot flood the log. */
const MAX_LOGGED_PATH = 200;

/** The body as JSON, or undefined when it is not JSON (and so fits no shape). */
function parsedJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', {fatal: true}).decode(bytes));
  } catch {
    return undefined;
  }
}

/** `name (string, required), permissions (string[]) and expiresInDays (integer) only`. */
function describeShape({fields, required = []}: BodyShape): string {
  const names = Object.entries(fields).map(([name, type]) => `${name} (${type}${required.includes(name) ? ', required' : ''})`);
  return `${new Intl.ListFormat('en').format(names)} only`;
}

class RateLimitUnavailableError extends Error {}

/** Runs a store call against a deadline: a slow store fails closed (503) rather than hanging a sign-in. */
async function withinDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  const deadline = startDeadline(ms);
  try {
    return await deadline.race(work);
  } catch (error) {
    throw new RateLimitUnavailableError(deadline.timedOut() ? `no answer within ${ms} ms` : 'store failed', {cause: error});
  } finally {
    deadline.dispose();
  }
}

export function createPortalProxy(options: PortalProxyOptions): PortalProxy {
  const {
    upstream,
    allowLoopback = false,
    loopbackOrigins = [],
    allowedHosts = [],
    allowedPorts = DEFAULT_ALLOWED_PORTS,
    siteOrigin,
    trustHops = 0,
    basePath = '/portal-proxy',
    maxRequestBytes = MAX_REQUEST_BYTES,
    maxResponseBytes = MAX_ANSWER_BYTES,
    timeoutMs = ANSWER_TIMEOUT_MS,
    requestBodyTimeoutMs = 5_000,
    rateLimit = {max: 30, windowMs: 60_000},
    portalRateLimit = {max: 120, windowMs: 60_000},
    rateLimitStore = createMemoryRateLimitStore(),
    rateLimitTimeoutMs = 1000,
    log = defaultLog,
  } = options;
  const targetPolicy = {allowLoopback, loopbackOrigins, allowedHosts, allowedPorts};
  const pinnedSiteOrigin = siteOrigin === undefined ? undefined : new URL(siteOrigin).origin;

  /** The request body, within its size and time limits, or the refusal to answer instead. */
  async function readRequestBody(request: Request): Promise<Uint8Array<ArrayBuffer> | Response> {
    const deadline = startDeadline(requestBodyTimeoutMs, request.signal);
    try {
      const read = await readLimited(request.body, maxRequestBytes, deadline.signal);
      if (!read.ok) return refusal(413, 'request-too-large', `Request bodies are limited to ${maxRequestBytes} bytes`);
      return read.bytes;
    } catch {
      if (deadline.timedOut()) return refusal(408, 'request-timeout', `The request body did not arrive within ${requestBodyTimeoutMs / 1000} s`);
      // The client closed the connection mid-body: nothing to relay, nobody to answer.
      return refusal(499, 'client-closed', 'The client went away while sending the request');
    } finally {
      deadline.dispose();
    }
  }

  async function relay(request: Request, route: ProxyRoute, origin: string): Promise<Response> {
    const headers: Record<string, string> = {};
    for (const name of FORWARDED_REQUEST_HEADERS) {
      const value = request.headers.get(name);
      if (value !== null) headers[name] = value;
    }
    const authorization = request.headers.get('authorization');
    if (route.forwardsAuthorization && authorization !== null) headers.authorization = authorization;
    let body: Uint8Array<ArrayBuffer> | undefined;
    if (request.method === 'POST' || request.method === 'PUT') {
      const read = await readRequestBody(request);
      if (read instanceof Response) return read;
      body = read;
      if (route.body && !fitsShape(route.body, parsedJson(read))) {
        return refusal(400, 'body-not-allowed', `${route.method} ${route.logPath} takes a JSON object with ${describeShape(route.body)}`);
      }
    }

    const deadline = startDeadline(timeoutMs, request.signal);
    const {signal} = deadline;
    try {
      const answer = await upstream(`${origin}${route.apiPath}`, {method: request.method, headers, body, signal, redirect: 'manual'});
      if (answer.type === 'opaqueredirect' || (answer.status >= 300 && answer.status < 400)) {
        await answer.body?.cancel().catch(() => undefined);
        return refusal(502, 'upstream-redirect', `The portal answered with a redirect (${answer.status}); the proxy never follows redirects`);
      }
      // HTTP has no such status (a final 1xx never reaches fetch); relaying it would be a lie or a crash.
      if (answer.status < 200 || answer.status > 599) {
        await answer.body?.cancel().catch(() => undefined);
        return refusal(502, 'upstream-unreachable', `The portal answered with status ${answer.status}, which is not an HTTP status`);
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
      if (deadline.timedOut()) return refusal(504, 'upstream-timeout', `The portal did not answer within ${timeoutMs / 1000} s`);
      if (request.signal.aborted) return refusal(499, 'client-closed', 'The client went away');
      const refused = findAddressRefusal(error);
      if (refused) return refusal(403, 'address-not-allowed', `The proxy does not connect to ${refused.range} addresses`);
      return refusal(502, 'upstream-unreachable', 'The proxy could not reach the portal');
    } finally {
      deadline.dispose();
    }
  }

  /** Counts the request against one limit; a 429 to answer with, or undefined to go on. */
  async function limited(key: string, limit: RateLimit, reason: 'rate-limited' | 'portal-rate-limited', message: string): Promise<Response | undefined> {
    const decision = await withinDeadline(checkRateLimit(rateLimitStore, key, limit), rateLimitTimeoutMs);
    if (decision.allowed) return undefined;
    return refusal(429, reason, message, {'retry-after': String(decision.retryAfterSeconds)});
  }

  async function handle(request: Request, context: ProxyRequestContext, url: URL, noteRoute: (logPath: string, targetHost?: string) => void): Promise<Response> {
    // Before the count: a page on another site, run in a reader's browser, must not spend that reader's budget.
    if (isCrossSite(request, pinnedSiteOrigin)) {
      return refusal(403, 'cross-site-request', 'This proxy serves the pages of its own site only, not pages on other sites');
    }
    const clientIp = resolveClientIp(context.clientIp, request.headers.get('x-forwarded-for'), trustHops) ?? 'unknown';
    const clientLimited = await limited(`client:${clientKey(clientIp)}`, rateLimit, 'rate-limited', 'Too many requests through this proxy; wait a minute');
    if (clientLimited) return clientLimited;
    const matched = matchRoute(request.method, url, basePath, context.rawTarget);
    if (!matched.ok) return refusal(matched.status, matched.reason, matched.message, matched.allow ? {allow: matched.allow} : {});
    const target = judgeTarget(request.headers.get(PROXY_HEADERS.portalOrigin), targetPolicy);
    noteRoute(matched.route.logPath, target.ok ? target.hostname : undefined);
    if (!target.ok) return refusal(target.status, target.reason, target.message);
    const portalLimited = await limited(`portal:${target.origin}`, portalRateLimit, 'portal-rate-limited', `Too many calls to ${target.hostname} through this proxy; wait a minute`);
    if (portalLimited) return portalLimited;
    return relay(request, matched.route, target.origin);
  }

  return async (request, context = {}) => {
    const started = performance.now();
    const url = new URL(request.url);
    let logPath = url.pathname.slice(0, MAX_LOGGED_PATH);
    let targetHost: string | undefined;
    let response: Response;
    try {
      response = await handle(request, context, url, (routeLogPath, host) => {
        logPath = routeLogPath;
        targetHost = host;
      });
    } catch (error) {
      if (!(error instanceof RateLimitUnavailableError)) throw error;
      // Fail closed: without the count the proxy cannot keep its promise to portals' lockouts.
      response = refusal(503, 'rate-limit-unavailable', 'The proxy cannot check its rate limit right now; try again shortly', {'retry-after': '5'});
    }
    log({method: request.method, path: logPath, targetHost, status: response.status, durationMs: Math.round(performance.now() - started)});
    return response;
  };
}
