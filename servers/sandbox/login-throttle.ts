/**
 * The portal's brute-force guard (LOCKOUT: 5 failed sign-ins within 60 s for one login from one
 * client IP block that login, from that IP, for 60 s, even with the right password).
 */
import {LOCKOUT} from '../../src/docspace/contract';

/** Past this many login+IP pairs with recent failures the stalest is forgotten, so memory stays bounded. */
const MAX_TRACKED = 10_000;

export class LoginThrottle {
  /** Recent failure times per pair, ordered by last activity. */
  readonly #failures = new Map<string, number[]>();
  /**
   * Locks, kept apart so that failures with made-up names can never evict one: a lock lasts its
   * full minute. Expired locks are swept as new ones arrive, so the map holds at most what clients
   * can lock in one minute.
   */
  readonly #locks = new Map<string, number>();
  readonly #now: () => number;

  constructor(now: () => number) {
    this.#now = now;
  }

  isLocked(userName: string, clientIp: string): boolean {
    const lockedUntil = this.#locks.get(key(userName, clientIp));
    return lockedUntil !== undefined && lockedUntil > this.#now();
  }

  recordFailure(userName: string, clientIp: string): void {
    const now = this.#now();
    const id = key(userName, clientIp);
    const failures = (this.#failures.get(id) ?? []).filter((at) => at > now - LOCKOUT.windowMs);
    failures.push(now);
    // Re-inserting keeps the Map ordered by last activity, so eviction drops the stalest pair.
    this.#failures.delete(id);
    if (failures.length >= LOCKOUT.failures) {
      this.#lock(id, now);
      return;
    }
    if (this.#failures.size >= MAX_TRACKED) {
      const stalest = this.#failures.keys().next().value;
      if (stalest !== undefined) this.#failures.delete(stalest);
    }
    this.#failures.set(id, failures);
  }

  recordSuccess(userName: string, clientIp: string): void {
    this.#failures.delete(key(userName, clientIp));
  }

  #lock(id: string, now: number): void {
    // Locks are inserted in time order, so the expired ones are at the front.
    for (const [lockedId, lockedUntil] of this.#locks) {
      if (lockedUntil > now) break;
      this.#locks.delete(lockedId);
    }
    this.#locks.delete(id);
    this.#locks.set(id, now + LOCKOUT.lockMs);
  }
}

function key(userName: string, clientIp: string): string {
  return `${userName.trim().toLowerCase()}\n${clientIp}`;
}
