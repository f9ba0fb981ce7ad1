import {ANSWER_TIMEOUT_MS, API_KEY, MAX_ANSWER_BYTES, PROXY_HEADERS, pathOf, type PathParams, type PortalCall} from './contract';
import {startDeadline, type Deadline} from './deadline';
import {REDACTED, maskBody, redact} from './exchange';
import {isLoopbackHost, normalizePortalUrl} from './url';
import type {CallOptions, DocSpaceFailure, Exchange, UnexpectedAnswerLack} from './types';

/**
 * One API call in three steps: the address (where it goes), the fetch (with a capped read of the
 * answer, inside a deadline: the caller's cancel and the timeout as one signal) and the
 * classification (what the answer means). Every message says what happened to which call; none
 * says what to do.
 */

interface ApiRequest<Call extends PortalCall = PortalCall> {
  call: Call;
  params: PathParams<Call['path']>;
  body?: {password?: string; [field: string]: unknown};
  /** Sent in `Authorization` when the call takes the token: a sign-in token, or an API key (`sk-…`). */
  token?: string;
}

export type Sent =
  | {ok: true; status: number; json: unknown; exchange: Exchange}
  | {ok: false; error: DocSpaceFailure; exchange?: Exchange};

/** Sends one API call and classifies what came back; never throws. */
export async function send<Call extends PortalCall>(opts: CallOptions, req: ApiRequest<Call>): Promise<Sent> {
  const address = addressOf(opts, pathOf(req.call, req.params));
  if (!address.ok) return address;
  const exchange = recordRequest(req, address.portalUrl, opts.proxyUrl ? 'proxy' : 'direct');
  const call = callOf(exchange);
  const fail = (error: DocSpaceFailure): Sent => ({ok: false, error, exchange});

  if (address.blockedAsMixed) {
    return fail({kind: 'mixed-content', message: `${call} was not sent: an https page may not call an http:// address (mixed content).`});
  }
  if (opts.signal?.aborted) return fail({kind: 'cancelled', message: `${call} was cancelled before it was sent.`});

  const timeoutMs = opts.timeoutMs ?? ANSWER_TIMEOUT_MS;
  const init = requestInit(opts, req, address);
  const deadline = startDeadline(timeoutMs, opts.signal);
  const started = Date.now();
  exchange.sent = true;
  let answer: Answer;
  // Only the fetch and the reading of the answer: a throw anywhere else is this client's own fault.
  try {
    answer = await fetchAnswer(opts, address.target, init, deadline);
  } catch {
    if (deadline.timedOut()) return fail({kind: 'timeout', timeoutMs, message: `${call} got no answer within ${timeoutMs / 1000} s.`});
    if (deadline.signal.aborted) return fail({kind: 'cancelled', message: `${call} was cancelled.`});
    return fail({
      kind: 'network',
      message: `${call} got no answer the page can read: the network failed, or the answer did not allow this origin (CORS).`,
    });
  } finally {
    exchange.durationMs = Date.now() - started;
    deadline.dispose();
  }
  try {
    return classify(answer, {call, exchange, secrets: [req.body?.password, req.token]});
  } catch {
    // Not the error's text: it may quote the answer, secrets and all.
    const {status} = answer.response;
    return fail({kind: 'client-bug', status, message: `${call} answered ${status}, but this client failed to read the answer (a bug in the client).`});
  }
}

// --- 1. The address -----------------------------------------------------------------------------

interface Address {
  ok: true;
  /** Where the call is for, as the exchange and the cURL command show it. */
  portalUrl: string;
  portalOrigin: string;
  /** What fetch is given: the portal URL, or the proxy's. */
  target: string;
  /** An https page's call to an http:// address other than localhost: the browser would block it. */
  blockedAsMixed: boolean;
}

function addressOf(opts: CallOptions, path: string): Address | {ok: false; error: DocSpaceFailure} {
  const portal = normalizePortalUrl(opts.portal);
  if (!portal.ok) return {ok: false, error: {kind: 'invalid-address', problem: portal.problem, message: portal.message}};
  const target = (opts.proxyUrl ?? portal.origin) + path;
  const pageProtocol = opts.pageProtocol ?? (globalThis as {location?: {protocol?: string}}).location?.protocol;
  return {ok: true, portalUrl: portal.origin + path, portalOrigin: portal.origin, target, blockedAsMixed: pageProtocol === 'https:' && isHttpElsewhere(target)};
}

function isHttpElsewhere(target: string): boolean {
  try {
    const url = new URL(target);
    return url.protocol === 'http:' && !isLoopbackHost(url.hostname);
  } catch {
    return false; // a relative proxy path is on the page's own origin
  }
}

function headersFor(req: ApiRequest): Record<string, string> {
  const headers: Record<string, string> = {Accept: 'application/json'};
  if (req.body) headers['Content-Type'] = 'application/json';
  // A token bare, exactly as the guide shows (portals also accept `Bearer <token>`); a key as `Bearer sk-…`, as portals document it.
  if (req.call.withToken && req.token) headers.Authorization = req.token.startsWith(API_KEY.prefix) ? `Bearer ${req.token}` : req.token;
  return headers;
}

/** The request as it may be shown: the password and the token masked. */
function recordRequest(req: ApiRequest, portalUrl: string, via: Exchange['via']): Exchange {
  const headers = headersFor(req);
  if (headers.Authorization) headers.Authorization = redact(headers.Authorization, [req.token]);
  const body = req.body && JSON.stringify('password' in req.body ? {...req.body, password: REDACTED} : req.body);
  return {request: {method: req.call.method, url: portalUrl, headers, body}, sent: false, durationMs: 0, via};
}

