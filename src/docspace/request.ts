import {REDACTED, maskBody, redact} from './exchange';
import {isLoopbackHost, normalizePortalUrl} from './url';
import type {CallOptions, DocSpaceFailure, Exchange} from './types';

/**
 * One API call in four steps: the address (where it goes), the deadline (the caller's cancel and
 * the timeout as one signal), the fetch (with a capped read of the answer) and the classification
 * (what the answer means). Every message says what happened to which call; none says what to do.
 */

interface ApiRequest {
  method: 'GET' | 'POST';
  /** Path on the portal, such as `/api/2.0/people/@self`. */
  path: string;
  body?: {password?: string; [field: string]: unknown};
  token?: string;
}

export type Sent =
  | {ok: true; status: number; json: unknown; exchange: Exchange}
  | {ok: false; error: DocSpaceFailure; exchange?: Exchange};

const DEFAULT_TIMEOUT_MS = 15_000;
/** Far more than any of the four answers needs; a larger one is refused while it streams in. */
export const MAX_ANSWER_BYTES = 1024 * 1024;
/** The header this site's proxy puts on the answers it makes itself, never on a portal's. */
const PROXY_REFUSAL = 'x-proxy-refusal';

/** Sends one API call and classifies what came back; never throws. */
export async function send(opts: CallOptions, req: ApiRequest): Promise<Sent> {
  const address = addressOf(opts, req.path);
  if (!address.ok) return address;
  const exchange = recordRequest(req, address.portalUrl, opts.proxyUrl ? 'proxy' : 'direct');
  const call = callOf(exchange);
  const fail = (error: DocSpaceFailure): Sent => ({ok: false, error, exchange});

  if (address.blockedAsMixed) {
    return fail({kind: 'mixed-content', message: `${call} was not sent: an https page may not call an http:// address (mixed content).`});
  }
  if (opts.signal?.aborted) return fail({kind: 'cancelled', message: `${call} was cancelled before it was sent.`});

  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const deadline = startDeadline(timeoutMs, opts.signal);
  const started = Date.now();
  exchange.sent = true;
  try {
    const answer = await fetchAnswer(opts, req, address, deadline);
    exchange.durationMs = Date.now() - started;
    return classify(answer, {call, exchange, secrets: [req.body?.password, req.token]});
  } catch {
    exchange.durationMs = Date.now() - started;
    if (deadline.timedOut()) return fail({kind: 'timeout', timeoutMs, message: `${call} got no answer within ${timeoutMs / 1000} s.`});
    if (deadline.signal.aborted) return fail({kind: 'cancelled', message: `${call} was cancelled.`});
    return fail({
      kind: 'network',
      message: `${call} got no answer the page can read: the network failed, or the answer did not allow this origin (CORS).`,
    });
  } finally {
    deadline.dispose();
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
  // Bare, exactly as the guide shows; portals also accept `Bearer <token>`.
  if (req.token) headers.Authorization = req.token;
  return headers;
}

/** The request as it may be shown: the password and the token masked. */
function recordRequest(req: ApiRequest, portalUrl: string, via: Exchange['via']): Exchange {
  const headers = headersFor(req);
  if (req.token) headers.Authorization = REDACTED;
  const body = req.body && JSON.stringify('password' in req.body ? {...req.body, password: REDACTED} : req.body);
  return {request: {method: req.method, url: portalUrl, headers, body}, sent: false, durationMs: 0, via};
}

// --- 2. The deadline ----------------------------------------------------------------------------

interface Deadline {
  signal: AbortSignal;
  /** Settles as `work` does, or rejects once the time is up or the caller cancels, even if `work` ignores the signal. */
  race<T>(work: Promise<T>): Promise<T>;
  timedOut(): boolean;
  dispose(): void;
}

// One controller for the caller's signal and the timer: what AbortSignal.any and
// AbortSignal.timeout do, which the Safari versions the site supports lack.
function startDeadline(timeoutMs: number, callerSignal?: AbortSignal): Deadline {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const cancel = () => controller.abort();
  callerSignal?.addEventListener('abort', cancel);
  const ended = new Promise<never>((_, reject) => controller.signal.addEventListener('abort', () => reject(controller.signal.reason)));
  ended.catch(() => {});
  return {
    signal: controller.signal,
    race: (work) => Promise.race([work, ended]),
    timedOut: () => timedOut,
    dispose() {
      clearTimeout(timer);
      callerSignal?.removeEventListener('abort', cancel);
    },
  };
}

// --- 3. The fetch -------------------------------------------------------------------------------

interface Answer {
  response: Response;
  /** The body as text, or undefined when it was larger than MAX_ANSWER_BYTES. */
  text: string | undefined;
}

async function fetchAnswer(opts: CallOptions, req: ApiRequest, address: Address, deadline: Deadline): Promise<Answer> {
  const headers = headersFor(req);
  if (opts.proxyUrl) headers['X-Portal-Origin'] = address.portalOrigin;
  const init: RequestInit = {method: req.method, headers, credentials: 'omit', signal: deadline.signal};
  if (req.body) init.body = JSON.stringify(req.body);
  // A local binding: calling `opts.fetch(...)` would make `opts` its `this`, which browsers reject.
  const doFetch = opts.fetch ?? globalThis.fetch;
  const response = await deadline.race(doFetch(address.target, init));
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

// --- 4. The classification ----------------------------------------------------------------------

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
  const envelope = json as {response?: {token?: unknown}; error?: {message?: unknown}} | undefined;
  const issued = envelope?.response?.token;
  const masks = [...secrets, typeof issued === 'string' ? issued : undefined];
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
  const refusal = exchange.via === 'proxy' ? response.headers.get(PROXY_REFUSAL)?.trim() : undefined;
  if (refusal) {
    return fail({kind: 'proxy-refusal', status, reason: refusal, proxyMessage: quoted, message: `The proxy refused ${call} with ${status} (${refusal})${quote}`});
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
