import {test} from 'node:test';
import assert from 'node:assert/strict';
import {
  authenticate,
  confirmCode,
  getSelf,
  signOut,
  toCurl,
  REDACTED,
  type CallOptions,
  type DocSpaceFailure,
} from '../../../src/docspace';
import {MAX_ANSWER_BYTES} from '../../../src/docspace/contract';

const PASSWORD = 'demo-password';
const TOKEN = '6jo5Z2ek+Lt5kQ1vS0mDqXbLQpYlMGFEgA8dh0M/UcM=';

interface Sent {
  url: string;
  init: RequestInit;
}

/** A fetch that records what it was asked and answers with `answer` (a real Response). */
function fakeFetch(answer: (sent: Sent) => Response | Promise<Response>) {
  const calls: Sent[] = [];
  const fetch = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const sent = {url: String(input), init};
    calls.push(sent);
    return answer(sent);
  }) as typeof globalThis.fetch;
  return {fetch, calls};
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {status, headers: {'Content-Type': 'application/json; charset=utf-8', ...headers}});
const envelope = (response: unknown) => json({response, count: 1, status: 0, statusCode: 200});
const portalError = (status: number, message: string) =>
  json({error: {message, type: null, stack: null, hresult: 0}, status: 1, statusCode: status}, status);

const options = (fetch: typeof globalThis.fetch, extra: Partial<CallOptions> = {}) => ({
  portal: 'portal.example.com',
  pageProtocol: 'https:',
  userName: 'dana@example.com',
  password: PASSWORD,
  fetch,
  ...extra,
});

/** Signs in against a fake portal that answers `answer`, and expects a failure. */
async function failureOf(answer: () => Response | Promise<Response>, extra: Partial<CallOptions> = {}) {
  const {fetch} = fakeFetch(answer);
  const result = await authenticate(options(fetch, extra));
  assert.equal(result.ok, false);
  return result.ok ? (undefined as never) : {error: result.error, exchange: result.exchange};
}

function assertKind<K extends DocSpaceFailure['kind']>(error: DocSpaceFailure, kind: K): asserts error is Extract<DocSpaceFailure, {kind: K}> {
  assert.equal(error.kind, kind, `expected ${kind}, got ${JSON.stringify(error)}`);
}

test('authenticate sends the guide’s request and reads the token and its expiry', async () => {
  const {fetch, calls} = fakeFetch(() =>
    envelope({token: TOKEN, expires: '2027-08-13T10:15:30.1234567Z', sms: false, tfa: false}),
  );
  const result = await authenticate(options(fetch));
  assert.equal(calls.length, 1);
  const [{url, init}] = calls;
  assert.equal(url, 'https://portal.example.com/api/2.0/authentication');
  assert.equal(init.method, 'POST');
  assert.equal(init.credentials, 'omit');
  assert.deepEqual(init.headers, {Accept: 'application/json', 'Content-Type': 'application/json'});
  assert.deepEqual(JSON.parse(String(init.body)), {userName: 'dana@example.com', password: PASSWORD});
  assert.ok(result.ok && result.step === 'token');
  assert.equal(result.token.token, TOKEN);
  assert.equal(result.token.expires?.toISOString(), '2027-08-13T10:15:30.123Z');
  assert.equal(result.token.expiresRaw, '2027-08-13T10:15:30.1234567Z');
  assert.equal(result.exchange?.via, 'direct');
  assert.equal(result.exchange?.response?.status, 200);
});

test('any 2xx counts as success (the guide says 201, servers send 200)', async () => {
  const {fetch} = fakeFetch(() => json({response: {token: TOKEN, expires: '2027-08-13T10:15:30.1234567Z'}}, 201));
  const result = await authenticate(options(fetch));
  assert.ok(result.ok && result.step === 'token');
});

test('a session token asks with session: true and has no expiry of its own', async () => {
  const {fetch, calls} = fakeFetch(() => envelope({token: TOKEN, expires: '0001-01-01T00:00:00', sms: false, tfa: false}));
  const result = await authenticate({...options(fetch), session: true});
  assert.equal(JSON.parse(String(calls[0].init.body)).session, true);
  assert.ok(result.ok && result.step === 'token');
  assert.equal(result.token.expires, null);
  assert.equal(result.token.expiresRaw, '0001-01-01T00:00:00');
});