/** What fetch is given, but the signal: `credentials: 'omit'`, so a working token call proves the header worked. */
function requestInit(opts: CallOptions, req: ApiRequest, address: Address): RequestInit {
  const headers = headersFor(req);
  if (opts.proxyUrl) headers[PROXY_HEADERS.portalOrigin] = address.portalOrigin;
  const init: RequestInit = {method: req.call.method, headers, credentials: 'omit'};
  if (req.body) init.body = JSON.stringify(req.body);
  return init;
}

// --- 2. The fetch -------------------------------------------------------------------------------

interface Answer {
  response: Response;
  /** The body as text, or undefined when it was larger than MAX_ANSWER_BYTES. */
  text: string | undefined;
}

async function fetchAnswer(opts: CallOptions, target: string, init: RequestInit, deadline: Deadline): Promise<Answer> {
  // A local binding: calling `opts.fetch(...)` would make `opts` its `this`, which browsers reject.
  const doFetch = opts.fetch ?? globalThis.fetch;
  const response = await deadline.race(doFetch(target, {...init, signal: deadline.signal}));
  return {response, text: await deadline.race(readCapped(response, MAX_ANSWER_BYTES))};
}

/** The body as text, reading no more than `maxBytes`: a larger answer is cancelled, not buffered. */
async function readCapped(response: Response, maxBytes: number): Promise<string | undefined> {
  if (!response.body) return '';
  if (Number(response.headers.get('content-length')) > maxBytes) {
    void response.body.cancel().catch(() => {});
    return undefined;
  }
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let size = 0;
  for (;;) {
    const {done, value} = await reader.read();
    if (done) return text + decoder.decode();
    size += value.byteLength;
    if (size > maxBytes) {
      void reader.cancel().catch(() => {});
      return undefined;
    }
    text += decoder.decode(value, {stream: true});
  }
}

// --- 3. The classification ----------------------------------------------------------------------

interface Context {
  /** `POST https://portal.example.com/api/2.0/authentication`: which call this was. */
  call: string;
  exchange: Exchange;
  /** The password and token that were sent; the token the answer issues joins them. */
  secrets: (string | undefined)[];
}

function classify({response, text}: Answer, {call, exchange, secrets}: Context): Sent {
  const {status} = response;
  const fail = (error: DocSpaceFailure): Sent => ({ok: false, error, exchange});
  let json: unknown;
  let isJson = text !== undefined;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    isJson = false;
  }
  const envelope = json as {response?: {token?: unknown; key?: unknown}; error?: {message?: unknown}} | undefined;
  // What the answer issues: a sign-in token, or a new API key's secret.
  const issued = [envelope?.response?.token, envelope?.response?.key].map((value) => (typeof value === 'string' ? value : undefined));
  const masks = [...secrets, ...issued];
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => (headers[name] = redact(value, masks)));
  const body = text === undefined ? '' : maskBody(text, masks);
  exchange.response = {status, statusText: response.statusText, headers, body};

  if (text === undefined) {
    return fail({kind: 'too-large', status, maxBytes: MAX_ANSWER_BYTES, message: `${call} answered ${status} with more than ${MAX_ANSWER_BYTES / 1024 / 1024} MB; reading stopped there.`});
  }
  const said = envelope?.error?.message;
  const quoted = typeof said === 'string' && said ? redact(said, masks) : undefined;
  const quote = quoted ? `: “${quoted.replace(/\.$/, '')}”.` : '.';
  const refusal = exchange.via === 'proxy' ? response.headers.get(PROXY_HEADERS.refusal)?.trim() : undefined;
  if (refusal) {
    return fail({kind: 'proxy-refusal', status, reason: refusal, proxyMessage: quoted, message: `The proxy answered ${call} with ${status} (${refusal})${quote}`});
  }
  if (!response.ok) return fail({kind: 'http', status, serverMessage: quoted, message: `${call} answered ${status}${quote}`});
  if (!isJson) {
    return fail({kind: 'not-json', status, bodyStart: body.slice(0, 200), message: `${call} answered ${status} with a body that is not JSON.`});
  }
  return {ok: true, status, json, exchange};
}

/** `POST https://portal.example.com/api/2.0/authentication`: the call an exchange records. */
export function callOf(exchange: Exchange): string {
  return `${exchange.request.method} ${exchange.request.url}`;
}

// --- 4. What a 2xx answer holds -----------------------------------------------------------------

/** The `response` of the envelope, or an empty object when there is none. */
export function payloadOf(json: unknown): Record<string, unknown> {
  const response = (json as {response?: unknown} | undefined)?.response;
  return response && typeof response === 'object' ? (response as Record<string, unknown>) : {};
}

const LACKING: Partial<Record<UnexpectedAnswerLack, string>> = {
  token: 'without a token',
  'token-or-second-factor': 'without a token and without asking for a second factor',
  profile: 'without a profile',
};

/** A 2xx answer without what the call needs; `words` say what (the key calls bring their own). */
export function unexpected(sent: Extract<Sent, {ok: true}>, lacking: UnexpectedAnswerLack, words = LACKING[lacking]) {
  const message = `${callOf(sent.exchange)} answered ${sent.status} ${words}.`;
  return {ok: false as const, error: {kind: 'unexpected-answer' as const, status: sent.status, lacking, message}, exchange: sent.exchange};
}
