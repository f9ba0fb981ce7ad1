/** Starts Debian's redis-server on a free 127.0.0.1 port with no persistence (the Redis tests and `npm run bench`). */
import {type ChildProcess, spawn, spawnSync} from 'node:child_process';
import {Redis} from 'ioredis';
import {freePort} from './servers';

export const REDIS_INSTALL = 'apt-get install -y redis-server';

/** The redis-server binary on PATH, or undefined. */
export function findRedisServer(): string | undefined {
  return spawnSync('sh', ['-c', 'command -v redis-server'], {encoding: 'utf8'}).stdout.trim() || undefined;
}

export interface RunningRedis {
  url: string;
  stop(): Promise<void>;
}

export async function startRedisServer(binary: string): Promise<RunningRedis> {
  const port = await freePort();
  const child: ChildProcess = spawn(binary, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {stdio: 'ignore'});
  const url = `redis://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    const probe = new Redis(url, {lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null});
    probe.on('error', () => undefined); // Refused until the server listens: the loop retries.
    try {
      await probe.connect();
      await probe.ping();
      probe.disconnect();
      break;
    } catch (error) {
      probe.disconnect();
      if (Date.now() > deadline || child.exitCode !== null) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
