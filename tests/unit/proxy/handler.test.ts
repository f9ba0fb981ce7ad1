/** The proxy's fetch handler with an injected upstream: what it relays, what it strips, what it refuses. */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {AddressRefusedError} from '../../../servers/proxy/address-policy';
import {type PortalProxyOptions, type ProxyLogEntry, type Upstream, type UpstreamInit, createPortalProxy} from '../../../servers/proxy/handler';
import {type RateLimitStore, createMemoryRateLimitStore} from '../../../servers/proxy/rate-limit';

const PORTAL = 'https://portal.example.com';
const SIGN_IN = 'http://docs.test/portal-proxy/api/2.0/authentication';
const SELF = 'http://docs.test/portal-proxy/api/2.0/people/@self';
const SECRET_BODY = JSON.stringify({userName: 'demo', password: 'hunter2-secret'});

interface Recorded {
  url: string;
  init: UpstreamInit;
  body: string;
}

/** An upstream that records what it was sent and answers with `answer()`. */
function fakeUpstream(answer: (init: UpstreamInit) => Response | Promise<Response> = () => Response.json({response: {token: 'tok'}})) {
  const calls: Recorded[] = [];
  const upstream: Upstream = async (url, init) => {
    calls.push({url, init, body: new TextDecoder().decode(init.body ?? new Uint8Array())});
    return answer(init);
  };
  return {upstream, calls};
}

function setup(answer?: Parameters<typeof fakeUpstream>[0], options: Partial<PortalProxyOptions> = {}) {
  const {upstream, calls} = fakeUpstream(answer);
  const logs: ProxyLogEntry[] = [];
  const proxy = createPortalProxy({upstream, log: (entry) => logs.push(entry), ...options});
  return {proxy, calls, logs};
}

function signIn(headers: Record<string, string> = {}, body: BodyInit = SECRET_BODY): Request {
  return new Request(SIGN_IN, {method: 'POST', headers: {'x-portal-origin': PORTAL, 'content-type': 'application/json', ...headers}, body, duplex: 'half'} as RequestInit);
}

async function reasonOf(response: Response): Promise<string> {
  const body = (await response.json()) as {error: {message: string; reason: string}};
  assert.equal(typeof body.error.message, 'string');
  return body.error.reason;
}

/**
 * Awaits a promise that only a timeout will settle. AbortSignal.timeout's timer does not keep
 * Node's event loop alive (a server would), so hold it open meanwhile.
 */
async function keepingLoopAlive<T>(promise: Promise<T>): Promise<T> {
  const timer = setInterval(() => undefined, 1000);
  try {
    return await promise;
  } finally {
    clearInterval(timer);
  }
}

/** Rejects when the signal aborts (already aborted included), like fetch does. */
function untilAborted(signal: AbortSignal): Promise<never> {
  return new Promise((_resolve, reject) => {
    if (signal.aborted) reject(signal.reason);
    signal.addEventListener('abort', () => reject(signal.reason));
  });
}

/** A request body that arrives in chunks with no Content-Length. */
function streamOf(totalBytes: number, chunkBytes = 1024): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= totalBytes) return controller.close();
      const size = Math.min(chunkBytes, totalBytes - sent);
      sent += size;
      controller.enqueue(new Uint8Array(size).fill(0x61));
    },
  });
}

