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
} from '../../src/docspace';

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
  assert.match(wrong.error.message, /did not accept this code/);
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
  assert.match(refused.error.message, /did not accept this token/);

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
  assert.match(blocked.error.message, /https:\/\//);
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

test('a rejected fetch is a network or CORS failure, and the message says they look the same', async () => {
  const {error, exchange} = await failureOf(() => Promise.reject(new TypeError('Failed to fetch')));
  assertKind(error, 'network');
  assert.match(error.message, /CORS/);
  assert.match(error.message, /cannot tell/);
  assert.equal(exchange?.response, undefined);
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
    assert.match(result.error.message, /did not answer within 0.02 s/);
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

test('HTTP errors carry the status, the server’s message and advice', async () => {
  const cases: [Response, number, RegExp, string | undefined][] = [
    [portalError(401, 'User authentication failed'), 401, /did not accept this user name and password.*five failures within a minute/, 'User authentication failed'],
    [new Response('Unauthorized', {status: 401}), 401, /did not accept this user name and password/, undefined],
    [portalError(403, 'User disabled'), 403, /disabled.*administrator/, 'User disabled'],
    [portalError(403, 'Too many login attempts. Please try again later'), 403, /locked.*Wait a minute/, 'Too many login attempts. Please try again later'],
    [new Response(null, {status: 403}), 403, /refused.*locked/, undefined],
    [new Response('', {status: 404}), 404, /no such API/, undefined],
    [portalError(429, 'Too many requests'), 429, /too many requests/i, 'Too many requests'],
    [portalError(500, 'Object reference not set.'), 500, /portal failed.*“Object reference not set”\.$/, 'Object reference not set.'],
    [new Response('<html><h1>502 Bad Gateway</h1></html>', {status: 502, headers: {'Content-Type': 'text/html'}}), 502, /portal failed/, undefined],
  ];
  for (const [response, status, advice, serverMessage] of cases) {
    const {error, exchange} = await failureOf(() => response);
    assertKind(error, 'http');
    assert.equal(error.status, status);
    assert.equal(error.serverMessage, serverMessage);
    assert.match(error.message, advice);
    if (serverMessage) assert.ok(error.message.includes(`“${serverMessage.replace(/\.$/, '')}”.`), error.message);
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

test('the password and the token never appear in the exchange or the cURL command', async () => {
  const password = `p@ss'wo"rd\\${PASSWORD}`;
  // A hostile or buggy portal that echoes the password and sets the token as a cookie.
  const {fetch, calls} = fakeFetch(
    () =>
      new Response(JSON.stringify({response: {token: TOKEN, expires: '2027-08-13T10:15:30.1234567Z', echo: password}}), {
        status: 200,
        headers: {'Content-Type': 'application/json', 'Set-Cookie': `asc_auth_key=${TOKEN}; HttpOnly`, 'X-Echo': password},
      }),
  );
  const signedIn = await authenticate({...options(fetch), password});
  assert.ok(signedIn.ok);
  assert.equal(JSON.parse(String(calls[0].init.body)).password, password, 'the real password is what is sent');
  const self = await getSelf({portal: 'portal.example.com', token: TOKEN, fetch: fakeFetch(() => envelope({id: '1', displayName: TOKEN})).fetch});
  for (const result of [signedIn, self]) {
    const shown = JSON.stringify(result.exchange);
    assert.ok(!shown.includes(password) && !shown.includes(JSON.stringify(password).slice(1, -1)), shown);
    assert.ok(!shown.includes(TOKEN), shown);
    assert.ok(shown.includes(REDACTED));
    assert.ok(!toCurl(result.exchange!).includes(TOKEN));
    assert.ok(!toCurl(result.exchange!, {revealToken: TOKEN}).includes(password));
  }
  assert.equal(JSON.parse(signedIn.exchange!.request.body!).password, REDACTED);
  assert.ok(toCurl(self.exchange!, {revealToken: TOKEN}).includes(`Authorization: ${TOKEN}`));
  const failed = await authenticate({...options(fakeFetch(() => portalError(401, `bad password ${password}`)).fetch), password});
  assert.ok(!failed.ok && !JSON.stringify(failed).includes(password));
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