test('second factors: app or SMS, set up or still to be set up', async () => {
  const stepFor = async (payload: object) => {
    const result = await authenticate(options(fakeFetch(() => envelope(payload)).fetch));
    assert.ok(result.ok && result.step === 'second-factor', JSON.stringify(result));
    return result.secondFactor;
  };
  assert.deepEqual(await stepFor({tfa: true, confirmUrl: 'https://portal.example.com/wizard/TfaAuth?x=1'}), {
    method: 'app',
    setupRequired: false,
    confirmUrl: 'https://portal.example.com/wizard/TfaAuth?x=1',
  });
  assert.deepEqual(await stepFor({tfa: true, tfaKey: 'JBSWY3DPEHPK3PXP', confirmUrl: 'https://p/TfaActivation'}), {
    method: 'app',
    setupRequired: true,
    tfaKey: 'JBSWY3DPEHPK3PXP',
    confirmUrl: 'https://p/TfaActivation',
  });
  assert.equal((await stepFor({tfa: true, confirmUrl: 'https://p/confirm/TfaActivation'})).setupRequired, true);
  // A manual key is only ever sent for an app still to be set up, whatever the link looks like.
  assert.equal((await stepFor({tfa: true, tfaKey: 'JBSWY3DPEHPK3PXP'})).setupRequired, true);
  assert.equal((await stepFor({tfa: true, tfaKey: 'JBSWY3DPEHPK3PXP', confirmUrl: 'https://p/confirm/TfaAuth'})).setupRequired, true);
  const sms = await stepFor({sms: true, phoneNoise: '+1 *** *** 12 34', expires: '2027-08-13T10:20:00.0000000Z', confirmUrl: 'https://p/PhoneAuth'});
  assert.equal(sms.method, 'sms');
  assert.equal(sms.setupRequired, false);
  assert.equal(sms.phoneNoise, '+1 *** *** 12 34');
  assert.equal(sms.codeExpires?.toISOString(), '2027-08-13T10:20:00.000Z');
  assert.deepEqual(await stepFor({sms: true, confirmUrl: 'https://p/PhoneActivation'}), {
    method: 'sms',
    setupRequired: true,
    confirmUrl: 'https://p/PhoneActivation',
  });
  assert.equal((await stepFor({sms: true, phoneNoise: '+1 *** 34', confirmUrl: 'https://p/PhoneActivation'})).setupRequired, true);
});

test('an SMS answer without phoneNoise has no phone to send a code to: set-up required, whatever its link says', async () => {
  const stepFor = async (payload: object) => {
    const result = await authenticate(options(fakeFetch(() => envelope(payload)).fetch));
    assert.ok(result.ok && result.step === 'second-factor', JSON.stringify(result));
    return result.secondFactor;
  };
  assert.deepEqual(await stepFor({sms: true}), {method: 'sms', setupRequired: true});
  assert.equal((await stepFor({sms: true, confirmUrl: 'https://p/confirm/PhoneAuth'})).setupRequired, true);
  assert.equal((await stepFor({sms: true, phoneNoise: '', confirmUrl: 'https://p/confirm/PhoneAuth'})).setupRequired, true);
});

test('confirmCode sends the code in the path and the body', async () => {
  const {fetch, calls} = fakeFetch(() => envelope({token: TOKEN, expires: '2027-08-13T10:15:30.1234567Z', tfa: true}));
  const result = await confirmCode({...options(fetch), code: '123 456'});
  assert.equal(calls[0].url, 'https://portal.example.com/api/2.0/authentication/123456');
  assert.deepEqual(JSON.parse(String(calls[0].init.body)), {userName: 'dana@example.com', password: PASSWORD, code: '123456'});
  assert.ok(result.ok && result.step === 'token');
  assert.equal(result.token.token, TOKEN);

  const wrong = await confirmCode({...options(fakeFetch(() => portalError(401, 'User authentication failed')).fetch), code: '000000'});
  assert.ok(!wrong.ok);
  assertKind(wrong.error, 'http');
  assert.equal(wrong.error.message, 'POST https://portal.example.com/api/2.0/authentication/000000 answered 401: “User authentication failed”.');
  const path = await confirmCode({...options(fakeFetch(() => envelope({})).fetch), code: '1/2?'});
  assert.equal(path.exchange?.request.url, 'https://portal.example.com/api/2.0/authentication/1%2F2%3F');
});

