/** The sandbox's issued tokens, in memory only. */

const YEAR_MS = 365 * 24 * 60 * 60 * 1000;
/** Old tokens are dropped past this many, so a public sandbox cannot be made to grow without end. */
const MAX_TOKENS = 10_000;

export interface IssuedToken {
  token: string;
  userName: string;
  /** Epoch ms, or null for a session-bound token. */
  expiresAt: number | null;
}

export class TokenStore {
  readonly #tokens = new Map<string, IssuedToken>();
  readonly #now: () => number;

  constructor(now: () => number) {
    this.#now = now;
  }

  /** A random token for `userName`: one year of life, or session-bound when `session` is set. */
  issue(userName: string, session: boolean): IssuedToken {
    if (this.#tokens.size >= MAX_TOKENS) {
      const oldest = this.#tokens.keys().next().value;
      if (oldest !== undefined) this.#tokens.delete(oldest);
    }
    const issued = {token: randomToken(), userName, expiresAt: session ? null : this.#now() + YEAR_MS};
    this.#tokens.set(issued.token, issued);
    return issued;
  }

  /** The live token record, or undefined when it is unknown, signed out or expired. */
  find(token: string): IssuedToken | undefined {
    const issued = this.#tokens.get(token);
    if (!issued) return undefined;
    if (issued.expiresAt !== null && issued.expiresAt <= this.#now()) {
      this.#tokens.delete(token);
      return undefined;
    }
    return issued;
  }

  revoke(token: string): void {
    this.#tokens.delete(token);
  }
}

/** 40 random bytes as padded base64, the shape of a portal token (`6jo5...==`). */
function randomToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(40));
  return btoa(String.fromCharCode(...bytes));
}