describe('portal proxy handler: relaying', () => {
  it('sends the call to the portal origin with only the allowed request headers, no cookie or token, redirects not followed', async () => {
    const {proxy, calls} = setup();
    const response = await proxy(
      signIn({
        accept: 'application/json',
        'accept-language': 'de',
        authorization: 'Bearer abc',
        cookie: 'asc_auth_key=stolen',
        'x-forwarded-for': '203.0.113.9',
        'x-custom': '1',
        origin: 'http://docs.test',
        'sec-fetch-site': 'same-origin',
      }),
    );
    assert.equal(response.status, 200);
    assert.equal(calls.length, 1);
    const [call] = calls;
    assert.equal(call!.url, `${PORTAL}/api/2.0/authentication`);
    assert.equal(call!.init.method, 'POST');
    assert.equal(call!.init.redirect, 'manual');
    // Sign-in needs no token: an Authorization header sent along is not the portal's business.
    assert.deepEqual(call!.init.headers, {
      'content-type': 'application/json',
      accept: 'application/json',
      'accept-language': 'de',
    });
    assert.equal(call!.body, SECRET_BODY);
  });

  it('passes status and body through, strips Set-Cookie and other headers, adds no-store', async () => {
    const {proxy} = setup(
      () =>
        new Response('{"error":{"message":"User authentication failed"},"status":1,"statusCode":401}', {
          status: 401,
          headers: {
            'content-type': 'application/json; charset=utf-8',
            'set-cookie': 'asc_auth_key=secret; HttpOnly',
            'access-control-allow-origin': '*',
            server: 'Kestrel',
            'x-powered-by': 'ASP.NET',
          },
        }),
    );
    const response = await proxy(signIn());
    assert.equal(response.status, 401);
    assert.equal(await response.text(), '{"error":{"message":"User authentication failed"},"status":1,"statusCode":401}');
    assert.equal(response.headers.get('set-cookie'), null);
    assert.equal(response.headers.get('access-control-allow-origin'), null);
    assert.equal(response.headers.get('server'), null);
    assert.equal(response.headers.get('x-powered-by'), null);
    assert.equal(response.headers.get('content-type'), 'application/json; charset=utf-8');
    assert.equal(response.headers.get('cache-control'), 'no-store');
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
  });

  it('relays GET @self with the Authorization header and no body, and a bodyless 204', async () => {
    const {proxy, calls} = setup(() => new Response(null, {status: 204}));
    const response = await proxy(new Request(SELF, {headers: {'x-portal-origin': PORTAL, authorization: 'tok'}}));
    assert.equal(response.status, 204);
    assert.equal(calls[0]!.init.method, 'GET');
    assert.equal(calls[0]!.init.body, undefined);
    assert.equal(calls[0]!.init.headers.authorization, 'tok');
  });

  it('relays a second-factor code and logout, and logs the code masked; only logout carries the token', async () => {
    const {proxy, calls, logs} = setup();
    for (const path of ['authentication/654321', 'authentication/logout']) {
      const response = await proxy(new Request(`http://docs.test/portal-proxy/api/2.0/${path}`, {method: 'POST', headers: {'x-portal-origin': PORTAL, authorization: 'tok'}}));
      assert.equal(response.status, 200, path);
    }
    assert.deepEqual(calls.map((call) => call.url), [`${PORTAL}/api/2.0/authentication/654321`, `${PORTAL}/api/2.0/authentication/logout`]);
    assert.deepEqual(calls.map((call) => call.init.headers.authorization), [undefined, 'tok']);
    assert.deepEqual(logs.map((entry) => entry.path), ['/api/2.0/authentication/{code}', '/api/2.0/authentication/logout']);
  });

  it('refuses other portal calls under /authentication/ at the route, and logs their real path', async () => {
    for (const word of ['sendsms', 'setphone', 'confirm', 'register', 'LOGOUT', 'logout2', '12345', '1234567']) {
      const {proxy, calls, logs} = setup();
      const response = await proxy(new Request(`http://docs.test/portal-proxy/api/2.0/authentication/${word}`, {method: 'POST', headers: {'x-portal-origin': PORTAL}, body: '{}'}));
      assert.equal(response.status, 404, word);
      assert.equal(await reasonOf(response), 'unknown-path');
      assert.equal(calls.length, 0, `${word} never reaches the portal`);
      assert.equal(logs[0]!.path, `/portal-proxy/api/2.0/authentication/${word}`);
    }
  });

  it('logs method, path, target host, status and duration only: no body, password, token or Authorization', async () => {
    const {proxy, logs} = setup(() => Response.json({response: {token: 'issued-token-value'}}));
    await proxy(signIn({authorization: 'Bearer auth-header-value'}));
    assert.equal(logs.length, 1);
    const [entry] = logs;
    assert.deepEqual(Object.keys(entry!).sort(), ['durationMs', 'method', 'path', 'status', 'targetHost']);
    assert.deepEqual({...entry, durationMs: 0}, {method: 'POST', path: '/api/2.0/authentication', targetHost: 'portal.example.com', status: 200, durationMs: 0});
    const logged = JSON.stringify(logs);
    for (const secret of ['hunter2-secret', 'issued-token-value', 'auth-header-value']) assert.ok(!logged.includes(secret), secret);
  });

  it('uses a different base path when mounted elsewhere', async () => {
    const {proxy, calls} = setup(undefined, {basePath: '/api/proxy'});
    const response = await proxy(new Request('http://docs.test/api/proxy/api/2.0/authentication', {method: 'POST', headers: {'x-portal-origin': PORTAL}}));
    assert.equal(response.status, 200);
    assert.equal(calls[0]!.url, `${PORTAL}/api/2.0/authentication`);
  });
});