test('getSelf sends the bare token and returns the profile', async () => {
  const profile = {id: '66faa6e4-f133-11ea-b126-00ffeec8b4ef', displayName: 'Dana Demo', isAdmin: false, status: 1};
  const {fetch, calls} = fakeFetch(() => envelope(profile));
  const result = await getSelf({portal: 'https://portal.example.com', token: TOKEN, fetch});
  assert.equal(calls[0].url, 'https://portal.example.com/api/2.0/people/@self');
  assert.equal(calls[0].init.method, 'GET');
  assert.equal(calls[0].init.body, undefined);
  assert.deepEqual(calls[0].init.headers, {Accept: 'application/json', Authorization: TOKEN});
  assert.ok(result.ok);
  assert.deepEqual(result.profile, profile);
  assert.equal(result.exchange?.request.headers.Authorization, REDACTED);
});

test('getSelf: a refused token (401, empty body) and an answer without a profile', async () => {
  const refused = await getSelf({portal: 'portal.example.com', token: TOKEN, fetch: fakeFetch(() => new Response('', {status: 401})).fetch});
  assert.ok(!refused.ok);
  assertKind(refused.error, 'http');
  assert.equal(refused.error.status, 401);
  assert.equal(refused.error.serverMessage, undefined);
  assert.equal(refused.error.message, 'GET https://portal.example.com/api/2.0/people/@self answered 401.');

  const empty = await getSelf({portal: 'portal.example.com', token: TOKEN, fetch: fakeFetch(() => envelope({displayName: 'x'})).fetch});
  assert.ok(!empty.ok);
  assertKind(empty.error, 'unexpected-answer');
});

test('signOut posts to /logout with the token and no body', async () => {
  const {fetch, calls} = fakeFetch(() => envelope(null));
  const result = await signOut({portal: 'portal.example.com', token: TOKEN, fetch});
  assert.ok(result.ok);
  assert.equal(calls[0].url, 'https://portal.example.com/api/2.0/authentication/logout');
  assert.equal(calls[0].init.method, 'POST');
  assert.equal(calls[0].init.body, undefined);
  assert.deepEqual(calls[0].init.headers, {Accept: 'application/json', Authorization: TOKEN});
});

test('an invalid address is refused before anything is sent', async () => {
  const {fetch, calls} = fakeFetch(() => envelope({}));
  const result = await authenticate(options(fetch, {portal: 'ftp://portal.example.com'}));
  assert.equal(calls.length, 0);
  assert.ok(!result.ok);
  assertKind(result.error, 'invalid-address');
  assert.equal(result.error.problem, 'scheme');
  assert.equal(result.exchange, undefined);
});

test('mixed content: an https page may not call an http portal, except on localhost', async () => {
  const {fetch, calls} = fakeFetch(() => envelope({token: TOKEN}));
  const blocked = await authenticate(options(fetch, {portal: 'http://portal.example.com'}));
  assert.equal(calls.length, 0, 'nothing is sent');
  assert.ok(!blocked.ok);
  assertKind(blocked.error, 'mixed-content');
  assert.equal(blocked.error.message, 'POST http://portal.example.com/api/2.0/authentication was not sent: an https page may not call an http:// address (mixed content).');
  assert.equal(blocked.exchange?.sent, false, 'recorded as not sent');
  assert.equal(blocked.exchange?.request.url, 'http://portal.example.com/api/2.0/authentication', 'kept for copy-as-cURL');

  for (const portal of ['http://localhost:8092', 'http://127.0.0.1:8092', 'http://[::1]:8092']) {
    assert.ok((await authenticate(options(fetch, {portal}))).ok, portal);
  }
  assert.ok((await authenticate(options(fetch, {portal: 'http://portal.example.com', pageProtocol: 'http:'}))).ok);
  const viaProxy = await authenticate(options(fetch, {portal: 'http://portal.example.com', proxyUrl: '/portal-proxy'}));
  assert.ok(viaProxy.ok, 'the proxy is on the page’s own origin');
  const viaHttpProxy = await authenticate(options(fetch, {proxyUrl: 'http://docs.example.com/portal-proxy'}));
  assert.ok(!viaHttpProxy.ok && viaHttpProxy.error.kind === 'mixed-content');
});

