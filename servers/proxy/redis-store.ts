/**
 * Rate-limit counts in Redis, so every instance of the proxy (several processes, serverless
 * copies) spends one budget per client and per portal instead of one each. Chosen by PROXY_REDIS_URL.
 *
 * One Lua script per request: INCR and the window's expiry happen atomically, so two instances
 * counting at once cannot lose a hit or leave a key without expiry. When Redis is down or slow the
 * command fails within `commandTimeoutMs` and the proxy answers 503 rate-limit-unavailable (fail
 * closed): a sign-in is refused quickly rather than left hanging or let through uncounted.
 */
import {Redis} from 'ioredis';
import type {RateLimitStore} from './rate-limit';

/** KEYS[1] the counter, ARGV[1] the window in ms. Returns the count and the ms left in the window. */
const HIT_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if count == 1 or ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {count, ttl}`;

interface RedisRateLimitStoreOptions {
  /** `redis://host:6379/0` or `rediss://…` (TLS). */
  url: string;
  /** Prefix of every key, so several proxies (or other data) can share one Redis. */
  prefix?: string;
  /** How long one count may take before it is given up. Default 500 ms. */
  commandTimeoutMs?: number;
}

type ScriptedRedis = Redis & {rateLimitHit(key: string, windowMs: number): Promise<[number, number]>};

/** Throws naming PROXY_REDIS_URL when it is not a redis:// or rediss:// URL. */
export function parseRedisUrl(value: string): string {
  if (!URL.canParse(value) || !/^rediss?:$/.test(new URL(value).protocol)) {
    throw new Error(`PROXY_REDIS_URL must be a redis:// or rediss:// URL, like redis://127.0.0.1:6379, not "${value}"`);
  }
  return value;
}

export function createRedisRateLimitStore({url, prefix = 'portal-proxy:rate:', commandTimeoutMs = 500}: RedisRateLimitStoreOptions): RateLimitStore {
  const redis = new Redis(parseRedisUrl(url), {
    commandTimeout: commandTimeoutMs,
    connectTimeout: commandTimeoutMs * 4,
    // Queued commands would only wait for a reconnect the request cannot afford; fail them at once.
    maxRetriesPerRequest: 0,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
  }) as ScriptedRedis;
  redis.defineCommand('rateLimitHit', {numberOfKeys: 1, lua: HIT_SCRIPT});
  // One line when Redis goes away, not one per reconnect attempt.
  let reported = false;
  redis.on('error', (error: Error) => {
    if (!reported) console.error(`[portal-proxy] rate-limit store unavailable: ${error.message}`);
    reported = true;
  });
  redis.on('ready', () => (reported = false));

  return {
    hit: async (key, windowMs) => {
      const [count, resetInMs] = await redis.rateLimitHit(`${prefix}${key}`, windowMs);
      return {count, resetInMs};
    },
    close: async () => {
      if (redis.status === 'end') return;
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
