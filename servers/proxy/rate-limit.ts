import ipaddr from 'ipaddr.js';

/**
 * Fixed-window request counters, per client and per target portal, kept in a store.
 *
 * Why the proxy limits at all: a portal locks a login out after 5 failures a minute from one IP,
 * and behind the proxy every reader shares the proxy's IP. Without a per-reader limit one reader
 * (or a script using the proxy as a password-guessing relay) could lock other readers' logins out
 * and get the proxy's address blocked by portals. A reader trying the guide needs a handful of
 * calls a minute (sign in, code, profile, sign out), so the default of 30 leaves ample room. The
 * per-portal limit caps what all readers together send to one portal, so many clients (or one
 * rotating through addresses) cannot turn the proxy into a flood against it.
 *
 * The store is where the counts live: in memory for one process (the default), or shared by every
 * instance of the proxy (redis-store.ts), so that N instances do not mean N budgets.
 */
export interface RateLimit {
  /** Requests allowed per key per window. */
  max: number;
  windowMs: number;
}

export interface RateLimitStore {
  /**
   * Counts one request for `key` in the current window of `windowMs` (the window starts with
   * the key's first request) and says how many the window now holds and when it ends.
   * Rejects when the count cannot be known (a shared store down or too slow).
   */
  hit(key: string, windowMs: number): Promise<{count: number; resetInMs: number}>;
  /** Releases connections; the in-memory store has none. */
  close?(): Promise<void>;
}

type RateDecision = {allowed: true} | {allowed: false; retryAfterSeconds: number};

/** Past this many tracked keys, expired windows are swept, then the oldest dropped: memory stays bounded. */
const MAX_TRACKED = 10_000;

/** IPv6 clients are counted per /64: one host usually holds a whole /64 and can rotate through it. */
export function clientKey(clientIp: string): string {
  if (!ipaddr.isValid(clientIp)) return clientIp;
  const address = ipaddr.process(clientIp);
  if (address.kind() === 'ipv4') return address.toString();
  return `${(address as ipaddr.IPv6).parts.slice(0, 4).map((part) => part.toString(16)).join(':')}::/64`;
}

/** The counts in this process's memory; `now` is injected in tests. */
export function createMemoryRateLimitStore({now = Date.now}: {now?: () => number} = {}): RateLimitStore {
  const windows = new Map<string, {start: number; count: number; windowMs: number}>();

  function sweep(time: number): void {
    for (const [key, window] of windows) {
      if (time - window.start >= window.windowMs) windows.delete(key);
    }
  }

  return {
    hit: async (key, windowMs) => {
      const time = now();
      let window = windows.get(key);
      if (!window || time - window.start >= windowMs) {
        windows.delete(key);
        if (windows.size >= MAX_TRACKED) sweep(time);
        if (windows.size >= MAX_TRACKED) windows.delete(windows.keys().next().value!);
        window = {start: time, count: 0, windowMs};
        windows.set(key, window);
      }
      window.count++;
      return {count: window.count, resetInMs: window.start + windowMs - time};
    },
  };
}

/** Checks one key against one limit, counting the request. Rejects when the store does. */
export async function checkRateLimit(store: RateLimitStore, key: string, {max, windowMs}: RateLimit): Promise<RateDecision> {
  const {count, resetInMs} = await store.hit(key, windowMs);
  if (count <= max) return {allowed: true};
  return {allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(resetInMs / 1000))};
}
