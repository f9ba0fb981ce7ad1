/**
 * Each refusal of the proxy over real HTTP: raw path tricks only a socket can send, a name
 * resolving to 127.0.0.1, a redirect to another host, size and time limits, the rate limit.
 * Every server listens on 127.0.0.1; resolvers answer made-up names with 127.0.0.1 only.
 */
import assert from 'node:assert/strict';
import {createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse} from 'node:http';
import type {AddressInfo} from 'node:net';
import {after, before, describe, it} from 'node:test';
import {type NodePortalProxyOptions, type RunningPortalProxy, startPortalProxy} from '../../servers/proxy/node';
import {type RunningSandbox, startSandbox} from '../../servers/sandbox/node';
import {SANDBOX_PASSWORD} from '../../servers/sandbox/accounts';

/** A local server that counts the connections and requests it sees. */
async function startCountingServer(answer: (req: IncomingMessage, res: ServerResponse) => void) {
  const seen = {connections: 0, requests: 0};
  const server: Server = createServer((req, res) => {
    seen.requests++;
    answer(req, res);
  });
  server.on('connection', () => seen.connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    seen,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Sends a request with the target exactly as written (fetch would normalise `..`). */
function rawRequest(proxyUrl: string, method: string, target: string, headers: Record<string, string>, body?: string): Promise<{status: number; body: string}> {
  const {hostname, port} = new URL(proxyUrl);
  return new Promise((resolve, reject) => {
    const req = httpRequest({host: hostname, port, method, path: target, headers}, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({status: res.statusCode ?? 0, body: text}));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const reasonOf = (body: string) => (JSON.parse(body) as {error: {reason: string}}).error.reason;

async function withProxy<T>(options: NodePortalProxyOptions, run: (proxy: RunningPortalProxy) => Promise<T>): Promise<T> {
  const proxy = await startPortalProxy({log: () => undefined, ...options});
  try {
    return await run(proxy);
  } finally {
    await proxy.close();
  }
}

let sandbox: RunningSandbox;
let proxy: RunningPortalProxy;
before(async () => {
  sandbox = await startSandbox({port: 0, cors: false, slowMs: 5_000});
  proxy = await startPortalProxy({allowLoopback: true, rateLimit: {max: 10_000, windowMs: 60_000}, log: () => undefined});
});
after(async () => {
  await proxy.close();
  await sandbox.close();
});

const signInBody = JSON.stringify({userName: 'demo', password: SANDBOX_PASSWORD});

describe('proxy contract: paths and methods', () => {
  for (const [name, method, target, status, reason] of [
    ['dot-dot segment', 'POST', '/portal-proxy/api/2.0/people/../authentication', 400, 'path-not-normalised'],
    ['encoded dot-dot', 'POST', '/portal-proxy/api/2.0/people/%2e%2e/authentication', 400, 'path-not-normalised'],
    ['encoded slash', 'POST', '/portal-proxy/api/2.0/authentication%2flogout', 400, 'path-not-normalised'],
    ['double slash', 'GET', '/portal-proxy/api/2.0//people/@self', 400, 'path-not-normalised'],
    ['backslash (refused by the Node adapter)', 'GET', '/portal-proxy/api/2.0/people\\@self', 400, 'malformed-request'],
    ['query string', 'GET', '/portal-proxy/api/2.0/people/@self?fields=email', 400, 'query-not-allowed'],
    ['empty query string', 'GET', '/portal-proxy/api/2.0/people/@self?', 400, 'query-not-allowed'],
    ['other API path', 'GET', '/portal-proxy/api/2.0/files/@my', 404, 'unknown-path'],
    ['other API path, escaping the mount', 'GET', '/portal-proxy/../api/2.0/people/@self', 400, 'path-not-normalised'],
    ['wrong method', 'DELETE', '/portal-proxy/api/2.0/people/@self', 405, 'method-not-allowed'],
    ['preflight', 'OPTIONS', '/portal-proxy/api/2.0/authentication', 405, 'method-not-allowed'],
  ] as const) {
    it(`${name}: ${status} ${reason}`, async () => {
      const answer = await rawRequest(proxy.proxyUrl, method, target, {'x-portal-origin': sandbox.url});
      assert.equal(answer.status, status);
      assert.equal(reasonOf(answer.body), reason);
    });
  }
});

describe('proxy contract: targets', () => {
  it('refuses a missing or malformed X-Portal-Origin: 400', async () => {
    for (const [origin, reason] of [
      [undefined, 'missing-portal-origin'],
      [`${sandbox.url}/api`, 'malformed-portal-origin'],
      [`http://user:pw@${new URL(sandbox.url).host}`, 'malformed-portal-origin'],
    ] as const) {
      const response = await fetch(`${proxy.proxyUrl}/api/2.0/authentication`, {method: 'POST', headers: origin ? {'x-portal-origin': origin} : {}, body: signInBody});
      assert.equal(response.status, 400, String(origin));
      assert.equal(((await response.json()) as {error: {reason: string}}).error.reason, reason);
    }
  });

  it('refuses http and loopback targets when loopback is not allowed (the npm run serve default)', async () => {
    await withProxy({}, async (strict) => {
      const response = await fetch(`${strict.proxyUrl}/api/2.0/authentication`, {method: 'POST', headers: {'x-portal-origin': sandbox.url}, body: signInBody});
      assert.equal(response.status, 403);
      assert.equal(((await response.json()) as {error: {reason: string}}).error.reason, 'insecure-target');
    });
  });

  it('refuses evil.test resolving to 127.0.0.1 when loopback is not allowed: the target sees no connection', async () => {
    const target = await startCountingServer((_req, res) => res.end('{}'));
    try {
      // The port is allowed, so the address is what refuses it.
      await withProxy({resolve: async () => [{address: '127.0.0.1', family: 4}], allowedPorts: [target.port]}, async (strict) => {
        const response = await fetch(`${strict.proxyUrl}/api/2.0/authentication`, {method: 'POST', headers: {'x-portal-origin': `https://evil.test:${target.port}`}, body: signInBody});
        assert.equal(response.status, 403);
        assert.equal(((await response.json()) as {error: {reason: string}}).error.reason, 'address-not-allowed');
      });
      assert.deepEqual(target.seen, {connections: 0, requests: 0});
    } finally {
      await target.close();
    }
  });

  it('refuses a host outside the operator allow-list', async () => {
    await withProxy({allowLoopback: true, allowedHosts: ['*.onlyoffice.com']}, async (listed) => {
      const response = await fetch(`${listed.proxyUrl}/api/2.0/authentication`, {method: 'POST', headers: {'x-portal-origin': sandbox.url}, body: signInBody});
      assert.equal(response.status, 403);
      assert.equal(((await response.json()) as {error: {reason: string}}).error.reason, 'host-not-allowed');
    });
  });

  it('never follows a redirect to another host: 502, and the other host is never asked', async () => {
    const elsewhere = await startCountingServer((_req, res) => res.end('{"response":{"token":"from elsewhere"}}'));
    const redirecting = await startCountingServer((_req, res) => res.writeHead(302, {location: `${elsewhere.url}/api/2.0/authentication`}).end());
    try {
      const response = await fetch(`${proxy.proxyUrl}/api/2.0/authentication`, {method: 'POST', headers: {'x-portal-origin': redirecting.url}, body: signInBody});
      assert.equal(response.status, 502);
      assert.equal(response.headers.get('location'), null);
      assert.equal(((await response.json()) as {error: {reason: string}}).error.reason, 'upstream-redirect');
      assert.equal(redirecting.seen.requests, 1);
      assert.deepEqual(elsewhere.seen, {connections: 0, requests: 0});
    } finally {
      await elsewhere.close();
      await redirecting.close();
    }
  });
});

describe('proxy contract: limits', () => {
  it('refuses a request body over 16 KB sent chunked (no Content-Length): 413, nothing reaches the portal', async () => {
    const target = await startCountingServer((_req, res) => res.end('{}'));
    try {
      const {hostname, port} = new URL(proxy.proxyUrl);
      const answer = await new Promise<{status: number; body: string}>((resolve, reject) => {
        const req = httpRequest(
          {host: hostname, port, method: 'POST', path: '/portal-proxy/api/2.0/authentication', headers: {'x-portal-origin': target.url, 'content-type': 'application/json', 'transfer-encoding': 'chunked'}},
          (res) => {
            let text = '';
            res.on('data', (chunk: Buffer) => (text += chunk.toString()));
            res.on('end', () => resolve({status: res.statusCode ?? 0, body: text}));
          },
        );
        req.on('error', reject);
        for (let i = 0; i < 17; i++) req.write('x'.repeat(1024));
        req.end();
      });
      assert.equal(answer.status, 413);
      assert.equal(reasonOf(answer.body), 'request-too-large');
      assert.equal(target.seen.requests, 0);
    } finally {
      await target.close();
    }
  });

  it('relays a 16 KB body and refuses an answer over 1 MB: 502', async () => {
    const bigAnswer = await startCountingServer((req, res) => {
      let received = 0;
      req.on('data', (chunk: Buffer) => (received += chunk.length));
      req.on('end', () => {
        res.writeHead(200, {'content-type': 'application/json', 'x-received': String(received)});
        // Chunked, so the proxy has to count what arrives.
        for (let i = 0; i < 16; i++) res.write(Buffer.alloc(64 * 1024, 0x20));
        res.end('!');
      });
    });
    try {
      const response = await fetch(`${proxy.proxyUrl}/api/2.0/authentication`, {method: 'POST', headers: {'x-portal-origin': bigAnswer.url}, body: 'y'.repeat(16 * 1024)});
      assert.equal(response.status, 502);
      assert.equal(((await response.json()) as {error: {reason: string}}).error.reason, 'response-too-large');
      assert.equal(bigAnswer.seen.requests, 1, 'the 16 KB body was sent on');
    } finally {
      await bigAnswer.close();
    }
  });

  it('gives up on a slow portal (the sandbox\'s `slow` account): 504', async () => {
    await withProxy({allowLoopback: true, timeoutMs: 300}, async (impatient) => {
      const response = await fetch(`${impatient.proxyUrl}/api/2.0/authentication`, {
        method: 'POST',
        headers: {'x-portal-origin': sandbox.url, 'content-type': 'application/json'},
        body: JSON.stringify({userName: 'slow', password: SANDBOX_PASSWORD}),
      });
      assert.equal(response.status, 504);
      assert.equal(((await response.json()) as {error: {reason: string}}).error.reason, 'upstream-timeout');
    });
  });

  it('limits requests per client per minute: 429 with Retry-After', async () => {
    await withProxy({allowLoopback: true, rateLimit: {max: 3, windowMs: 60_000}}, async (limited) => {
      const statuses: number[] = [];
      let retryAfter: string | null = null;
      for (let i = 0; i < 4; i++) {
        const response = await fetch(`${limited.proxyUrl}/api/2.0/authentication`, {method: 'POST', headers: {'x-portal-origin': sandbox.url, 'content-type': 'application/json'}, body: signInBody});
        statuses.push(response.status);
        retryAfter = response.headers.get('retry-after');
        await response.arrayBuffer();
      }
      assert.deepEqual(statuses, [200, 200, 200, 429]);
      assert.ok(Number(retryAfter) >= 1 && Number(retryAfter) <= 60, `Retry-After ${retryAfter}`);
    });
  });
});
