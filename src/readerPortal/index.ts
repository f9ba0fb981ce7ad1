/**
 * The reader's portal, shared by the try-it widget and every Example on the page.
 * Tiny on purpose: Example imports it, so it must not pull the widget into the page's bundle.
 * The host is remembered in localStorage; the user name, the token and an API key live in memory
 * only, the token and the key only while the reader has asked for them to appear in the examples.
 * Never the password.
 */
import {useDeferredValue, useSyncExternalStore} from 'react';
import {normalizePortalUrl} from '../docspace/url';

export interface ReaderPortal {
  /** `https://portal.example.com`, once the reader has typed a valid address. */
  portalOrigin?: string;
  /** The user name as typed in the panel, for the guide's "set these" block. */
  userName?: string;
  /** Present only while "Put my token in the examples" is ticked. */
  token?: string;
  /** A new API key's secret, present only while "Put this key in the examples" is ticked. */
  apiKey?: string;
}

const HOST_KEY = 'docspace-guide:portal';
const EMPTY: ReaderPortal = {};
const listeners = new Set<() => void>();
let current: ReaderPortal | undefined;

/** The remembered origin, only if it is one the widget would accept (storage is anyone's to edit). */
function rememberedHost(): string | undefined {
  let saved: string | null | undefined;
  try {
    saved = globalThis.localStorage?.getItem(HOST_KEY);
  } catch {
    return undefined; // storage disabled: nothing remembered
  }
  const portal = normalizePortalUrl(saved ?? '');
  return portal.ok && portal.origin === saved ? saved : undefined;
}

export function getReaderPortal(): ReaderPortal {
  // Nothing remembered is the server's very object: React re-renders (synchronously) every
  // component whose store reads differently in the browser than on the server right after hydration.
  if (!current) {
    const host = rememberedHost();
    current = host ? {portalOrigin: host} : EMPTY;
  }
  return current;
}

export function setReaderPortal(change: Partial<ReaderPortal>): void {
  const next = {...getReaderPortal(), ...change};
  if (next.portalOrigin === current?.portalOrigin && next.userName === current?.userName && next.token === current?.token && next.apiKey === current?.apiKey) return;
  current = next;
  try {
    if (next.portalOrigin) localStorage.setItem(HOST_KEY, next.portalOrigin);
    else localStorage.removeItem(HOST_KEY);
  } catch {
    // storage disabled: the host is simply not remembered
  }
  listeners.forEach((listener) => listener());
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * The server (and hydration) render the generic placeholders; the browser then fills them.
 * Deferred: a store's change re-renders its readers synchronously, inside the keystroke that made
 * it, so the reader's key waited for every example on the page; now the key is painted first and
 * the examples follow in a render React can interrupt. Readers memoise on the object returned.
 */
export function useReaderPortal(): ReaderPortal {
  return useDeferredValue(useSyncExternalStore(subscribe, getReaderPortal, () => EMPTY));
}
