/**
 * Letting React hydrate an element without its children: the server's nodes inside stay as they
 * are, and React neither builds nor compares anything for them. Used where the server's HTML is
 * already what the reader needs and nothing inside it moves (highlighted code, static prose).
 */
import {useState, type RefCallback} from 'react';
import ExecutionEnvironment from '@docusaurus/ExecutionEnvironment';

/**
 * The props that keep an element's server children: one constant object, so React applies
 * innerHTML only when this prop changes, which it never does; nothing from a reader goes through it.
 */
export const KEEP_SERVER_HTML = {dangerouslySetInnerHTML: {__html: ''}, suppressHydrationWarning: true} as const;

/**
 * True in the browser until the page's first commit: a component rendered before then is being
 * hydrated from the server's HTML. ./client.ts turns it off in that commit (Docusaurus calls
 * `onRouteDidUpdate` in a layout effect of it), so a page the browser renders itself (a
 * client-side navigation) renders everything.
 *
 * A flag, not a `useSyncExternalStore` with a server snapshot: that hook tells a hydrating render
 * from any other, but right after hydration React re-renders every component whose store reads
 * differently in the browser, synchronously, and this one did by design: on the guide, every kept
 * block and code block again, one uninterrupted task of ~80 ms with the CPU slowed 4×.
 */
let hydratingPage = ExecutionEnvironment.canUseDOM;

export function pageHydrated(): void {
  hydratingPage = false;
}

/**
 * Whether this component keeps its element's server children (true while hydrating them), and a
 * ref for that element. The ref covers what the flag cannot tell: React rendering the page, or a
 * part of it, itself during hydration (after a mismatch). That element is new and empty; the ref
 * sees it, and the component renders its children after all.
 */
export function useKeptServerHtml(): [keep: boolean, ref: RefCallback<Element> | undefined] {
  const [keep, setKeep] = useState(hydratingPage);
  const [checkKept] = useState(() => (element: Element | null) => {
    if (element && !element.hasChildNodes()) setKeep(false);
  });
  return [keep, keep ? checkKept : undefined];
}