test('a rejected fetch is a network or CORS failure, and the message names both', async () => {
  const {error, exchange} = await failureOf(() => Promise.reject(new TypeError('Failed to fetch')));
  assertKind(error, 'network');
  assert.match(error.message, /^POST https:\/\/portal\.example\.com\/api\/2\.0\/authentication got no answer the page can read: the network failed, or .*\(CORS\)\.$/);
  assert.equal(exchange?.response, undefined);
  assert.equal(exchange?.sent, true);
});

test('a fault in reading an answer that arrived is the client’s own (client-bug), never a network or CORS failure, and quotes nothing of it', async () => {
  // An answer whose headers throw once the client reads them, as a bug in the classification would.
  const faulty = () => {
    const response = envelope({token: TOKEN, expires: '2027-08-13T10:15:30.1234567Z'});
    const headers = response.headers;
    Object.defineProperty(response, 'headers', {
      value: {
        get: (name: string) => headers.get(name),
        forEach: () => {
          throw new TypeError(`cannot read ${TOKEN}`);
        },
      },
    });
    return response;
  };
  const {error, exchange} = await failureOf(faulty);
  assertKind(error, 'client-bug');
  assert.equal(error.status, 200);
  assert.equal(error.message, 'POST https://portal.example.com/api/2.0/authentication answered 200, but this client failed to read the answer (a bug in the client).');
  assert.equal(exchange?.sent, true);
  assert.doesNotMatch(JSON.stringify({error, exchange}), /6jo5/);
});

