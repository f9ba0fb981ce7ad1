/**
 * The proxy's limits shared through a real Redis (Debian's redis-server on a free 127.0.0.1 port,
 * no persistence): three proxy instances spend one budget; Redis down or slow gives a quick 503.
 * Skipped with the install command when redis-server is missing, and a failure under CI=true.
 */
import assert from 'node:assert/strict';
import {type AddressInfo, createServer, type Server, type Socket} from 'node:net';
import {after, before, describe, it} from 'node:test';
import {Redis} from 'ioredis';
import {REDIS_INSTALL, type RunningRedis, findRedisServer, startRedisServer} from '../../bench/redis';
import {type Upstream, createPortalProxy} from '../../servers/proxy/handler';
import {type RunningPortalProxy, startPortalProxy} from '../../servers/proxy/node';
import {createRedisRateLimitStore, parseRedisUrl} from '../../servers/proxy/redis-store';
import {SANDBOX_PASSWORD} from '../../servers/sandbox/accounts';
import {type RunningSandbox, startSandbox} from '../../servers/sandbox/node';

const redisServerPath = findRedisServer();
const missing = redisServerPath === undefined ? `redis-server is not installed (${REDIS_INSTALL})` : false;
const startRedis = () => startRedisServer(redisServerPath!);

it('redis-server is available (required in CI)', {skip: !process.env.CI && missing}, () => {
  assert.ok(!missing, `${missing}: .ci/run installs it`);
});

const signInBody = JSON.stringify({userName: 'demo', password: SANDBOX_PASSWORD});
const okUpstream: Upstream = async () => Response.json({response: {token: 'tok'}});
const signInRequest = () =>
  new Request('http://docs.test/portal-proxy/api/2.0/authentication', {method: 'POST', headers: {'x-portal-origin': 'https://portal.example.com'}, body: signInBody});

describe('proxy limits in Redis', {skip: missing || undefined}, () => {
  let redis: RunningRedis;
  let sandbox: RunningSandbox;
  before(async () => {
    redis = await startRedis();
    sandbox = await startSandbox({port: 0, cors: false});
  });
  after(async () => {
    await sandbox.close();
    await redis.stop();
  });

  it('three proxy instances share one budget: 30 sign-ins pass in total, the 31st gets 429 on any of them', async () => {
    const prefix = `three-instances-${Date.now()}:`;
    const instances: RunningPortalProxy[] = [];
    try {
      for (let i = 0; i < 3; i++) {
        // Each instance with its own connection, as separate processes would have.
        // Generous deadlines: this test is about sharing, not speed, and a busy machine is slow.
        const rateLimitStore = createRedisRateLimitStore({url: redis.url, prefix, commandTimeoutMs: 8000});
        instances.push(await startPortalProxy({allowLoopback: true, rateLimitStore, rateLimitTimeoutMs: 10_000, log: () => undefined}));
      }
      const signInVia = async (instance: RunningPortalProxy) => {
        const response = await fetch(`${instance.proxyUrl}/api/2.0/authentication`, {
          method: 'POST',
          headers: {'x-portal-origin': sandbox.url, 'content-type': 'application/json'},
          body: signInBody,
        });
        await response.arrayBuffer();
        return {status: response.status, reason: response.headers.get('x-proxy-refusal')};
      };
      const statuses = await Promise.all(Array.from({length: 30}, (_, i) => signInVia(instances[i % 3]!)));
      assert.deepEqual(statuses.map((s) => s.status), Array(30).fill(200));
      for (const instance of instances) assert.deepEqual(await signInVia(instance), {status: 429, reason: 'rate-limited'});
    } finally {
      for (const instance of instances) await instance.close();
    }
  });

  it('the per-portal limit is shared too, and every counter expires with its window', async () => {
    const prefix = `portal-${Date.now()}:`;
    const stores = [0, 1].map(() => createRedisRateLimitStore({url: redis.url, prefix, commandTimeoutMs: 8000}));
    const proxies = stores.map((store) =>
      createPortalProxy({upstream: okUpstream, rateLimitStore: store, rateLimitTimeoutMs: 10_000, portalRateLimit: {max: 2, windowMs: 60_000}, log: () => undefined}),
    );
    const inspector = new Redis(redis.url);
    try {
      assert.equal((await proxies[0]!(signInRequest(), {clientIp: '198.51.100.1'})).status, 200);
      assert.equal((await proxies[1]!(signInRequest(), {clientIp: '198.51.100.2'})).status, 200);
      const limited = await proxies[0]!(signInRequest(), {clientIp: '198.51.100.3'});
      assert.equal(limited.status, 429);
      assert.equal(limited.headers.get('x-proxy-refusal'), 'portal-rate-limited');
      const keys = await inspector.keys(`${prefix}*`);
      assert.ok(keys.length >= 4, keys.join(', '));
      for (const key of keys) {
        const ttl = await inspector.pttl(key);
        assert.ok(ttl > 0 && ttl <= 60_000, `${key} expires (PTTL ${ttl})`);
      }
    } finally {
      inspector.disconnect();
      for (const store of stores) await store.close?.();
    }
  });

  it('Redis down: 503 rate-limit-unavailable at once, nothing relayed', {timeout: 20_000}, async () => {
    const gone = await startRedis();
    // Long deadlines, so the quick 503 below comes from Redis being gone, not from a timer.
    const store = createRedisRateLimitStore({url: gone.url, commandTimeoutMs: 8000});
    let relayed = 0;
    const proxy = createPortalProxy({upstream: async (...args) => (relayed++, okUpstream(...args)), rateLimitStore: store, rateLimitTimeoutMs: 10_000, log: () => undefined});
    try {
      assert.equal((await proxy(signInRequest(), {clientIp: '198.51.100.1'})).status, 200, 'works while Redis runs');
      await gone.stop();
      const started = performance.now();
      const response = await proxy(signInRequest(), {clientIp: '198.51.100.1'});
      assert.equal(response.status, 503);
      assert.equal(response.headers.get('x-proxy-refusal'), 'rate-limit-unavailable');
      assert.ok(performance.now() - started < 1500, `answered in ${Math.round(performance.now() - started)} ms`);
      assert.equal(relayed, 1);
    } finally {
      await store.close?.();
    }
  });
});

describe('proxy limits in a Redis that does not answer', () => {
  it('a store that accepts the connection and never replies: 503 within the deadline, never a hang', {timeout: 20_000}, async () => {
    const sockets: Socket[] = [];
    const silent: Server = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const store = createRedisRateLimitStore({url: `redis://127.0.0.1:${(silent.address() as AddressInfo).port}`, commandTimeoutMs: 300});
    const proxy = createPortalProxy({upstream: okUpstream, rateLimitStore: store, log: () => undefined});
    try {
      const started = performance.now();
      const response = await proxy(signInRequest(), {clientIp: '198.51.100.1'});
      assert.equal(response.status, 503);
      assert.equal(((await response.json()) as {error: {reason: string}}).error.reason, 'rate-limit-unavailable');
      assert.ok(performance.now() - started < 1500, `answered in ${Math.round(performance.now() - started)} ms`);
    } finally {
      await store.close?.();
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it('PROXY_REDIS_URL must be a redis URL', () => {
    assert.equal(parseRedisUrl('rediss://cache.example.org:6380/1'), 'rediss://cache.example.org:6380/1');
    for (const bad of ['http://127.0.0.1:6379', '127.0.0.1:6379', '']) assert.throws(() => parseRedisUrl(bad), /PROXY_REDIS_URL/, bad);
  });
});
