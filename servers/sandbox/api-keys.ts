/**
 * The sandbox's API keys, in memory only: each acts as the account that created it, keeps its
 * secret for sign-in checks, and is shown without it (`keyPostfix` instead) after the answer that
 * created it. See portal-contract.md, "API keys".
 */
import {API_KEY, KEY_CREATION_LIMIT} from '../../src/docspace/contract';
import type {ApiKeyInfo} from '../../src/docspace/types';
import {formatPortalDate} from './portal-date';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Old keys are dropped past this many, so a public sandbox cannot be made to grow without end. */
const MAX_KEYS = 10_000;

/**
 * The scopes the sandbox accepts, as `GET /api/2.0/keys/permissions` lists them: sorted, the
 * portal-wide `*`, `*:read` and `*:write` first (`*` sorts before letters).
 */
export const SANDBOX_SCOPES: readonly string[] = [
  'accounts:read',
  'accounts:write',
  'files:read',
  'files:write',
  'rooms:read',
  'rooms:write',
  '*',
  '*:read',
  '*:write',
].sort();

export interface SandboxKey {
  id: string;
  name: string;
  secret: string;
  userName: string;
  permissions: string[];
  createdAt: number;
  /** Epoch ms, or null for a key that is valid until deleted. */
  expiresAt: number | null;
  lastUsedAt: number | null;
  isActive: boolean;
}

export type KeyFields = {name: string; permissions: string[]; expiresInDays: number | null};

export class KeyStore {
  readonly #keys = new Map<string, SandboxKey>();
  /** Creation times per account and client address, for the throttle. */
  readonly #created = new Map<string, number[]>();
  readonly #now: () => number;

  constructor(now: () => number) {
    this.#now = now;
  }

  /** False once `KEY_CREATION_LIMIT.max` keys were created for this pair within the window. */
  mayCreate(userName: string, clientIp: string): boolean {
    const since = this.#now() - KEY_CREATION_LIMIT.windowMs;
    const recent = (this.#created.get(`${userName}\n${clientIp}`) ?? []).filter((at) => at > since);
    return recent.length < KEY_CREATION_LIMIT.max;
  }

  create(userName: string, clientIp: string, {name, permissions, expiresInDays}: KeyFields): SandboxKey {
    const now = this.#now();
    const pair = `${userName}\n${clientIp}`;
    this.#created.set(pair, [...(this.#created.get(pair) ?? []).filter((at) => at > now - KEY_CREATION_LIMIT.windowMs), now]);
    if (this.#keys.size >= MAX_KEYS) this.#keys.delete(this.#keys.keys().next().value!);
    const key: SandboxKey = {
      id: crypto.randomUUID(),
      name,
      secret: API_KEY.prefix + randomHex(24),
      userName,
      permissions,
      createdAt: now,
      expiresAt: expiresInDays === null ? null : now + expiresInDays * DAY_MS,
      lastUsedAt: null,
      isActive: true,
    };
    this.#keys.set(key.id, key);
    return key;
  }

  /** The key a `Bearer sk-…` header names, if it may sign a request now (known, active, not expired); marks it used. */
  authenticate(secret: string): SandboxKey | undefined {
    const key = [...this.#keys.values()].find((candidate) => candidate.secret === secret);
    if (!key || !key.isActive || (key.expiresAt !== null && key.expiresAt <= this.#now())) return undefined;
    key.lastUsedAt = this.#now();
    return key;
  }

  /** The keys an account may see: an administrator all of them, anyone else their own. Expired and inactive ones too. */
  visibleTo(userName: string, isAdmin: boolean): SandboxKey[] {
    return [...this.#keys.values()].filter((key) => isAdmin || key.userName === userName);
  }

  find(id: string, userName: string, isAdmin: boolean): SandboxKey | undefined {
    const key = this.#keys.get(id);
    return key && (isAdmin || key.userName === userName) ? key : undefined;
  }

  delete(id: string): void {
    this.#keys.delete(id);
  }
}

/** A key as every read but its creation shows it: never the secret, its last characters instead. */
export function keyInfo(key: SandboxKey): ApiKeyInfo {
  return {
    id: key.id,
    name: key.name,
    keyPostfix: key.secret.slice(-API_KEY.postfixLength),
    permissions: key.permissions,
    createOn: formatPortalDate(key.createdAt),
    lastUsed: key.lastUsedAt === null ? undefined : formatPortalDate(key.lastUsedAt),
    expiresAt: key.expiresAt === null ? undefined : formatPortalDate(key.expiresAt),
    isActive: key.isActive,
  };
}

function randomHex(bytes: number): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
