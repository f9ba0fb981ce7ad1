/**
 * The files inside upstream packages that the start-up plugin's build-time code finds by path (the
 * theme components' deep imports are in ./deep-imports.ts). An upgrade that moves one of them makes
 * the replacement silently match nothing; tests/unit/startup/upstream.test.ts checks each against the
 * installed packages. See UPGRADE.md.
 */

/** theme-classic's client module that loads Prism and its languages at start-up (lib/prism-include-languages.js). */
export const prismIncludeLanguages = /@docusaurus[\\/]theme-classic[\\/]lib[\\/]prism-include-languages(\.js)?$/;

/** search-local's generated constants, the one module its navbar bar imports lunr through. */
export const searchLocalGeneratedConstants = /[\\/]utils[\\/]proxiedGeneratedConstants(\.js)?$/;

/** search-local's navbar bar, the only importer whose constants are replaced. */
export const searchLocalSearchBar = /docusaurus-search-local[\\/].*[\\/]SearchBar[\\/]SearchBar\.jsx$/;

/** theme-common's `utils/reactUtils`, as its own modules import it (`./reactUtils`, `../utils/reactUtils`…). */
export const themeCommonReactUtils = /^(\.\.?\/)+(utils\/)?reactUtils(\.js)?$/;

/** Inside theme-common's build output: the only importers whose reactUtils is replaced. */
export const themeCommonLib = /@docusaurus[\\/]theme-common[\\/]lib[\\/]/;