test('timeout: a portal that does not answer in time, whether fetch honours the signal or not', async () => {
  const honours = (sent: Sent) =>
    new Promise<Response>((_, reject) => sent.init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
  const ignores = () => new Promise<Response>(() => {});
  const stalls = () => new Response(new ReadableStream({start() {}}), {status: 200});
  for (const answer of [honours, ignores, stalls]) {
    const {fetch} = fakeFetch(answer);
    const result = await authenticate(options(fetch, {timeoutMs: 20}));
    assert.ok(!result.ok);
    assertKind(result.error, 'timeout');
    assert.equal(result.error.timeoutMs, 20);
    assert.equal(result.error.message, 'POST https://portal.example.com/api/2.0/authentication got no answer within 0.02 s.');
  }
});

test('cancel: the caller’s signal ends the call as cancelled, before or during the request', async () => {
  const early = new AbortController();
  early.abort();
  const {fetch, calls} = fakeFetch(() => new Promise<Response>(() => {}));
  const before = await authenticate(options(fetch, {signal: early.signal}));
  assert.equal(calls.length, 0);
  assert.ok(!before.ok && before.error.kind === 'cancelled');

  const during = new AbortController();
  const pending = authenticate(options(fakeFetch(() => (during.abort(), new Promise<Response>(() => {}))).fetch, {signal: during.signal}));
  const result = await pending;
  assert.ok(!result.ok);
  assertKind(result.error, 'cancelled');
});

test('HTTP errors carry the status and the server’s message, and say which call got them, without advice', async () => {
  const call = 'POST https://portal.example.com/api/2.0/authentication';
  const cases: [Response, number, string | undefined, string][] = [
    [portalError(401, 'User authentication failed'), 401, 'User authentication failed', `${call} answered 401: “User authentication failed”.`],
    [new Response('Unauthorized', {status: 401}), 401, undefined, `${call} answered 401.`],
    [portalError(403, 'User disabled'), 403, 'User disabled', `${call} answered 403: “User disabled”.`],
    [
      portalError(403, 'Too many login attempts. Please try again later'),
      403,
      'Too many login attempts. Please try again later',
      `${call} answered 403: “Too many login attempts. Please try again later”.`,
    ],
    [new Response(null, {status: 403}), 403, undefined, `${call} answered 403.`],
    [new Response('', {status: 404}), 404, undefined, `${call} answered 404.`],
    [portalError(429, 'Too many requests'), 429, 'Too many requests', `${call} answered 429: “Too many requests”.`],
    // The quote keeps the server's words; only a final full stop goes, to avoid "…”."
    [portalError(500, 'Object reference not set.'), 500, 'Object reference not set.', `${call} answered 500: “Object reference not set”.`],
    [new Response('<html><h1>502 Bad Gateway</h1></html>', {status: 502, headers: {'Content-Type': 'text/html'}}), 502, undefined, `${call} answered 502.`],
  ];
  for (const [response, status, serverMessage, message] of cases) {
    const {error, exchange} = await failureOf(() => response);
    assertKind(error, 'http');
    assert.equal(error.status, status);
    assert.equal(error.serverMessage, serverMessage);
    assert.equal(error.message, message);
    assert.equal(exchange?.response?.status, status);
  }
});

test('a 2xx that is not JSON keeps the start of its body', async () => {
  const page = `<!doctype html><html><head><title>Sign in</title></head><body>${'x'.repeat(500)}</body></html>`;
  const {error, exchange} = await failureOf(() => new Response(page, {status: 200, headers: {'Content-Type': 'text/html'}}));
  assertKind(error, 'not-json');
  assert.equal(error.status, 200);
  assert.equal(error.bodyStart, page.slice(0, 200));
  assert.equal(exchange?.response?.body, page);
});

test('a 2xx JSON answer without a token is unexpected', async () => {
  for (const answer of [() => envelope({sms: false, tfa: false}), () => json({status: 0}), () => new Response('', {status: 200}), () => envelope({token: 42})]) {
    const {error} = await failureOf(answer);
    assertKind(error, 'unexpected-answer');
    assert.equal(error.status, 200);
  }
});

/**
 * Every string inside `value`, and what any string of it holds as JSON, read directly: searching a
 * JSON.stringify of the result would escape a secret again and miss one the portal sent escaped.
 */
function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch {
      return [value];
    }
    return [value, ...stringsIn(parsed)];
  }
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([name, item]) => [name, ...stringsIn(item)]);
  return [];
}

/** Fails if any string in `value` holds a secret, as it is or JSON-escaped. */
function assertHidden(value: unknown, secrets: Record<string, string>): void {
  for (const text of stringsIn(value)) {
    for (const [name, secret] of Object.entries(secrets)) {
      for (const form of new Set([secret, JSON.stringify(secret).slice(1, -1)])) {
        assert.ok(!text.includes(form), `the ${name} appears in: ${text}`);
      }
    }
  }
}

// Quotes and a backslash, so that its JSON-escaped form differs from the plain one.
const ODD_PASSWORD = `p@ss'wo"rd\\${PASSWORD}`;

test('the password and the token never appear in the exchange or the cURL command', async () => {
  // A hostile or buggy portal that echoes the password and sets the token as a cookie.
  const {fetch, calls} = fakeFetch(
    () =>
      new Response(JSON.stringify({response: {token: TOKEN, expires: '2027-08-13T10:15:30.1234567Z', echo: ODD_PASSWORD}}), {
        status: 200,
        headers: {'Content-Type': 'application/json', 'Set-Cookie': `asc_auth_key=${TOKEN}; HttpOnly`, 'X-Echo': ODD_PASSWORD},
      }),
  );
  const signedIn = await authenticate({...options(fetch), password: ODD_PASSWORD});
  assert.ok(signedIn.ok);
  assert.equal(JSON.parse(String(calls[0].init.body)).password, ODD_PASSWORD, 'the real password is what is sent');
  const self = await getSelf({portal: 'portal.example.com', token: TOKEN, fetch: fakeFetch(() => envelope({id: '1', displayName: TOKEN})).fetch});
  for (const result of [signedIn, self]) {
    assertHidden(result.exchange, {password: ODD_PASSWORD, token: TOKEN});
    assert.ok(JSON.stringify(result.exchange).includes(REDACTED));
    assertHidden(toCurl(result.exchange!), {password: ODD_PASSWORD, token: TOKEN});
  }
  assert.equal(JSON.parse(signedIn.exchange!.request.body!).password, REDACTED);
  assert.ok(toCurl(self.exchange!, {revealToken: TOKEN}).includes(`Authorization: ${TOKEN}`));
});

