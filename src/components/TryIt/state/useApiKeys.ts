/**
 * The API key part in React: the form's fields, the reducer (keys.ts), and each pending call run
 * once with the signed-in token. The client is injected, so tests drive it with a fake portal.
 * Imported only by the ApiKeys component, so all of it stays in that lazy chunk. It imports as
 * little of the widget's own code as it can: a module both chunks import is not hoisted into the
 * widget's chunk, which then grows.
 */
import {useEffect, useReducer, useRef, useState} from 'react';
import type {CallOptions} from '../../../docspace';
import {createKey, deleteKey, getSelfKey, listKeyScopes, listKeys} from '../../../docspace/keys';
import {setReaderPortal} from '../../../readerPortal';
import {initialKeysState, keysBusy, keysReducer, leastPrivilege, type KeysCall, type KeysEvent} from './keys';

/** The calls this part makes. */
export interface KeysClient {
  listKeyScopes: typeof listKeyScopes;
  listKeys: typeof listKeys;
  createKey: typeof createKey;
  deleteKey: typeof deleteKey;
  getSelfKey: typeof getSelfKey;
}

const DOCSPACE_KEYS: KeysClient = {listKeyScopes, listKeys, createKey, deleteKey, getSelfKey};

/** The expiry choices, in days; `never` is valid until deleted. */
export const EXPIRY_CHOICES = ['7', '30', '90', '365', 'never'] as const;
export type ExpiryChoice = (typeof EXPIRY_CHOICES)[number];

export interface ApiKeysOptions {
  /** The signed-in flow's portal and token. */
  origin: string;
  token: string;
  /** The flow's route: the proxy's URL when it goes through this site. */
  proxyUrl?: string;
  client?: KeysClient;
}

/** Which client call each pending call makes, and the event its answer becomes. */
async function run(pending: KeysCall, client: KeysClient, options: CallOptions & {token: string}): Promise<KeysEvent> {
  switch (pending.call) {
    case 'scopes':
      return {type: 'scopes-done', result: await client.listKeyScopes(options)};
    case 'list':
      return {type: 'list-done', result: await client.listKeys(options)};
    case 'create':
      return {type: 'create-done', result: await client.createKey({...options, ...pending.key})};
    case 'try':
      return {type: 'try-done', result: await client.getSelfKey({...options, token: pending.secret})};
    case 'revoke':
      return {type: 'revoke-done', keyId: pending.keyId, result: await client.deleteKey({...options, keyId: pending.keyId})};
  }
}

export function useApiKeys({origin, token, proxyUrl, client = DOCSPACE_KEYS}: ApiKeysOptions) {
  const [state, dispatch] = useReducer(keysReducer, undefined, initialKeysState);
  const [name, setName] = useState('');
  const [selected, setSelected] = useState<string[] | undefined>();
  const [expiry, setExpiry] = useState<ExpiryChoice>('30');
  // Set at each press of Create with a field left wrong; `attempt` tells each press apart.
  const [checked, setChecked] = useState({attempt: 0, checked: false});
  const [secretShown, setSecretShown] = useState(false);
  const [keyInExamples, setKeyInExamples] = useState(false);
  const inFlight = useRef<AbortController | null>(null);
  const scopes = selected ?? leastPrivilege(state.scopes ?? []);
  const secret = state.created?.key;

  useEffect(() => {
    const {pending} = state;
    if (!pending) return;
    const controller = new AbortController();
    inFlight.current = controller;
    void run(pending, client, {portal: origin, token, proxyUrl, signal: controller.signal}).then(dispatch);
  }, [state.pending]);
  useEffect(() => () => inFlight.current?.abort(), []);
  // A new secret is masked until asked for, and reaches the examples only on the reader's say-so.
  useEffect(() => {
    setSecretShown(false);
    setKeyInExamples(false);
  }, [secret]);
  useEffect(() => setReaderPortal({apiKey: keyInExamples ? secret : undefined}), [keyInExamples, secret]);
  useEffect(() => () => setReaderPortal({apiKey: undefined}), []);

  const missing = checked.checked ? {name: !name.trim(), scopes: scopes.length === 0} : {name: false, scopes: false};
  return {
    state,
    busy: keysBusy(state),
    name,
    setName,
    scopes,
    toggleScope(scope: string, on: boolean) {
      setSelected(on ? [...scopes, scope] : scopes.filter((other) => other !== scope));
    },
    expiry,
    setExpiry,
    missing,
    attempt: checked.attempt,
    secretShown,
    setSecretShown,
    keyInExamples,
    setKeyInExamples,
    /** A key needs a name and at least one scope: caught here, never sent (the portal would answer 400). */
    create() {
      if (keysBusy(state)) return;
      setChecked(({attempt}) => ({attempt: attempt + 1, checked: true}));
      if (!name.trim() || scopes.length === 0) return;
      dispatch({type: 'create', key: {name: name.trim(), permissions: scopes, ...(expiry === 'never' ? {} : {expiresInDays: Number(expiry)})}});
      setChecked(({attempt}) => ({attempt, checked: false}));
    },
    tryKey: () => dispatch({type: 'try'}),
    revoke: (keyId: string) => dispatch({type: 'revoke', keyId}),
    refresh: () => dispatch({type: 'refresh'}),
    dismiss: () => dispatch({type: 'dismiss'}),
  };
}
