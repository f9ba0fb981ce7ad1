/**
 * Letting React hydrate an element without its children: the server's nodes inside stay as they
 * are, and React neither builds nor compares anything for them. Used where the server's HTML is
 * already what the reader needs and nothing inside it moves (highlighted code, static prose).
 */
import {useState, useSyncExternalStore} from 'react';
import ExecutionEnvironment from '@docusaurus/ExecutionEnvironment';

/**
 * The props that keep an element's server children: one constant object, so React applies
 * innerHTML only when this prop changes, which it never does; nothing from a reader goes through it.
 */
export const KEEP_SERVER_HTML = {dangerouslySetInnerHTML: {__html: ''}, suppressHydrationWarning: true} as const;

const subscribeToNothing = () => () => {};

/**
 * True when this component is being hydrated from server HTML; false on the server (which renders
 * everything) and when first mounted in the browser (a client-side navigation, a tab opened later).
 */
export function useHydratedFromServer(): boolean {
  const hydrating = useSyncExternalStore(subscribeToNothing, () => false, () => ExecutionEnvironment.canUseDOM);
  return useState(hydrating)[0];
}
