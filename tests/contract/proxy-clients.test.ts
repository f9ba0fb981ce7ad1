/**
 * The proxy as clients meet it over real HTTP on 127.0.0.1: each client address has its own budget
 * (alone and mounted in the site server), slow and aborted request bodies, and the Node server's
 * own deadlines and connection cap.
 */
import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {type AddressInfo, connect, createServer, type Socket} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, describe, it, mock} from 'node:test';
import {Agent, fetch as undiciFetch} from 'undici';
import {SERVE_LIMITS, startNodeServer} from '../../servers/node-server';
import type {ProxyLogEntry} from '../../servers/proxy/handler';
import {type NodePortalProxyOptions, createNodePortalProxy, startPortalProxy} from '../../servers/proxy/node';
import {SANDBOX_PASSWORD} from '../../servers/sandbox/accounts';
import {type RunningSandbox, startSandbox} from '../../servers/sandbox/node';
import {startSiteServer} from '../../servers/site/node';

let sandbox: RunningSandbox;
before(async () => {
  sandbox = await startSandbox({port: 0, cors: false});
});
after(() => sandbox.close());

const signInBody = JSON.stringify({userName: 'demo', password: SANDBOX_PASSWORD});

/** Signs in through `proxyUrl` from the given local address (127.0.0.1 and 127.0.0.2 are both this machine). */
async function signInFrom(localAddress: string, proxyUrl: string): Promise<number> {
  const agent = new Agent({localAddress});
  try {
    const response = await undiciFetch(`${proxyUrl}/api/2.0/authentication`, {
      method: 'POST',
      headers: {'x-portal-origin': sandbox.url, 'content-type': 'application/json'},
      body: signInBody,
      dispatcher: agent,
    });
    await response.arrayBuffer();
    return response.status;
  } finally {
    await agent.close();
  }
}

/** Opens a raw connection, writes `head`, and resolves with what the server sent before closing. */
function rawExchange(url: string, head: string, {endAfterMs}: {endAfterMs?: number} = {}): {socket: Socket; answer: Promise<string>} {
  const {hostname, port} = new URL(url);
  const socket = connect(Number(port), hostname);
  socket.write(head);
  const answer = new Promise<string>((resolve) => {
    let text = '';
    socket.on('data', (chunk) => (text += chunk.toString()));
    socket.on('close', () => resolve(text));
    socket.on('error', () => undefined);
  });
  if (endAfterMs !== undefined) setTimeout(() => socket.destroy(), endAfterMs);
  return {socket, answer};
}

const statusOf = (raw: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(raw)?.[1] ?? 0);

describe('proxy: each client has its own budget (the Node adapter passes the socket address on)', () => {
  const oneEach: NodePortalProxyOptions = {allowLoopback: true, rateLimit: {max: 1, windowMs: 60_000}, log: () => undefined};

  it('proxy alone: 127.0.0.2 still signs in after 127.0.0.1 used its budget', async () => {
    const proxy = await startPortalProxy(oneEach);
    try {
      assert.equal(await signInFrom('127.0.0.1', proxy.proxyUrl), 200);
      assert.equal(await signInFrom('127.0.0.1', proxy.proxyUrl), 429);
      assert.equal(await signInFrom('127.0.0.2', proxy.proxyUrl), 200);
    } finally {
      await proxy.close();
    }
  });

  it('mounted in the site server: the same', async () => {
    const buildDir = await mkdtemp(join(tmpdir(), 'proxy-clients-'));
    await writeFile(join(buildDir, 'index.html'), '<!doctype html>');
    const portalProxy = createNodePortalProxy(oneEach);
    const site = await startSiteServer({buildDir, portalProxy: portalProxy.fetch});
    try {
      const proxyUrl = `${site.url}/portal-proxy`;
      assert.equal(await signInFrom('127.0.0.1', proxyUrl), 200);
      assert.equal(await signInFrom('127.0.0.1', proxyUrl), 429);
      assert.equal(await signInFrom('127.0.0.2', proxyUrl), 200);
    } finally {
      await site.close();
      await portalProxy.close();
      await rm(buildDir, {recursive: true, force: true});
    }
  });
});

