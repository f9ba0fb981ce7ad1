/**
 * What the portal proxy adds to a sign-in: the sandbox and the proxy on 127.0.0.1 over real HTTP,
 * N sign-ins straight to the sandbox, N through the proxy and, when redis-server is installed, N
 * through a proxy that counts in Redis (PROXY_REDIS_URL), with bounded concurrency, in alternating
 * batches so that machine load drifts onto all alike.
 * Used by `npm run bench`; runnable alone: `node --import tsx bench/proxy.ts [signIns] [concurrency]`.
 */
import {SANDBOX_PASSWORD} from '../servers/sandbox/accounts';
import {startSandbox} from '../servers/sandbox/node';
import {startPortalProxy} from '../servers/proxy/node';
import {createRedisRateLimitStore} from '../servers/proxy/redis-store';
import {REDIS_INSTALL, type RunningRedis, findRedisServer, startRedisServer} from './redis';
import {percentile} from './servers';

export interface LatencyFigures {
  p50Ms: number;
  p99Ms: number;
  requestsPerSecond: number;
}

export interface ProxyBenchResult {
  signIns: number;
  concurrency: number;
  direct: LatencyFigures;
  proxied: LatencyFigures;
  addedP50Ms: number;
  addedP99Ms: number;
  /**
   * Through a proxy counting in Redis, and what that adds over counting in memory; `countsP50Ms`/
   * `countsP99Ms` time the two counts a proxied call makes, alone. Absent without redis-server.
   */
  redis?: {proxied: LatencyFigures; addedP50Ms: number; addedP99Ms: number; countsP50Ms: number; countsP99Ms: number};
  /** Markdown lines for bench/results.md. */
  lines: string[];
}

const BATCHES = 4;
const WARM_UP = 20;

/** Runs `count` calls of `task` with at most `concurrency` in flight; returns each call's latency. */
async function runBounded(count: number, concurrency: number, task: () => Promise<void>): Promise<number[]> {
  const latencies: number[] = [];
  let started = 0;
  const worker = async () => {
    while (started < count) {
      started++;
      const t0 = performance.now();
      await task();
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({length: Math.min(concurrency, count)}, worker));
  return latencies;
}

function figures(latencies: number[], wallMs: number): LatencyFigures {
  return {p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99), requestsPerSecond: (latencies.length / wallMs) * 1000};
}

/** Times the two counts (client, then portal) a proxied call makes in Redis, one call after another. */
async function timeRedisCounts(url: string, calls: number): Promise<{countsP50Ms: number; countsP99Ms: number}> {
  const store = createRedisRateLimitStore({url, prefix: `bench-${Date.now()}:`});
  try {
    const latencies: number[] = [];
    for (let i = 0; i < calls + WARM_UP; i++) {
      const t0 = performance.now();
      await store.hit(`client:198.51.100.${i % 200}`, 60_000);
      await store.hit('portal:https://portal.example.com', 60_000);
      if (i >= WARM_UP) latencies.push(performance.now() - t0);
    }
    return {countsP50Ms: percentile(latencies, 50), countsP99Ms: percentile(latencies, 99)};
  } finally {
    await store.close?.();
  }
}