describe('portal proxy handler: the API key calls', () => {
  const KEYS = 'http://docs.test/portal-proxy/api/2.0/keys';
  const KEY_ID = '75a5f745-f697-4418-b38d-0fe0d277e258';
  const keyCall = (method: string, path: string, body?: unknown) =>
    new Request(`${KEYS}${path}`, {
      method,
      headers: {'x-portal-origin': PORTAL, authorization: 'tok', ...(body === undefined ? {} : {'content-type': 'application/json'})},
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });

  it('relays exactly the six calls, each with the token, a body only for create and update; key ids logged as {keyId}', async () => {
    const {proxy, calls, logs} = setup(() => Response.json({response: true}));
    const sent: [string, string, unknown?][] = [
      ['GET', '/permissions'],
      ['POST', '', {name: 'cron', permissions: ['accounts:read'], expiresInDays: 30}],
      ['GET', ''],
      ['GET', '/@self'],
      ['PUT', `/${KEY_ID}`, {isActive: false}],
      ['DELETE', `/${KEY_ID}`],
    ];
    for (const [method, path, body] of sent) assert.equal((await proxy(keyCall(method, path, body))).status, 200, `${method} ${path}`);
    assert.deepEqual(
      calls.map((call) => [call.init.method, call.url, call.init.headers.authorization, call.body]),
      sent.map(([method, path, body]) => [method, `${PORTAL}/api/2.0/keys${path}`, 'tok', body === undefined ? '' : JSON.stringify(body)]),
    );
    assert.deepEqual(
      logs.map((entry) => `${entry.method} ${entry.path}`),
      ['GET /api/2.0/keys/permissions', 'POST /api/2.0/keys', 'GET /api/2.0/keys', 'GET /api/2.0/keys/@self', 'PUT /api/2.0/keys/{keyId}', 'DELETE /api/2.0/keys/{keyId}'],
    );
    assert.ok(!JSON.stringify(logs).includes(KEY_ID));
  });

  it('a new key\'s secret in the answer reaches the client and no log line', async () => {
    const secret = 'sk-0123456789abcdef0123456789abcdef';
    const {proxy, logs} = setup(() => Response.json({response: {id: KEY_ID, name: 'cron', key: secret, keyPostfix: 'cdef', permissions: ['*'], isActive: true}}));
    const response = await proxy(keyCall('POST', '', {name: 'cron'}));
    assert.equal(((await response.json()) as {response: {key: string}}).response.key, secret);
    assert.equal(logs.length, 1);
    assert.ok(!JSON.stringify(logs).includes(secret) && !JSON.stringify(logs).includes('cdef'));
  });

  const refused: [string, Request, number, string][] = [
    ['a neighbouring path, /keys/x/y', keyCall('GET', '/x/y'), 404, 'unknown-path'],
    ['a key id that is not a GUID', keyCall('DELETE', '/sk-0123'), 404, 'unknown-path'],
    ['below a key id', keyCall('GET', `/${KEY_ID}/secret`), 404, 'unknown-path'],
    ['GET of one key (no such call)', keyCall('GET', `/${KEY_ID}`), 405, 'method-not-allowed'],
    ['PATCH of a key', keyCall('PATCH', `/${KEY_ID}`, {isActive: false}), 405, 'method-not-allowed'],
    ['DELETE of every key', keyCall('DELETE', ''), 405, 'method-not-allowed'],
    ['PUT with another body shape', keyCall('PUT', `/${KEY_ID}`, {userName: 'demo', password: 'x'}), 400, 'body-not-allowed'],
    ['PUT with a field of the wrong type', keyCall('PUT', `/${KEY_ID}`, {isActive: 'false'}), 400, 'body-not-allowed'],
    ['PUT with a body that is not JSON', keyCall('PUT', `/${KEY_ID}`, 'isActive=false'), 400, 'body-not-allowed'],
    ['POST without a name', keyCall('POST', '', {permissions: ['*']}), 400, 'body-not-allowed'],
    ['POST with an extra field', keyCall('POST', '', {name: 'x', userId: 'someone-else'}), 400, 'body-not-allowed'],
    ['POST with a list for a body', keyCall('POST', '', [{name: 'x'}]), 400, 'body-not-allowed'],
    ['a page on another site', new Request(`${KEYS}`, {method: 'POST', headers: {'x-portal-origin': PORTAL, origin: 'https://evil.example'}, body: '{"name":"x"}'}), 403, 'cross-site-request'],
  ];
  for (const [name, request, status, reason] of refused) {
    it(`${name}: ${status} ${reason}, nothing relayed`, async () => {
      const {proxy, calls} = setup();
      const response = await proxy(request);
      assert.equal(response.status, status);
      assert.equal(await reasonOf(response), reason);
      assert.equal(calls.length, 0);
    });
  }
});