test('a server message that echoes the password is masked, in serverMessage and in the message', async () => {
  const failed = await authenticate({...options(fakeFetch(() => portalError(401, `bad password ${ODD_PASSWORD}`)).fetch), password: ODD_PASSWORD});
  assert.ok(!failed.ok);
  assertKind(failed.error, 'http');
  assert.equal(failed.error.serverMessage, `bad password ${REDACTED}`);
  assertHidden(failed, {password: ODD_PASSWORD});
});

test('a page that is not JSON and quotes the password JSON-escaped (in a script) is masked too', async () => {
  const page = `<html><script>var tried = ${JSON.stringify(ODD_PASSWORD)};</script><h1>502 Bad Gateway</h1></html>`;
  const failed = await authenticate({...options(fakeFetch(() => new Response(page, {status: 502})).fetch), password: ODD_PASSWORD});
  assert.ok(!failed.ok);
  assert.equal(failed.exchange?.response?.body, `<html><script>var tried = "${REDACTED}";</script><h1>502 Bad Gateway</h1></html>`);
  assertHidden(failed, {password: ODD_PASSWORD});
});

test('secrets are masked in the parsed JSON, whatever escapes the portal used (.NET writes + as \\u002B)', async () => {
  const escaped = (text: string) => text.replace(/[+/"\\]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}`);
  const body = `{"response":{"token":"${escaped(TOKEN)}","expires":"2027-08-13T10:15:30.1234567Z","echo":"${escaped(ODD_PASSWORD)}"},"status":0}`;
  const {fetch} = fakeFetch(() => new Response(body, {status: 200, headers: {'Content-Type': 'application/json'}}));
  const result = await authenticate({...options(fetch), password: ODD_PASSWORD});
  assert.ok(result.ok && result.step === 'token');
  assert.equal(result.token.token, TOKEN, 'the token itself is read from the parsed answer');
  assertHidden(result.exchange, {password: ODD_PASSWORD, token: TOKEN});
  assert.deepEqual(JSON.parse(result.exchange!.response!.body).response, {token: REDACTED, expires: '2027-08-13T10:15:30.1234567Z', echo: REDACTED});
});

test('an answer nested too deep to mask is shown as no body, and still classified as what it is', async () => {
  const deep = `{"response":${'['.repeat(200_000)}${']'.repeat(200_000)}}`;
  const {error, exchange} = await failureOf(() => new Response(deep, {status: 200, headers: {'Content-Type': 'application/json'}}));
  assertKind(error, 'unexpected-answer');
  assert.equal(exchange?.response?.body, '');
});

test('revealToken puts the token only in the Authorization header, never in place of the password, which stays $DOCSPACE_PASSWORD', async () => {
  const signedIn = await authenticate(options(fakeFetch(() => envelope({token: TOKEN, expires: '2027-08-13T10:15:30.1234567Z'})).fetch));
  assert.ok(signedIn.ok);
  const curl = toCurl(signedIn.exchange!, {revealToken: TOKEN});
  assert.ok(curl.includes(`--data-raw '{"userName":"dana@example.com","password":"'"\${DOCSPACE_PASSWORD:?}"'"}'`), curl);
  assert.ok(!curl.includes(TOKEN) && !curl.includes(REDACTED), curl);
});

test('an answer over 1 MB is refused while it streams: too-large, not a frozen tab or a timeout', async () => {
  const CHUNK = 64 * 1024;
  let pulled = 0;
  // 30 MB of JSON-looking bytes, made only as fast as they are read.
  const huge = () =>
    new Response(
      new ReadableStream<Uint8Array>({
        pull(controller) {
          if (pulled >= 30 * 1024 * 1024) return controller.close();
          pulled += CHUNK;
          controller.enqueue(new Uint8Array(CHUNK).fill(0x20));
        },
      }),
      {status: 200, headers: {'Content-Type': 'application/json'}},
    );
  const {error, exchange} = await failureOf(huge, {timeoutMs: 60_000});
  assertKind(error, 'too-large');
  assert.equal(error.status, 200);
  assert.equal(error.maxBytes, MAX_ANSWER_BYTES);
  assert.equal(error.message, 'POST https://portal.example.com/api/2.0/authentication answered 200 with more than 1 MB; reading stopped there.');
  assert.ok(pulled <= MAX_ANSWER_BYTES + 2 * CHUNK, `read ${pulled} bytes`);
  assert.equal(exchange?.response?.body, '');

  // A declared length over the cap is refused before reading anything.
  const declared = await failureOf(() => new Response('{}', {status: 200, headers: {'Content-Length': String(MAX_ANSWER_BYTES + 1)}}));
  assertKind(declared.error, 'too-large');
  // Exactly the cap is still read.
  const atCap = await failureOf(() => new Response(' '.repeat(MAX_ANSWER_BYTES - 2) + '{}', {status: 200}));
  assertKind(atCap.error, 'unexpected-answer');
});

test('via the proxy, an answer with X-Proxy-Refusal is the proxy’s refusal, not the portal’s answer', async () => {
  const refused = () =>
    new Response(JSON.stringify({error: {message: 'The proxy only connects to https portals', reason: 'insecure-target'}}), {
      status: 403,
      headers: {'Content-Type': 'application/json', 'X-Proxy-Refusal': 'insecure-target'},
    });
  const viaProxy = await failureOf(refused, {proxyUrl: 'https://docs.example.com/portal-proxy'});
  assertKind(viaProxy.error, 'proxy-refusal');
  assert.equal(viaProxy.error.status, 403);
  assert.equal(viaProxy.error.reason, 'insecure-target');
  assert.equal(viaProxy.error.proxyMessage, 'The proxy only connects to https portals');
  assert.equal(
    viaProxy.error.message,
    'The proxy answered POST https://portal.example.com/api/2.0/authentication with 403 (insecure-target): “The proxy only connects to https portals”.',
  );
  // Straight from a portal the header proves nothing: a portal cannot pass itself off as the proxy.
  const direct = await failureOf(refused);
  assertKind(direct.error, 'http');
  assert.equal(direct.error.status, 403);
  // Through the proxy without the header, a 403 is the portal's own answer, relayed.
  const relayed = await failureOf(() => portalError(403, 'User disabled'), {proxyUrl: 'https://docs.example.com/portal-proxy'});
  assertKind(relayed.error, 'http');
});

test('via the proxy: sent to the proxy with X-Portal-Origin, recorded as a call to the portal', async () => {
  const {fetch, calls} = fakeFetch(() => envelope({token: TOKEN, expires: '2027-08-13T10:15:30.1234567Z'}));
  const result = await authenticate(options(fetch, {proxyUrl: 'https://docs.example.com/portal-proxy', portal: 'Portal.Example.com/api/2.0'}));
  assert.equal(calls[0].url, 'https://docs.example.com/portal-proxy/api/2.0/authentication');
  assert.equal((calls[0].init.headers as Record<string, string>)['X-Portal-Origin'], 'https://portal.example.com');
  assert.ok(result.ok);
  assert.equal(result.exchange?.via, 'proxy');
  assert.equal(result.exchange?.request.url, 'https://portal.example.com/api/2.0/authentication');
  assert.equal(result.exchange?.request.headers['X-Portal-Origin'], undefined, 'the cURL command goes straight to the portal');
});
