/**
 * The API key part of the panel: a pure reducer over the portal's scopes, the reader's keys, the
 * key just created (its secret held here only until the reader is done with it) and the one call
 * in flight. Like machine.ts, each call is a `pending` value that useApiKeys runs. A create is
 * never resent: the portal makes a new key on every call, so a failed one is reported, not retried.
 */
import type {
  ApiKeyInfo,
  CreateKeyResult,
  CreatedApiKey,
  DocSpaceFailure,
  KeyChangeResult,
  KeyListResult,
  KeyResult,
  KeyScopesResult,
} from '../../../docspace';

/** What the reader asks a new key to be. */
export interface NewKey {
  name: string;
  permissions: string[];
  /** Undefined: valid until deleted. */
  expiresInDays?: number;
}

export type KeysCall =
  | {call: 'scopes'}
  | {call: 'list'}
  | {call: 'create'; key: NewKey}
  /** GET /keys/@self with the new key: proof it works. */
  | {call: 'try'; secret: string}
  | {call: 'revoke'; keyId: string};

export type KeysCallName = KeysCall['call'];

export interface KeysState {
  /** The portal's scopes, once listed. */
  scopes?: string[];
  /** The reader's keys, once listed (refreshed after every create and revoke). */
  keys?: ApiKeyInfo[];
  /** The key just created, with its secret: shown this once, dropped on dismiss, revoke or unmount. */
  created?: CreatedApiKey;
  /** The name the portal knows the new key by, once tried. */
  triedAs?: string;
  pending?: KeysCall;
  failure?: {call: KeysCallName; error: DocSpaceFailure};
}

export type KeysEvent =
  | {type: 'refresh'}
  | {type: 'create'; key: NewKey}
  | {type: 'try'}
  | {type: 'revoke'; keyId: string}
  /** The reader has stored the secret: it leaves the page. */
  | {type: 'dismiss'}
  | {type: 'scopes-done'; result: KeyScopesResult}
  | {type: 'list-done'; result: KeyListResult}
  | {type: 'create-done'; result: CreateKeyResult}
  | {type: 'try-done'; result: KeyResult}
  | {type: 'revoke-done'; keyId: string; result: KeyChangeResult};

/** First the scopes (the form needs them), then the list. */
export const initialKeysState = (): KeysState => ({pending: {call: 'scopes'}});

export const keysBusy = (state: KeysState): boolean => state.pending !== undefined;

/** The least privilege a program of this guide needs: reading its own profile. Nothing, when the portal has no such scope. */
export function leastPrivilege(scopes: readonly string[]): string[] {
  return scopes.includes('accounts:read') ? ['accounts:read'] : [];
}

/** After a call's answer: its failure shown (or the last one cleared), nothing pending. */
function answered(state: KeysState, call: KeysCallName, result: {ok: boolean; error?: DocSpaceFailure}): KeysState {
  const failure = !result.ok && result.error ? {call, error: result.error} : undefined;
  return {...state, pending: undefined, failure};
}

/** Pure: an event not expected now (a second press while a call is out, a late answer) changes nothing. */
export function keysReducer(state: KeysState, event: KeysEvent): KeysState {
  const idle = !keysBusy(state);
  switch (event.type) {
    case 'refresh':
      return idle ? {...state, pending: {call: 'list'}} : state;
    case 'create':
      return idle && event.key.name.trim() && event.key.permissions.length > 0
        ? {...state, created: undefined, triedAs: undefined, failure: undefined, pending: {call: 'create', key: event.key}}
        : state;
    case 'try':
      return idle && state.created ? {...state, pending: {call: 'try', secret: state.created.key}} : state;
    case 'revoke':
      return idle ? {...state, pending: {call: 'revoke', keyId: event.keyId}} : state;
    case 'dismiss':
      return {...state, created: undefined, triedAs: undefined};
    case 'scopes-done': {
      if (state.pending?.call !== 'scopes') return state;
      const next = answered(state, 'scopes', event.result);
      return event.result.ok ? {...next, scopes: event.result.scopes, pending: {call: 'list'}} : next;
    }
    case 'list-done': {
      if (state.pending?.call !== 'list') return state;
      const next = answered(state, 'list', event.result);
      return event.result.ok ? {...next, keys: event.result.keys} : next;
    }
    case 'create-done': {
      if (state.pending?.call !== 'create') return state;
      const next = answered(state, 'create', event.result);
      // The list follows, so the new key shows there too (without its secret).
      return event.result.ok ? {...next, created: event.result.key, pending: {call: 'list'}} : next;
    }
    case 'try-done': {
      if (state.pending?.call !== 'try') return state;
      const next = answered(state, 'try', event.result);
      return event.result.ok ? {...next, triedAs: event.result.key.name} : next;
    }
    case 'revoke-done': {
      if (state.pending?.call !== 'revoke' || state.pending.keyId !== event.keyId) return state;
      const next = answered(state, 'revoke', event.result);
      if (!event.result.ok) return next;
      // A revoked new key has no secret worth keeping.
      const created = state.created?.id === event.keyId ? undefined : state.created;
      return {...next, created, triedAs: created ? state.triedAs : undefined, pending: {call: 'list'}};
    }
  }
}
