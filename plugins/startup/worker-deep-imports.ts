/**
 * The deep imports of search-local's Web Worker (plugins/search-precision wraps two of its
 * modules). Apart from ./deep-imports.ts because the worker must not load the page's modules
 * (CSS, React); the same rule holds: an upgrade that moves one breaks the build here. See UPGRADE.md.
 */
export {smartQueries} from '@easyops-cn/docusaurus-search-local/dist/client/client/utils/smartQueries';
export {processTreeStatusOfSearchResults} from '@easyops-cn/docusaurus-search-local/dist/client/client/utils/processTreeStatusOfSearchResults';
