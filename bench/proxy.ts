/**
 * What the portal proxy adds to a sign-in: the sandbox and the proxy on 127.0.0.1 over real HTTP,
 * N sign-ins straight to the sandbox and N through the proxy, with bounded concurrency, in
 * alternating batches so that machine load drifts onto both alike.
 * Used by `npm run bench`; runnable alone: `node --import tsx bench/proxy.ts [signIns] [concurrency]`.
 */
import {SANDBOX_PASSWORD} from '../servers/sandbox/accounts';
import {startSandbox} from '../servers/sandbox/node';
import {startPortalProxy} from '../servers/proxy/node';
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

export async function runProxyBench({signIns = 1000, concurrency = 20} = {}): Promise<ProxyBenchResult> {
  const sandbox = await startSandbox({port: 0, cors: false});
  const proxy = await startPortalProxy({allowLoopback: true, rateLimit: {max: Number.MAX_SAFE_INTEGER, windowMs: 60_000}, log: () => undefined});
  const body = JSON.stringify({userName: 'demo', password: SANDBOX_PASSWORD});
  const signIn = (url: string, headers: Record<string, string>) => async () => {
    const response = await fetch(url, {method: 'POST', headers: {'content-type': 'application/json', ...headers}, body});
    const answer = (await response.json()) as {response?: {token?: string}};
    if (response.status !== 200 || !answer.response?.token) throw new Error(`sign-in failed with ${response.status}`);
  };
  const direct = signIn(`${sandbox.url}/api/2.0/authentication`, {});
  const proxied = signIn(`${proxy.proxyUrl}/api/2.0/authentication`, {'x-portal-origin': sandbox.url});

  try {
    await runBounded(WARM_UP, concurrency, direct);
    await runBounded(WARM_UP, concurrency, proxied);
    const samples = {direct: [] as number[], proxied: [] as number[]};
    const wall = {direct: 0, proxied: 0};
    const perBatch = Math.ceil(signIns / BATCHES);
    for (let batch = 0; batch < BATCHES; batch++) {
      for (const [name, task] of [['direct', direct], ['proxied', proxied]] as const) {
        const t0 = performance.now();
        samples[name].push(...(await runBounded(perBatch, concurrency, task)));
        wall[name] += performance.now() - t0;
      }
    }
    const result = {direct: figures(samples.direct, wall.direct), proxied: figures(samples.proxied, wall.proxied)};
    const addedP50Ms = result.proxied.p50Ms - result.direct.p50Ms;
    const addedP99Ms = result.proxied.p99Ms - result.direct.p99Ms;
    const ms = (value: number) => `${value.toFixed(1)} ms`;
    const rps = (value: number) => value.toFixed(0);
    const n = perBatch * BATCHES;
    const lines = [
      `${n} sign-ins each way (\`demo\` account), ${concurrency} in flight, over HTTP on 127.0.0.1, in ${BATCHES} alternating batches.`,
      '',
      '| route | p50 | p99 | requests/s |',
      '|---|---|---|---|',
      `| straight to the sandbox | ${ms(result.direct.p50Ms)} | ${ms(result.direct.p99Ms)} | ${rps(result.direct.requestsPerSecond)} |`,
      `| through /portal-proxy | ${ms(result.proxied.p50Ms)} | ${ms(result.proxied.p99Ms)} | ${rps(result.proxied.requestsPerSecond)} |`,
      `| added by the proxy | ${ms(addedP50Ms)} | ${ms(addedP99Ms)} | |`,
    ];
    return {signIns: n, concurrency, ...result, addedP50Ms, addedP99Ms, lines};
  } finally {
    await proxy.close();
    await sandbox.close();
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
