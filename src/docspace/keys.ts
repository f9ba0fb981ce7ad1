/**
 * The API key calls: the credential a program should keep. Each takes a working credential in
 * `token` (the sign-in token, or a key itself, sent as `Bearer sk-…`). A module of its own, so the
 * try-it panel's sign-in chunk carries none of it; the key part of the panel loads it lazily.
 *
 * createKey is never retried, here or by a caller: the portal makes a new key on every call, so a
 * call that timed out may still have made one (list the keys before creating another).
 */
import {PORTAL_CALLS} from './contract';
import {payloadOf, send, unexpected} from './request';
import type {
  ApiKeyInfo,
  CreateKeyOptions,
  CreateKeyResult,
  CreatedApiKey,
  KeyChangeResult,
  KeyIdOptions,
  KeyListResult,
  KeyResult,
  KeyScopesResult,
  TokenCallOptions,
  UpdateKeyOptions,
} from './types';

/** An answer's key, when it has the fields every read of a key carries. */
function keyOf(value: unknown): ApiKeyInfo | undefined {
  const key = value as Partial<ApiKeyInfo> | null;
  const valid =
    key !== null &&
    typeof key === 'object' &&
    typeof key.id === 'string' &&
    typeof key.name === 'string' &&
    Array.isArray(key.permissions) &&
    key.permissions.every((scope) => typeof scope === 'string');
  return valid ? {...(key as ApiKeyInfo), keyPostfix: String(key.keyPostfix ?? ''), isActive: key.isActive !== false} : undefined;
}

/** The envelope's `response` when it is a list. */
const listOf = (json: unknown): unknown[] | undefined => {
  const response = (json as {response?: unknown} | undefined)?.response;
  return Array.isArray(response) ? response : undefined;
};

/** PORTAL_CALLS.listKeyScopes: every scope the portal accepts, as it lists them. */
export async function listKeyScopes(opts: TokenCallOptions): Promise<KeyScopesResult> {
  const sent = await send(opts, {call: PORTAL_CALLS.listKeyScopes, params: {}, token: opts.token});
  if (!sent.ok) return sent;
  const scopes = listOf(sent.json);
  if (!scopes?.every((scope) => typeof scope === 'string')) return unexpected(sent, 'scopes', 'without a list of scopes');
  return {ok: true, scopes: scopes as string[], exchange: sent.exchange};
}

/** PORTAL_CALLS.createKey: a new key, its secret in `key.key` this once. Sent once, never retried. */
export async function createKey(opts: CreateKeyOptions): Promise<CreateKeyResult> {
  const {name, permissions, expiresInDays} = opts;
  const body = {name, ...(permissions === undefined ? {} : {permissions}), ...(expiresInDays === undefined ? {} : {expiresInDays})};
  const sent = await send(opts, {call: PORTAL_CALLS.createKey, params: {}, body, token: opts.token});
  if (!sent.ok) return sent;
  const payload = payloadOf(sent.json);
  const key = keyOf(payload);
  if (!key || typeof payload.key !== 'string' || !payload.key) return unexpected(sent, 'key', 'without a key');
  return {ok: true, key: {...key, key: payload.key} satisfies CreatedApiKey, exchange: sent.exchange};
}

/** PORTAL_CALLS.listKeys: the keys the caller may see, expired and inactive ones too. */
export async function listKeys(opts: TokenCallOptions): Promise<KeyListResult> {
  const sent = await send(opts, {call: PORTAL_CALLS.listKeys, params: {}, token: opts.token});
  if (!sent.ok) return sent;
  const keys = listOf(sent.json)?.map(keyOf);
  if (!keys || keys.some((key) => key === undefined)) return unexpected(sent, 'keys', 'without a list of keys');
  return {ok: true, keys: keys as ApiKeyInfo[], exchange: sent.exchange};
}

/** PORTAL_CALLS.getSelfKey: the key `token` is (only a key has one). */
export async function getSelfKey(opts: TokenCallOptions): Promise<KeyResult> {
  const sent = await send(opts, {call: PORTAL_CALLS.getSelfKey, params: {}, token: opts.token});
  if (!sent.ok) return sent;
  const key = keyOf(payloadOf(sent.json));
  return key ? {ok: true, key, exchange: sent.exchange} : unexpected(sent, 'key', 'without a key');
}

/** PORTAL_CALLS.updateKey: renames a key, replaces its scopes or turns it on or off. */
export async function updateKey(opts: UpdateKeyOptions): Promise<KeyChangeResult> {
  const {keyId, name, permissions, isActive} = opts;
  const body = Object.fromEntries(Object.entries({name, permissions, isActive}).filter(([, value]) => value !== undefined));
  const sent = await send(opts, {call: PORTAL_CALLS.updateKey, params: {keyId}, body, token: opts.token});
  return sent.ok ? {ok: true, exchange: sent.exchange} : sent;
}

/** PORTAL_CALLS.deleteKey: removes a key at once, for good. */
export async function deleteKey(opts: KeyIdOptions): Promise<KeyChangeResult> {
  const sent = await send(opts, {call: PORTAL_CALLS.deleteKey, params: {keyId: opts.keyId}, token: opts.token});
  return sent.ok ? {ok: true, exchange: sent.exchange} : sent;
}