export async function runProxyBench({signIns = 1000, concurrency = 20} = {}): Promise<ProxyBenchResult> {
  const unlimited = {max: Number.MAX_SAFE_INTEGER, windowMs: 60_000};
  const redisBinary = findRedisServer();
  const redis: RunningRedis | undefined = redisBinary ? await startRedisServer(redisBinary) : undefined;
  const sandbox = await startSandbox({port: 0, cors: false});
  const proxy = await startPortalProxy({allowLoopback: true, rateLimit: unlimited, portalRateLimit: unlimited, log: () => undefined});
  const redisProxy = redis
    ? await startPortalProxy({allowLoopback: true, rateLimit: unlimited, portalRateLimit: unlimited, rateLimitStore: createRedisRateLimitStore({url: redis.url}), log: () => undefined})
    : undefined;
  const body = JSON.stringify({userName: 'demo', password: SANDBOX_PASSWORD});
  const signIn = (url: string, headers: Record<string, string>) => async () => {
    const response = await fetch(url, {method: 'POST', headers: {'content-type': 'application/json', ...headers}, body});
    const answer = (await response.json()) as {response?: {token?: string}};
    if (response.status !== 200 || !answer.response?.token) throw new Error(`sign-in failed with ${response.status}`);
  };
  const routes: [string, () => Promise<void>][] = [
    ['direct', signIn(`${sandbox.url}/api/2.0/authentication`, {})],
    ['proxied', signIn(`${proxy.proxyUrl}/api/2.0/authentication`, {'x-portal-origin': sandbox.url})],
  ];
  if (redisProxy) routes.push(['redis', signIn(`${redisProxy.proxyUrl}/api/2.0/authentication`, {'x-portal-origin': sandbox.url})]);

  try {
    for (const [, task] of routes) await runBounded(WARM_UP, concurrency, task);
    const samples: Record<string, number[]> = {direct: [], proxied: [], redis: []};
    const wall: Record<string, number> = {direct: 0, proxied: 0, redis: 0};
    const perBatch = Math.ceil(signIns / BATCHES);
    for (let batch = 0; batch < BATCHES; batch++) {
      for (const [name, task] of routes) {
        const t0 = performance.now();
        samples[name]!.push(...(await runBounded(perBatch, concurrency, task)));
        wall[name]! += performance.now() - t0;
      }
    }
    const direct = figures(samples.direct!, wall.direct!);
    const proxied = figures(samples.proxied!, wall.proxied!);
    const addedP50Ms = proxied.p50Ms - direct.p50Ms;
    const addedP99Ms = proxied.p99Ms - direct.p99Ms;
    const viaRedis = redisProxy ? figures(samples.redis!, wall.redis!) : undefined;
    const counts = redis ? await timeRedisCounts(redis.url, perBatch * BATCHES) : undefined;
    const redisFigures = viaRedis && counts && {proxied: viaRedis, addedP50Ms: viaRedis.p50Ms - proxied.p50Ms, addedP99Ms: viaRedis.p99Ms - proxied.p99Ms, ...counts};
    const ms = (value: number) => `${value.toFixed(1)} ms`;
    const rps = (value: number) => value.toFixed(0);
    const n = perBatch * BATCHES;
    const lines = [
      `${n} sign-ins each way (\`demo\` account), ${concurrency} in flight, over HTTP on 127.0.0.1, in ${BATCHES} alternating batches.`,
      '',
      '| route | p50 | p99 | requests/s |',
      '|---|---|---|---|',
      `| straight to the sandbox | ${ms(direct.p50Ms)} | ${ms(direct.p99Ms)} | ${rps(direct.requestsPerSecond)} |`,
      `| through /portal-proxy | ${ms(proxied.p50Ms)} | ${ms(proxied.p99Ms)} | ${rps(proxied.requestsPerSecond)} |`,
      `| added by the proxy | ${ms(addedP50Ms)} | ${ms(addedP99Ms)} | |`,
      ...(redisFigures
        ? [
            `| through /portal-proxy counting in Redis | ${ms(redisFigures.proxied.p50Ms)} | ${ms(redisFigures.proxied.p99Ms)} | ${rps(redisFigures.proxied.requestsPerSecond)} |`,
            `| added by counting in Redis (end to end) | ${ms(redisFigures.addedP50Ms)} | ${ms(redisFigures.addedP99Ms)} | |`,
            `| the two Redis counts of one call, alone | ${ms(redisFigures.countsP50Ms)} | ${ms(redisFigures.countsP99Ms)} | |`,
          ]
        : ['', `Redis: not measured, redis-server is not installed (${REDIS_INSTALL}).`]),
    ];
    return {signIns: n, concurrency, direct, proxied, addedP50Ms, addedP99Ms, redis: redisFigures, lines};
  } finally {
    await redisProxy?.close();
    await proxy.close();
    await sandbox.close();
    await redis?.stop();
  }
}

if (require.main === module) {
  const [signIns, concurrency] = process.argv.slice(2).map(Number);
  runProxyBench({signIns: signIns || undefined, concurrency: concurrency || undefined})
    .then((result) => console.log(result.lines.join('\n')))
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
