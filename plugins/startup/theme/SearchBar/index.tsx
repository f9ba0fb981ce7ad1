/**
 * Wraps search-local's navbar search bar so its code stays out of main.js.
 *
 * The bar's code (its component, suggestion templates, the worker client and comlink; 11.5 KB of
 * main.js, 4.3 KB gzip) runs at start-up on every page, though it only matters once the reader
 * goes to search. Until then a
 * stand-in with the bar's own markup and classes is rendered (so the first paint and hydration are
 * unchanged and nothing moves), and the bar is loaded on the first sign of searching: the pointer
 * over it, a touch, focus, or Ctrl/⌘+K. search-local itself waits for the same signs to fetch its
 * index. What the reader typed, the caret and the focus carry over to the real input.
 */
import React, {useCallback, useEffect, useLayoutEffect, useRef, useState, type ComponentType, type ReactNode} from 'react';
import clsx from 'clsx';
import {translate} from '@docusaurus/Translate';
import useIsBrowser from '@docusaurus/useIsBrowser';
import {
  getKeymapHints,
  importSearchLocalBar,
  isMacPlatform,
  matchesKeymap,
  parseKeymap,
  searchBarShortcut,
  searchBarShortcutHint,
  searchBarShortcutKeymap,
  SearchBarLoadingRing as LoadingRing,
  searchBarStyles as styles,
} from '../../deep-imports';

type SearchBarProps = {handleSearchBarToggle?: (expanded: boolean) => void};
type SearchBarComponent = ComponentType<SearchBarProps>;

/** The stand-in's state when the bar replaced it, put back on the bar's input. */
type CarriedInput = {
  value: string;
  focused: boolean;
  selectionStart: number | null;
  selectionEnd: number | null;
  /** The element both the stand-in and the bar sit in (the navbar's items). */
  container: Element | null;
};

let loading: Promise<SearchBarComponent> | undefined;
/** One request for the bar however many signs arrive; a failed request may be retried on the next one. */
function loadSearchBar(): Promise<SearchBarComponent> {
  loading ??= importSearchLocalBar().then(
    (module) => module.default,
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

export default function SearchBarWrapper(props: SearchBarProps): ReactNode {
  const [SearchBar, setSearchBar] = useState<SearchBarComponent | null>(null);
  // Written by the stand-in as it is removed, read when the bar has mounted: the same commit, so no
  // keystroke can fall between the two.
  const carried = useRef<CarriedInput | null>(null);

  const load = useCallback(() => {
    loadSearchBar().then(
      (component) => setSearchBar(() => component),
      () => {
        // Offline or a stale deploy: the stand-in stays, and the next sign tries again.
      },
    );
  }, []);

  useLayoutEffect(() => {
    const moved = carried.current;
    const input = moved?.container?.querySelector<HTMLInputElement>('input.navbar__search-input');
    if (!SearchBar || !moved || !input) return;
    carried.current = null;
    if (moved.value) {
      // The bar's input is controlled by React: set it the way typing does, so its state follows.
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, moved.value);
      input.dispatchEvent(new Event('input', {bubbles: true}));
    }
    if (moved.focused) {
      input.focus();
      input.setSelectionRange(moved.selectionStart, moved.selectionEnd);
    }
  }, [SearchBar]);

  return SearchBar ? <SearchBar {...props} /> : <SearchBarStandIn {...props} carry={carried} onIntent={load} />;
}

type StandInProps = SearchBarProps & {
  carry: React.RefObject<CarriedInput | null>;
  onIntent: () => void;
};

/** search-local's SearchBar markup (0.55), without its behaviour. */
function SearchBarStandIn({handleSearchBarToggle, carry, onIntent}: StandInProps): ReactNode {
  const isBrowser = useIsBrowser();
  const inputRef = useRef<HTMLInputElement>(null);
  const [value, setValue] = useState('');
  const [focused, setFocused] = useState(false);
  useShortcutFocuses(inputRef);
  // The page is readable before it is hydrated (plugins/startup/paint-first.ts): take over what the reader
  // typed into the server's input by then, before any re-render would reset it, and load the bar if
  // they are in it. search-local's bar does the same on mount.
  useLayoutEffect(() => {
    const input = inputRef.current;
    if (!input) return;
    if (input.value) setValue(input.value);
    if (document.activeElement === input) {
      setFocused(true);
      handleSearchBarToggle?.(true);
      onIntent();
    }
    // Only what the server's input holds at hydration.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  // Runs as the bar replaces the stand-in, while its input is still in the page (React runs a
  // removed component's layout clean-ups before it detaches the nodes): what the reader typed so far.
  useLayoutEffect(
    () => () => {
      const input = inputRef.current;
      if (!input) return;
      carry.current = {
        value: input.value,
        focused: document.activeElement === input,
        selectionStart: input.selectionStart,
        selectionEnd: input.selectionEnd,
        container: input.closest('.navbar__search')?.parentElement ?? null,
      };
    },
    [carry],
  );

  return (
    <div
      className={clsx('navbar__search', styles.searchBarContainer, {
        [styles.searchIndexLoading]: value !== '',
        [styles.focused]: focused,
      })}
      dir="ltr">
      <svg aria-hidden="true" className={styles.searchIcon} focusable="false" viewBox="0 0 16 16">
        <path
          fill="currentColor"
          d="M6.02945 10.20327a4.17382 4.17382 0 1 1 4.17382-4.17382 4.15609 4.15609 0 0 1-4.17382 4.17382Zm9.69195 4.2199-4.8225-4.82338A5.88021 5.88021 0 0 0 12.058 6.02856 6.00467 6.00467 0 1 0 9.59979 10.8989l4.82338 4.82338a.89729.89729 0 0 0 1.29912 0 .89749.89749 0 0 0-.00087-1.29909Z"
        />
      </svg>
      <input
        ref={inputRef}
        placeholder={translate({id: 'theme.SearchBar.label', message: 'Search', description: 'The ARIA label and placeholder for search button'})}
        aria-label="Search"
        className={`navbar__search-input ${styles.searchInput}`}
        value={value}
        onChange={(event) => setValue(event.target.value)}
        onPointerEnter={onIntent}
        onTouchStart={onIntent}
        onFocus={() => {
          onIntent();
          setFocused(true);
          handleSearchBarToggle?.(true);
        }}
        onBlur={() => {
          setFocused(false);
          handleSearchBarToggle?.(false);
        }}
      />
      <LoadingRing className={styles.searchBarLoadingRing} />
      {searchBarShortcut && searchBarShortcutHint && isBrowser && value === '' && searchBarShortcutKeymap && (
        <div className={styles.searchHintContainer}>
          {getKeymapHints(searchBarShortcutKeymap, isMacPlatform()).map((hint, index) => (
            <kbd key={index} className={styles.searchHint}>
              {hint}
            </kbd>
          ))}
        </div>
      )}
    </div>
  );
}

/** The bar's shortcut (Ctrl/⌘+K) works before the bar has loaded: it focuses the stand-in, which loads it. */
function useShortcutFocuses(inputRef: React.RefObject<HTMLInputElement | null>): void {
  useEffect(() => {
    if (!searchBarShortcut || !searchBarShortcutKeymap) return undefined;
    const keymap = parseKeymap(searchBarShortcutKeymap);
    const onKeyDown = (event: KeyboardEvent) => {
      if (!matchesKeymap(event, keymap)) return;
      event.preventDefault();
      inputRef.current?.focus();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [inputRef]);
}
