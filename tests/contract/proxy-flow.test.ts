/**
 * The proxy over real HTTP against the sandbox portal in strict mode (no CORS headers at all):
 * the guide's whole flow, a second factor, and a bounded load test. 127.0.0.1 only.
 */
import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {setFlagsFromString} from 'node:v8';
import {runInNewContext} from 'node:vm';
import {type RunningSandbox, startSandbox} from '../../servers/sandbox/node';
import {SANDBOX_CODE, SANDBOX_PASSWORD} from '../../servers/sandbox/accounts';
import {type RunningPortalProxy, startPortalProxy} from '../../servers/proxy/node';

let sandbox: RunningSandbox;
let proxy: RunningPortalProxy;

before(async () => {
  sandbox = await startSandbox({port: 0, cors: false});
  // The load test below sends hundreds of calls from one IP to one portal; the rate limits are tested on their own.
  const unlimited = {max: 100_000, windowMs: 60_000};
  proxy = await startPortalProxy({allowLoopback: true, rateLimit: unlimited, portalRateLimit: unlimited, log: () => undefined});
});
after(async () => {
  await proxy.close();
  await sandbox.close();
});

function call(path: string, init: {method?: string; token?: string; body?: unknown} = {}): Promise<Response> {
  const headers: Record<string, string> = {'x-portal-origin': sandbox.url, accept: 'application/json'};
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  if (init.token) headers.authorization = init.token;
  return fetch(`${proxy.proxyUrl}${path}`, {
    method: init.method ?? 'GET',
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}

interface Envelope<T> {
  response?: T;
  statusCode: number;
  error?: {message: string};
}

async function signIn(userName = 'demo'): Promise<{response: Response; body: Envelope<{token?: string; tfa?: boolean; expires?: string}>}> {
  const response = await call('/api/2.0/authentication', {method: 'POST', body: {userName, password: SANDBOX_PASSWORD}});
  return {response, body: (await response.json()) as Envelope<{token?: string; tfa?: boolean}>};
}

describe('proxy contract: the guide flow through the proxy (sandbox without CORS)', () => {
  it('the sandbox in strict mode really sends no CORS headers (so a browser needs the proxy)', async () => {
    const direct = await fetch(`${sandbox.url}/api/2.0/authentication`, {method: 'POST', headers: {'content-type': 'application/json', origin: 'http://docs.test'}, body: '{}'});
    assert.equal(direct.headers.get('access-control-allow-origin'), null);
    await direct.arrayBuffer();
  });

  it('authenticate → @self → logout, with cookies stripped and nothing cached', async () => {
    const {response, body} = await signIn();
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('set-cookie'), null, 'the portal sets asc_auth_key; the proxy drops it');
    assert.equal(response.headers.get('cache-control'), 'no-store');
    assert.match(response.headers.get('content-type') ?? '', /^application\/json/);
    const token = body.response?.token;
    assert.ok(token, 'a token');

    const self = await call('/api/2.0/people/@self', {token});
    assert.equal(self.status, 200);
    const profile = (await self.json()) as Envelope<{displayName: string; userName: string}>;
    assert.equal(profile.response?.displayName, 'Dana Demo');

    const logout = await call('/api/2.0/authentication/logout', {method: 'POST', token});
    assert.equal(logout.status, 200);
    assert.equal(logout.headers.get('set-cookie'), null);
    await logout.arrayBuffer();

    const afterLogout = await call('/api/2.0/people/@self', {token});
    assert.equal(afterLogout.status, 401, 'the token no longer works');
    await afterLogout.arrayBuffer();
  });

  it('passes the portal\'s failures through unchanged', async () => {
    const wrong = await call('/api/2.0/authentication', {method: 'POST', body: {userName: 'disabled', password: SANDBOX_PASSWORD}});
    assert.equal(wrong.status, 403);
    assert.equal(((await wrong.json()) as Envelope<never>).error?.message, 'User disabled');

    const noToken = await call('/api/2.0/people/@self');
    assert.equal(noToken.status, 401);
    await noToken.arrayBuffer();
  });

  it('second factor: tfa answer, then the code in the path and the body', async () => {
    const first = await signIn('app-2fa');
    assert.equal(first.response.status, 200);
    assert.equal(first.body.response?.tfa, true);
    assert.equal(first.body.response?.token, undefined);

    const confirmed = await call(`/api/2.0/authentication/${SANDBOX_CODE}`, {method: 'POST', body: {userName: 'app-2fa', password: SANDBOX_PASSWORD, code: SANDBOX_CODE}});
    assert.equal(confirmed.status, 200);
    assert.ok(((await confirmed.json()) as Envelope<{token?: string}>).response?.token);
  });
});

/** `gc()` without starting Node with --expose-gc (the test script does not pass it). */
function exposeGc(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/** The heap once closed sockets and finished requests have been let go (they are, a few ticks later). */
async function retainedHeap(gc: () => void): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, 200));
  gc();
  gc();
  // Buffers and typed arrays live outside the JS heap: count them too, or a leaked body goes unseen.
  const {heapUsed, arrayBuffers} = process.memoryUsage();
  return heapUsed + arrayBuffers;
}

describe('proxy contract: load', () => {
  it('200 concurrent sign-ins through the proxy all succeed, and the heap does not keep growing', async () => {
    const gc = exposeGc();
    const round = async () => {
      const results = await Promise.all(Array.from({length: 200}, () => signIn()));
      const failed = results.filter(({response, body}) => response.status !== 200 || !body.response?.token);
      const statuses = failed.map(({response}) => response.status).join(', ');
      assert.equal(failed.length, 0, `${failed.length} of 200 sign-ins failed (${statuses})`);
    };
    // The first rounds warm up connection pools, JIT and caches; later rounds must not add to them.
    await round();
    await round();
    const baseline = await retainedHeap(gc);
    for (let i = 0; i < 2; i++) await round();
    const growth = (await retainedHeap(gc)) - baseline;
    // 400 more sign-ins. What stays without a leak, measured on this machine: 2 to 3 MB (the sandbox's
    // 400 tokens, sockets and buffers still being let go). The bound allows 12.5 KB a call, so a proxy
    // that keeps 20 KB a call (8 MB in all) fails here, as does any larger leak.
    assert.ok(growth < 5 * 1024 * 1024, `memory grew by ${(growth / 2 ** 20).toFixed(1)} MB over 400 sign-ins`);
  });
});