describe('portal proxy handler: refusals (the upstream is never called)', () => {
  const cases: [string, Request, number, string][] = [
    ['unknown path', new Request('http://docs.test/portal-proxy/api/2.0/files/@my', {headers: {'x-portal-origin': PORTAL}}), 404, 'unknown-path'],
    ['outside the mount', new Request('http://docs.test/api/2.0/authentication', {method: 'POST', headers: {'x-portal-origin': PORTAL}}), 404, 'unknown-path'],
    ['wrong method', new Request(SIGN_IN, {method: 'PUT', headers: {'x-portal-origin': PORTAL}, body: '{}'}), 405, 'method-not-allowed'],
    ['query string', new Request(`${SELF}?fields=email`, {headers: {'x-portal-origin': PORTAL}}), 400, 'query-not-allowed'],
    ['encoded slash', new Request('http://docs.test/portal-proxy/api/2.0/authentication%2Flogout', {method: 'POST', headers: {'x-portal-origin': PORTAL}}), 400, 'path-not-normalised'],
    ['double slash', new Request('http://docs.test/portal-proxy/api/2.0//people/@self', {headers: {'x-portal-origin': PORTAL}}), 400, 'path-not-normalised'],
    ['no X-Portal-Origin', new Request(SIGN_IN, {method: 'POST', body: SECRET_BODY}), 400, 'missing-portal-origin'],
    ['origin with a path', signIn({'x-portal-origin': `${PORTAL}/api`}), 400, 'malformed-portal-origin'],
    ['origin with credentials', signIn({'x-portal-origin': 'https://a:b@portal.example.com'}), 400, 'malformed-portal-origin'],
    ['http target', signIn({'x-portal-origin': 'http://portal.example.com'}), 403, 'insecure-target'],
    ['loopback http target, loopback not allowed', signIn({'x-portal-origin': 'http://127.0.0.1:8092'}), 403, 'insecure-target'],
    ['metadata IP literal', signIn({'x-portal-origin': 'https://169.254.169.254'}), 403, 'address-not-allowed'],
    ['private IP literal', signIn({'x-portal-origin': 'https://10.0.0.5'}), 403, 'address-not-allowed'],
    ['IPv4-mapped private literal', signIn({'x-portal-origin': 'https://[::ffff:a00:5]'}), 403, 'address-not-allowed'],
    ['body over 16 KB, streamed without Content-Length', signIn({}, streamOf(16 * 1024 + 1)), 413, 'request-too-large'],
    ['public portal on another port', signIn({'x-portal-origin': 'https://portal.example.com:8443'}), 403, 'port-not-allowed'],
    ['a page on another site (Sec-Fetch-Site)', signIn({'sec-fetch-site': 'cross-site'}), 403, 'cross-site-request'],
    ['a page on another site (Origin)', signIn({origin: 'https://evil.example'}), 403, 'cross-site-request'],
    ['a sibling subdomain', signIn({origin: 'http://evil.docs.test', 'sec-fetch-site': 'same-site'}), 403, 'cross-site-request'],
    ['a sandboxed frame (Origin: null)', signIn({origin: 'null'}), 403, 'cross-site-request'],
  ];
  for (const [name, request, status, reason] of cases) {
    it(`${name}: ${status} ${reason}`, async () => {
      const {proxy, calls, logs} = setup();
      const response = await proxy(request);
      assert.equal(response.status, status);
      assert.equal(response.headers.get('x-proxy-refusal'), reason, 'the reason in the header the client trusts');
      assert.equal(await reasonOf(response), reason);
      assert.equal(response.headers.get('cache-control'), 'no-store');
      assert.equal(calls.length, 0);
      assert.equal(logs.length, 1);
      assert.equal(logs[0]!.status, status);
    });
  }

  it('serves its own site\'s pages, and clients that are not browsers', async () => {
    const {proxy, calls} = setup();
    for (const headers of [
      {origin: 'http://docs.test', 'sec-fetch-site': 'same-origin'},
      {'sec-fetch-site': 'same-origin'},
      {'sec-fetch-site': 'none'},
      {},
    ] as Record<string, string>[]) {
      assert.equal((await proxy(signIn(headers))).status, 200, JSON.stringify(headers));
    }
    assert.equal(calls.length, 4);
  });

  it('a page on another site cannot spend its reader\'s rate budget', async () => {
    const {proxy} = setup(undefined, {rateLimit: {max: 2, windowMs: 60_000}});
    for (let i = 0; i < 5; i++) assert.equal((await proxy(signIn({'sec-fetch-site': 'cross-site'}), {clientIp: '198.51.100.7'})).status, 403);
    assert.equal((await proxy(signIn({'sec-fetch-site': 'same-origin'}), {clientIp: '198.51.100.7'})).status, 200);
  });

  it('with the site origin pinned (PROXY_SITE_ORIGIN), takes only that origin', async () => {
    const {proxy} = setup(undefined, {siteOrigin: 'https://docs.example.org'});
    assert.equal((await proxy(signIn({origin: 'https://docs.example.org'}))).status, 200);
    const refused = await proxy(signIn({origin: 'http://docs.test'}));
    assert.equal(refused.status, 403, 'the Host alone no longer vouches for the Origin');
    assert.equal(await reasonOf(refused), 'cross-site-request');
  });

  it('answers 405 with an Allow header', async () => {
    const {proxy} = setup();
    const response = await proxy(new Request(SELF, {method: 'DELETE', headers: {'x-portal-origin': PORTAL}}));
    assert.equal(response.status, 405);
    assert.equal(response.headers.get('allow'), 'GET');
  });

  it('refuses `..` seen in the raw request target even though URL parsing removed it', async () => {
    const {proxy, calls} = setup();
    const response = await proxy(signIn(), {rawTarget: '/portal-proxy/api/2.0/people/../authentication'});
    assert.equal(response.status, 400);
    assert.equal(await reasonOf(response), 'path-not-normalised');
    assert.equal(calls.length, 0);
  });

  it('accepts a body of exactly 16 KB', async () => {
    const {proxy, calls} = setup();
    const response = await proxy(signIn({}, streamOf(16 * 1024)));
    assert.equal(response.status, 200);
    assert.equal(calls[0]!.body.length, 16 * 1024);
  });

  it('keeps to the operator allow-list', async () => {
    const {proxy, calls} = setup(undefined, {allowedHosts: ['*.onlyoffice.com']});
    const refused = await proxy(signIn());
    assert.equal(refused.status, 403);
    assert.equal(await reasonOf(refused), 'host-not-allowed');
    const allowed = await proxy(signIn({'x-portal-origin': 'https://acme.onlyoffice.com'}));
    assert.equal(allowed.status, 200);
    assert.deepEqual(calls.map((call) => call.url), ['https://acme.onlyoffice.com/api/2.0/authentication']);
  });

  it('rate-limits per client IP with Retry-After, counting refused requests too', async () => {
    const {proxy, calls} = setup(undefined, {rateLimit: {max: 2, windowMs: 60_000}, rateLimitStore: createMemoryRateLimitStore({now: () => 0})});
    assert.equal((await proxy(signIn(), {clientIp: '198.51.100.1'})).status, 200);
    assert.equal((await proxy(new Request(SIGN_IN), {clientIp: '198.51.100.1'})).status, 405);
    const limited = await proxy(signIn(), {clientIp: '198.51.100.1'});
    assert.equal(limited.status, 429);
    assert.equal(limited.headers.get('retry-after'), '60');
    assert.equal(await reasonOf(limited), 'rate-limited');
    assert.equal((await proxy(signIn(), {clientIp: '198.51.100.2'})).status, 200, 'another reader is not affected');
    assert.equal(calls.length, 2);
  });

  it('ignores X-Forwarded-For unless proxies in front are trusted', async () => {
    const forged = (ip: string) => signIn({'x-forwarded-for': ip});
    const untrusting = setup(undefined, {rateLimit: {max: 1, windowMs: 60_000}});
    assert.equal((await untrusting.proxy(forged('203.0.113.1'), {clientIp: '10.0.0.2'})).status, 200);
    assert.equal((await untrusting.proxy(forged('203.0.113.2'), {clientIp: '10.0.0.2'})).status, 429, 'a new forged address is not a new budget');

    // Behind one load balancer (10.0.0.2) each reader has a budget of their own.
    const trusting = setup(undefined, {rateLimit: {max: 1, windowMs: 60_000}, trustHops: 1});
    assert.equal((await trusting.proxy(forged('198.51.100.1'), {clientIp: '10.0.0.2'})).status, 200);
    assert.equal((await trusting.proxy(forged('198.51.100.2'), {clientIp: '10.0.0.2'})).status, 200);
    assert.equal((await trusting.proxy(forged('198.51.100.1'), {clientIp: '10.0.0.2'})).status, 429);
    assert.equal((await trusting.proxy(forged('203.0.113.9, 198.51.100.1'), {clientIp: '10.0.0.2'})).status, 429, 'a forged entry further left does not help');
  });

  it('limits the calls to one portal from all clients together: 429 portal-rate-limited', async () => {
    const {proxy, calls} = setup(undefined, {portalRateLimit: {max: 2, windowMs: 60_000}});
    for (const clientIp of ['198.51.100.1', '198.51.100.2']) assert.equal((await proxy(signIn(), {clientIp})).status, 200);
    const limited = await proxy(signIn(), {clientIp: '198.51.100.3'});
    assert.equal(limited.status, 429);
    assert.equal(await reasonOf(limited), 'portal-rate-limited');
    assert.equal(limited.headers.get('retry-after'), '60');
    const other = await proxy(signIn({'x-portal-origin': 'https://other.example.com'}), {clientIp: '198.51.100.3'});
    assert.equal(other.status, 200, 'another portal has its own budget');
    assert.equal(calls.length, 3);
  });

  it('fails closed with 503 rate-limit-unavailable when the rate-limit store fails or hangs', async () => {
    const failing: RateLimitStore = {hit: () => Promise.reject(new Error('connection refused'))};
    const hanging: RateLimitStore = {hit: () => new Promise(() => undefined)};
    for (const [name, store] of [['failing', failing], ['hanging', hanging]] as const) {
      const {proxy, calls, logs} = setup(undefined, {rateLimitStore: store});
      const started = performance.now();
      const response = await keepingLoopAlive(proxy(signIn()));
      assert.equal(response.status, 503, name);
      assert.equal(await reasonOf(response), 'rate-limit-unavailable');
      assert.ok(performance.now() - started < 3000, `${name}: answered within the store deadline`);
      assert.equal(calls.length, 0);
      assert.equal(logs[0]!.status, 503);
    }
  });
});