describe('proxy: request bodies that are slow or never finish', () => {
  it('a body that trickles past the deadline gets 408 request-timeout', {timeout: 10_000}, async () => {
    const proxy = await startPortalProxy({allowLoopback: true, requestBodyTimeoutMs: 300, log: () => undefined});
    try {
      const {answer} = rawExchange(
        proxy.url,
        `POST /portal-proxy/api/2.0/authentication HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Portal-Origin: ${sandbox.url}\r\nContent-Type: application/json\r\nContent-Length: 100\r\nConnection: close\r\n\r\n{"userName":`,
      );
      const raw = await answer;
      assert.equal(statusOf(raw), 408);
      assert.match(raw, /x-proxy-refusal: request-timeout/i);
    } finally {
      await proxy.close();
    }
  });

  it('a client that aborts mid-body leaves one log line and no stack trace (site server)', {timeout: 10_000}, async () => {
    const buildDir = await mkdtemp(join(tmpdir(), 'proxy-abort-'));
    await writeFile(join(buildDir, 'index.html'), '<!doctype html>');
    const logs: ProxyLogEntry[] = [];
    const portalProxy = createNodePortalProxy({allowLoopback: true, log: (entry) => logs.push(entry)});
    const site = await startSiteServer({buildDir, portalProxy: portalProxy.fetch});
    const errors = mock.method(console, 'error', () => undefined);
    try {
      const {answer} = rawExchange(
        site.url,
        `POST /portal-proxy/api/2.0/authentication HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Portal-Origin: ${sandbox.url}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"userName":`,
        {endAfterMs: 100},
      );
      await answer;
      const deadline = Date.now() + 3000;
      while (logs.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      await new Promise((resolve) => setTimeout(resolve, 200));
      assert.deepEqual(logs.map((entry) => [entry.path, entry.status]), [['/api/2.0/authentication', 499]]);
      assert.equal(errors.mock.callCount(), 0, 'nothing on stderr');
    } finally {
      errors.mock.restore();
      await site.close();
      await portalProxy.close();
      await rm(buildDir, {recursive: true, force: true});
    }
  });
});

describe('Node server limits (npm run serve, the sandbox and the proxy alone share them)', () => {
  const ok = () => new Response('ok');

  it('closes a connection whose headers do not arrive within headersTimeout', {timeout: 10_000}, async () => {
    const server = await startNodeServer(ok, {limits: {headersTimeoutMs: 300}});
    try {
      const started = Date.now();
      const {answer} = rawExchange(server.url, 'GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ');
      const raw = await answer;
      assert.equal(statusOf(raw), 408);
      assert.ok(Date.now() - started < 3000, `closed after ${Date.now() - started} ms`);
    } finally {
      await server.close();
    }
  });

  it('refuses connections past maxConnections', {timeout: 10_000}, async () => {
    const server = await startNodeServer(ok, {limits: {maxConnections: 1}});
    const {socket: first} = rawExchange(server.url, '');
    try {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const second = await rawExchange(server.url, 'GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n').answer;
      assert.equal(second, '', 'the second connection is closed without an answer');
      first.destroy();
      await new Promise((resolve) => setTimeout(resolve, 100));
      const third = await rawExchange(server.url, 'GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n').answer;
      assert.equal(statusOf(third), 200, 'once the first is gone, a new one is served');
    } finally {
      first.destroy();
      await server.close();
    }
  });

  it('npm run serve applies them: headers that do not arrive in 10 s are cut off', {timeout: 60_000}, async (t) => {
    const buildDir = await mkdtemp(join(tmpdir(), 'serve-limits-'));
    await writeFile(join(buildDir, 'index.html'), '<!doctype html>');
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const {port: free} = probe.address() as AddressInfo;
        probe.close(() => resolve(free));
      });
    });
    const serve = spawn(process.execPath, ['--import', 'tsx', 'servers/site/main.ts'], {env: {...process.env, PORT: String(port), BUILD_DIR: buildDir}, stdio: ['ignore', 'pipe', 'inherit']});
    // Also when the test times out (a finally would wait for the hung request): never leave the server behind.
    t.after(() => serve.kill('SIGTERM'));
    try {
      await new Promise<void>((resolve, reject) => {
        serve.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('Site on') && resolve());
        serve.once('exit', (code) => reject(new Error(`npm run serve exited with ${code}`)));
      });
      const started = Date.now();
      const raw = await rawExchange(`http://127.0.0.1:${port}`, 'GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ').answer;
      const waited = Date.now() - started;
      assert.equal(statusOf(raw), 408);
      assert.ok(waited >= SERVE_LIMITS.headersTimeoutMs - 500 && waited < SERVE_LIMITS.headersTimeoutMs + 5000, `cut off after ${waited} ms`);
    } finally {
      await rm(buildDir, {recursive: true, force: true});
    }
  });
});
