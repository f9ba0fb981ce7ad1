/** Starts the production pieces a benchmark measures, as a reader's machine would run them. */
import {spawn, type ChildProcess} from 'node:child_process';
import {createServer} from 'node:net';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const {port} = server.address() as {port: number};
      server.close(() => resolve(port));
    });
  });
}

export interface RunningServer {
  /** The origin, without a trailing slash. */
  url: string;
  stop(): Promise<void>;
}

/** Runs an npm script with a port in its environment and waits until its origin answers. */
export async function startNpmScript(
  script: string,
  env: Record<string, string>,
  url: string,
): Promise<RunningServer> {
  const child = spawn('npm', ['run', '--silent', script], {
    env: {...process.env, ...env},
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  await waitForUrl(`${url}/`, child);
  return {url, stop: () => stopProcessGroup(child)};
}

async function waitForUrl(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: server exited with ${child.exitCode}`);
    try {
      await fetch(url, {signal: AbortSignal.timeout(1000)});
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error(`${url} did not answer within 60 s`);
}

async function stopProcessGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return;
  const exited = new Promise((r) => child.once('exit', r));
  process.kill(-child.pid, 'SIGTERM');
  await exited;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