describe('portal proxy handler: request body deadline and clients that go away', () => {
  it('refuses a body that does not arrive in time: 408 request-timeout, nothing relayed', {timeout: 5000}, async () => {
    const trickle = new ReadableStream<Uint8Array>({start: (controller) => controller.enqueue(new TextEncoder().encode('{"userName":'))});
    const {proxy, calls, logs} = setup(undefined, {requestBodyTimeoutMs: 100});
    const response = await keepingLoopAlive(proxy(signIn({}, trickle)));
    assert.equal(response.status, 408);
    assert.equal(response.headers.get('x-proxy-refusal'), 'request-timeout');
    assert.equal(calls.length, 0);
    assert.deepEqual(logs.map((entry) => entry.status), [408]);
  });

  it('a client that aborts mid-body gets a 499 and one log line; nothing is relayed or thrown', async () => {
    let fail!: (error: Error) => void;
    const broken = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"userName":'));
        fail = (error) => controller.error(error);
      },
    });
    const {proxy, calls, logs} = setup();
    const pending = proxy(signIn({}, broken));
    fail(Object.assign(new Error('aborted'), {code: 'ECONNRESET'}));
    const response = await pending;
    assert.equal(response.status, 499);
    assert.equal(await reasonOf(response), 'client-closed');
    assert.equal(calls.length, 0);
    assert.equal(logs.length, 1);
  });
});

