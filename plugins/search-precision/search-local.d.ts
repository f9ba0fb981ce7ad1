// Types for the two modules of search-local's client (plain JS, 0.55) this plugin wraps.
declare module '@easyops-cn/docusaurus-search-local/dist/client/client/utils/smartQueries' {
  export function smartQueries(tokens: string[], zhDictionary: string[]): import('./precision').SmartQuery[];
}
declare module '@easyops-cn/docusaurus-search-local/dist/client/client/utils/processTreeStatusOfSearchResults' {
  export function processTreeStatusOfSearchResults(results: unknown[]): void;
}
