/**
 * The portal's brute-force guard: 5 failed sign-ins within 60 s for one login from one client IP
 * block that login, from that IP, for 60 s, even with the right password.
 */

export const MAX_FAILURES = 5;
export const WINDOW_MS = 60_000;
export const LOCKOUT_MS = 60_000;
/** Past this many tracked login+IP pairs the oldest is forgotten, so memory stays bounded. */
const MAX_TRACKED = 10_000;

interface Attempts {
  failures: number[];
  lockedUntil: number;
}

export class LoginThrottle {
  readonly #attempts = new Map<string, Attempts>();
  readonly #now: () => number;

  constructor(now: () => number) {
    this.#now = now;
  }

  isLocked(userName: string, clientIp: string): boolean {
    const attempts = this.#attempts.get(key(userName, clientIp));
    return attempts !== undefined && attempts.lockedUntil > this.#now();
  }

  recordFailure(userName: string, clientIp: string): void {
    const now = this.#now();
    const id = key(userName, clientIp);
    const attempts = this.#attempts.get(id) ?? {failures: [], lockedUntil: 0};
    attempts.failures = attempts.failures.filter((at) => at > now - WINDOW_MS);
    attempts.failures.push(now);
    if (attempts.failures.length >= MAX_FAILURES) {
      attempts.lockedUntil = now + LOCKOUT_MS;
      attempts.failures = [];
    }
    // Re-inserting keeps the Map ordered by last activity, so eviction drops the stalest pair.
    this.#attempts.delete(id);
    if (this.#attempts.size >= MAX_TRACKED) {
      const stalest = this.#attempts.keys().next().value;
      if (stalest !== undefined) this.#attempts.delete(stalest);
    }
    this.#attempts.set(id, attempts);
  }

  recordSuccess(userName: string, clientIp: string): void {
    this.#attempts.delete(key(userName, clientIp));
  }
}

function key(userName: string, clientIp: string): string {
  return `${userName.trim().toLowerCase()}\n${clientIp}`;
}
