// Types for the parts of search-local's client (plain JS, 0.55) that ./deep-imports.ts re-exports.
declare module '@easyops-cn/docusaurus-search-local/dist/client/client/theme/LoadingRing/LoadingRing' {
  export default function LoadingRing(props: {className?: string}): import('react').ReactNode;
}
declare module '@easyops-cn/docusaurus-search-local/dist/client/client/utils/keymap' {
  export type ParsedKeymap = {ctrl: boolean; alt: boolean; shift: boolean; meta: boolean; mod: boolean; key: string};
  export function parseKeymap(keymap: string): ParsedKeymap;
  export function matchesKeymap(event: KeyboardEvent, keymap: ParsedKeymap): boolean;
  export function getKeymapHints(keymap: string, isMac: boolean): string[];
}
declare module '@easyops-cn/docusaurus-search-local/dist/client/client/utils/platform' {
  export function isMacPlatform(): boolean;
}
declare module '@easyops-cn/docusaurus-search-local/dist/client/client/utils/proxiedGenerated' {
  export const searchBarShortcut: boolean;
  export const searchBarShortcutHint: boolean;
  export const searchBarShortcutKeymap: string;
}
declare module '@easyops-cn/docusaurus-search-local/dist/client/client/theme/SearchBar' {
  const SearchBar: import('react').ComponentType<{handleSearchBarToggle?: (expanded: boolean) => void}>;
  export default SearchBar;
}
// The two worker modules plugins/search-precision wraps (./worker-deep-imports.ts).
declare module '@easyops-cn/docusaurus-search-local/dist/client/client/utils/smartQueries' {
  export function smartQueries(tokens: string[], zhDictionary: string[]): import('../search-precision/precision').SmartQuery[];
}
declare module '@easyops-cn/docusaurus-search-local/dist/client/client/utils/processTreeStatusOfSearchResults' {
  export function processTreeStatusOfSearchResults(results: unknown[]): void;
}