describe('portal proxy handler: what comes back from the portal', () => {
  it('never passes on an X-Proxy-Refusal header from the portal (a portal cannot pose as the proxy)', async () => {
    const {proxy} = setup(() => Response.json({error: {message: 'x', reason: 'rate-limited'}}, {status: 429, headers: {'x-proxy-refusal': 'rate-limited'}}));
    const response = await proxy(signIn());
    assert.equal(response.status, 429);
    assert.equal(response.headers.get('x-proxy-refusal'), null);
  });

  it('maps a status HTTP does not have to 502, saying so', async () => {
    // undici's fetch passes such a status through (a real portal can send `HTTP/1.1 600`); Response's constructor cannot hold it.
    const strange = {status: 600, statusText: 'X', type: 'default', headers: new Headers({'content-type': 'application/json'}), body: null} as unknown as Response;
    const {proxy, logs} = setup(() => strange);
    const response = await proxy(signIn());
    assert.equal(response.status, 502);
    assert.equal(response.headers.get('x-proxy-refusal'), 'upstream-unreachable');
    assert.match(((await response.json()) as {error: {message: string}}).error.message, /status 600/);
    assert.equal(logs[0]!.status, 502);
  });

  it('never follows a redirect: 502', async () => {
    for (const status of [301, 302, 307, 308]) {
      const {proxy} = setup(() => new Response(null, {status, headers: {location: 'http://169.254.169.254/latest/meta-data'}}));
      const response = await proxy(signIn());
      assert.equal(response.status, 502, String(status));
      assert.equal(await reasonOf(response), 'upstream-redirect');
      assert.equal(response.headers.get('location'), null);
    }
  });

  it('refuses an answer over 1 MB (counted as it streams), accepts exactly 1 MB', async () => {
    const oneMegabyte = 1024 * 1024;
    const over = setup(() => new Response(streamOf(oneMegabyte + 1, 64 * 1024)));
    const refused = await over.proxy(signIn());
    assert.equal(refused.status, 502);
    assert.equal(await reasonOf(refused), 'response-too-large');

    const exact = setup(() => new Response(streamOf(oneMegabyte, 64 * 1024)));
    const relayed = await exact.proxy(signIn());
    assert.equal(relayed.status, 200);
    assert.equal((await relayed.arrayBuffer()).byteLength, oneMegabyte);
  });

  it('gives up on a slow portal: 504', async () => {
    const {proxy} = setup((init) => untilAborted(init.signal), {timeoutMs: 50});
    const response = await keepingLoopAlive(proxy(signIn()));
    assert.equal(response.status, 504);
    assert.equal(await reasonOf(response), 'upstream-timeout');
  });

  it('gives up on a portal that sends headers and then stalls the body: 504', async () => {
    const stalls = () => new Response(new ReadableStream({start: (controller) => controller.enqueue(new Uint8Array([0x7b]))}));
    const {proxy} = setup(stalls, {timeoutMs: 50});
    const response = await keepingLoopAlive(proxy(signIn()));
    assert.equal(response.status, 504);
  });

  it('maps an unreachable portal to 502 and an address refused by the upstream to 403', async () => {
    const unreachable = setup(() => Promise.reject(new TypeError('fetch failed', {cause: new Error('ECONNREFUSED')})));
    const first = await unreachable.proxy(signIn());
    assert.equal(first.status, 502);
    assert.equal(await reasonOf(first), 'upstream-unreachable');

    const refusedAddress = setup(() =>
      Promise.reject(new TypeError('fetch failed', {cause: new AddressRefusedError('portal.example.com', '10.0.0.5', 'private')})),
    );
    const second = await refusedAddress.proxy(signIn());
    assert.equal(second.status, 403);
    assert.equal(await reasonOf(second), 'address-not-allowed');
  });

  it('stops waiting for the portal when the client goes away', async () => {
    const client = new AbortController();
    const {proxy} = setup((init) => {
      client.abort();
      return untilAborted(init.signal);
    });
    const response = await proxy(new Request(SIGN_IN, {method: 'POST', headers: {'x-portal-origin': PORTAL}, body: '{}', signal: client.signal}));
    assert.equal(response.status, 499);
  });
});
