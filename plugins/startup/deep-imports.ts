/**
 * Every import the start-up theme makes past a package's public API (a `lib/` or `dist/` path that
 * the package may move in any release). They are all here so that an upgrade which moves one breaks
 * the build in this file, and nowhere else; tests/unit/startup/upstream.test.ts checks that no other
 * file imports such a path. See UPGRADE.md.
 */

// theme-classic: the code block's CSS module, used as is (the patched Content keeps its class names).
export {default as codeBlockContentStyles} from '@docusaurus/theme-classic/lib/theme/CodeBlock/Content/styles.module.css';
// theme-classic: the code block buttons' CSS module (the patched Buttons keeps its class names).
export {default as codeBlockButtonsStyles} from '@docusaurus/theme-classic/lib/theme/CodeBlock/Buttons/styles.module.css';

// Docusaurus core: the context useIsBrowser() reads (theme/Tabs gives the original a constant one).
export {Context as BrowserContext} from '@docusaurus/core/lib/client/browserContext';

// react-router 5 (under @docusaurus/router): the context useHistory() reads (theme/Tabs gives the
// original a history whose replace() runs in a transition).
export {__HistoryContext as HistoryContext} from 'react-router';

// search-local 0.55 (its client is plain JS; types in ./search-local.d.ts): what the search bar's
// stand-in shares with the bar, and the bar itself.
export {default as SearchBarLoadingRing} from '@easyops-cn/docusaurus-search-local/dist/client/client/theme/LoadingRing/LoadingRing';
export {default as searchBarStyles} from '@easyops-cn/docusaurus-search-local/dist/client/client/theme/SearchBar/SearchBar.module.css';
export {getKeymapHints, matchesKeymap, parseKeymap} from '@easyops-cn/docusaurus-search-local/dist/client/client/utils/keymap';
export {isMacPlatform} from '@easyops-cn/docusaurus-search-local/dist/client/client/utils/platform';
export {
  searchBarShortcut,
  searchBarShortcutHint,
  searchBarShortcutKeymap,
} from '@easyops-cn/docusaurus-search-local/dist/client/client/utils/proxiedGenerated';

/**
 * search-local's navbar bar, in a chunk of its own. Imported by path: in this theme plugin
 * `@theme-original/SearchBar` is the wrapper itself and `@theme-init/SearchBar` theme-classic's placeholder.
 */
export const importSearchLocalBar = () => import('@easyops-cn/docusaurus-search-local/dist/client/client/theme/SearchBar');
