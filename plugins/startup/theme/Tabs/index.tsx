/**
 * theme-classic's Tabs without its remount after hydration. The original keys its provider on
 * useIsBrowser() (`key={String(isBrowser)}`, a guard against Docusaurus issue #5653, tab state not
 * matching after hydration), which threw every tab group and its code blocks away and rebuilt them
 * once the page had hydrated. The guard is not needed: useTabsContextValue starts from the server's
 * default and switches to `?lang=` or the remembered tab in a layout effect
 * (tests/e2e/hydration.spec.ts keeps the server's nodes through that).
 *
 * So the original reads a constant from the browser context and its key never changes; each tab's
 * content gets the real value back, so code blocks and the panel inside see the browser as usual.
 * The original reads the context only for that key (tests/unit/startup/upstream.test.ts fails
 * when its source changes; see plugins/startup/UPGRADE.md).
 */
import React, {Children, cloneElement, createContext, isValidElement, startTransition, useContext, useMemo, type ReactNode} from 'react';
import {useHistory} from '@docusaurus/router';
import useIsBrowser from '@docusaurus/useIsBrowser';
import OriginalTabs from '@theme-init/Tabs';
import type {Props} from '@theme/Tabs';
import {BrowserContext, HistoryContext} from '../../deep-imports';

/** The real browser context, carried past the constant one the original reads. */
const RealBrowserContext = createContext(false);

/** A tab's content, with the real browser context back. */
function TabContent({children}: {children: ReactNode}): ReactNode {
  return <BrowserContext.Provider value={useContext(RealBrowserContext)}>{children}</BrowserContext.Provider>;
}

type History = ReturnType<typeof useHistory>;

/**
 * The router's history, with `replace()` run as a transition. The original writes the choice to
 * the URL (`?lang=`) with it inside the click: the router then rendered the whole page again before
 * the click could paint (a first tab switch took 168 ms to paint at 4× CPU, 120 ms without that,
 * in one `npm run bench:compare`); as a transition that render comes after the frame and can be
 * interrupted. Everything else is the history itself.
 */
function useHistoryReplacingInTransition(): History {
  const history = useHistory();
  return useMemo(() => {
    const replace: History['replace'] = (...args: Parameters<History['replace']>) => startTransition(() => history.replace(...args));
    return Object.assign(Object.create(history) as History, {replace});
  }, [history]);
}

export default function Tabs(props: Props): ReactNode {
  const isBrowser = useIsBrowser();
  const history = useHistoryReplacingInTransition();
  // The same element while the props are: when the browser context turns true after hydration,
  // only what reads it inside re-renders (through TabContent), not the whole group with the code
  // blocks of every language, as it did when this wrapper passed the value down itself.
  const tabs = useMemo(() => {
    const items = Children.map(props.children, (item) =>
      isValidElement<{children?: ReactNode}>(item) ? cloneElement(item, undefined, <TabContent>{item.props.children}</TabContent>) : item,
    );
    return (
      <HistoryContext.Provider value={history}>
        <BrowserContext.Provider value={false}>
          <OriginalTabs {...props}>{items}</OriginalTabs>
        </BrowserContext.Provider>
      </HistoryContext.Provider>
    );
  }, [props, history]);
  return <RealBrowserContext.Provider value={isBrowser}>{tabs}</RealBrowserContext.Provider>;
}
