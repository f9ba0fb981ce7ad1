import ipaddr from 'ipaddr.js';

/**
 * A fixed-window request counter per client IP.
 *
 * Why the proxy limits at all: a portal locks a login out after 5 failures a minute from one IP,
 * and behind the proxy every reader shares the proxy's IP. Without a per-reader limit one reader
 * (or a script using the proxy as a password-guessing relay) could lock other readers' logins out
 * and get the proxy's address blocked by portals. A reader trying the guide needs a handful of
 * calls a minute (sign in, code, profile, sign out), so the default of 30 leaves ample room.
 */
export interface RateLimitOptions {
  /** Requests allowed per client IP per window. */
  max: number;
  windowMs: number;
  /** Injected clock (tests). */
  now?: () => number;
}

export type RateDecision = {allowed: true} | {allowed: false; retryAfterSeconds: number};

/** Past this many tracked clients, expired windows are swept, then the oldest dropped: memory stays bounded. */
const MAX_TRACKED = 10_000;

/** IPv6 clients are counted per /64: one host usually holds a whole /64 and can rotate through it. */
export function clientKey(clientIp: string): string {
  if (!ipaddr.isValid(clientIp)) return clientIp;
  const address = ipaddr.process(clientIp);
  if (address.kind() === 'ipv4') return address.toString();
  return `${(address as ipaddr.IPv6).parts.slice(0, 4).map((part) => part.toString(16)).join(':')}::/64`;
}

export function createRateLimiter({max, windowMs, now = Date.now}: RateLimitOptions): (clientIp: string) => RateDecision {
  const windows = new Map<string, {start: number; count: number}>();

  function sweep(time: number): void {
    for (const [ip, window] of windows) {
      if (time - window.start >= windowMs) windows.delete(ip);
    }
  }

  return (clientIp) => {
    const time = now();
    const key = clientKey(clientIp);
    let window = windows.get(key);
    if (!window || time - window.start >= windowMs) {
      windows.delete(key);
      if (windows.size >= MAX_TRACKED) sweep(time);
      if (windows.size >= MAX_TRACKED) windows.delete(windows.keys().next().value!);
      window = {start: time, count: 0};
      windows.set(key, window);
    }
    window.count++;
    if (window.count <= max) return {allowed: true};
    return {allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((window.start + windowMs - time) / 1000))};
  };
}
