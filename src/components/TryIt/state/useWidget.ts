/**
 * Everything the widget holds besides the flow itself: the form's fields, which ones are missing,
 * whether the token is shown, kept for the tab or put in the examples. The Widget component
 * renders what this returns and calls its actions.
 */
import {useEffect, useState} from 'react';
import {normalizePortalUrl, parseExpires} from '../../../docspace';
import {getReaderPortal, setReaderPortal} from '../../../readerPortal';
import type {WidgetConfig} from './config';
import {readEarlyForm} from './earlyForm';
import {currentToken} from './machine';
import {readRememberedToken, useRememberInTab} from './rememberedToken';
import type {TryItClient} from './effects';
import {useTryIt} from './useTryIt';

/** The sandbox's demo account (servers/sandbox/accounts.ts); src may not import servers. */
const SANDBOX_DEMO = {userName: 'demo', password: 'demo-password'};

interface Fields {
  portal: string;
  userName: string;
  password: string;
  session: boolean;
  /** The second factor's code. */
  code: string;
}

/** A field that must not be empty before anything is sent. */
export type RequiredField = 'userName' | 'password';

export function useWidget({sandboxUrl, proxyUrl}: WidgetConfig, client?: TryItClient) {
  const tryIt = useTryIt({proxyUrl, client});
  const {state} = tryIt;
  const [remembered] = useState(readRememberedToken);
  // What the reader typed into the early form before this code had loaded (read while it is still on the page).
  const [early] = useState(readEarlyForm);
  const [fields, setFields] = useState<Fields>(() => ({
    portal: early.values.portal ?? remembered?.portal ?? getReaderPortal().portalOrigin ?? '',
    userName: early.values.userName ?? '',
    password: early.values.password ?? '',
    session: false,
    code: '',
  }));
  // The fields found empty at the last press of Get token; `attempt` tells each press apart.
  const [checked, setChecked] = useState<{empty: RequiredField[]; attempt: number}>({empty: [], attempt: 0});
  const [tokenShown, setTokenShown] = useState(false);
  const [tokenInExamples, setTokenInExamples] = useState(false);
  // The API key part opens on the reader's press (its chunk and calls follow), once per token.
  const [keysOpen, setKeysOpen] = useState(false);
  const token = currentToken(state);
  const [rememberInTab, setRememberInTab] = useRememberInTab(remembered !== null, token, state.origin, tryIt.route);
  // The one place the typed address is read: the examples, and every call of the flow, take this origin.
  const typed = normalizePortalUrl(fields.portal);
  const portalOrigin = typed.ok ? typed.origin : undefined;

  // Every Example on the page follows the address as soon as it is a valid one, and the user name as typed.
  useEffect(() => setReaderPortal({portalOrigin}), [portalOrigin]);
  const userName = fields.userName.trim() || undefined;
  useEffect(() => setReaderPortal({userName}), [userName]);
  useEffect(() => setReaderPortal({token: tokenInExamples ? token?.token : undefined}), [tokenInExamples, token]);
  useEffect(() => () => setReaderPortal({token: undefined}), []);
  // A new token is masked until the reader asks to see it, and starts with the key part closed.
  useEffect(() => {
    setTokenShown(false);
    setKeysOpen(false);
  }, [token]);
  // Once, on mount: a token the reader kept for this tab shows its profile again.
  useEffect(() => {
    if (remembered) {
      const expires = parseExpires(remembered.expiresRaw);
      tryIt.restore(remembered.portal, {token: remembered.token, expires, expiresRaw: remembered.expiresRaw}, remembered.route);
    }
  }, []);

  const setField = <K extends keyof Fields>(name: K, value: Fields[K]) => setFields((current) => ({...current, [name]: value}));
  const isEmpty = (name: RequiredField) => (name === 'userName' ? !fields.userName.trim() : !fields.password);

  return {
    tryIt,
    fields,
    setField,
    /** Where the cursor was in the early form, to be put back in the same field. */
    earlyFocus: early.focus,
    /** Required fields still empty since the last press of Get token. */
    missing: checked.empty.filter(isEmpty),
    attempt: checked.attempt,
    token,
    tokenShown,
    setTokenShown,
    tokenInExamples,
    setTokenInExamples,
    rememberInTab,
    setRememberInTab,
    keysOpen,
    openKeys: () => setKeysOpen(true),
    /** An empty user name or password is caught here: never sent, so it never counts towards the lockout. */
    submit() {
      if (tryIt.busy) return;
      const empty = (['userName', 'password'] as const).filter(isEmpty);
      setChecked(({attempt}) => ({empty, attempt: attempt + 1}));
      if (empty.length > 0) return;
      setTokenInExamples(false);
      tryIt.signIn(typed, {userName: fields.userName, password: fields.password, session: fields.session});
      // The hook keeps the password only as long as the flow needs it.
      setFields((current) => ({...current, password: '', code: ''}));
    },
    confirm() {
      const code = fields.code.trim();
      if (tryIt.busy || !code) return;
      tryIt.confirm(code);
      setField('code', '');
    },
    /** Fills the form with the sandbox's demo account; absent when the site knows no sandbox. */
    fillSandbox: sandboxUrl
      ? () => {
          if (!tryIt.busy) setFields((current) => ({...current, portal: sandboxUrl, ...SANDBOX_DEMO}));
        }
      : undefined,
  };
}

