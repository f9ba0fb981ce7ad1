import path from 'node:path';
import type {CurrentBundler, LoadContext, Plugin, PluginModule} from '@docusaurus/types';
import {lazyPrism} from './lazy-prism';
import {searchBarConstants} from './search-bar-constants';
import {themeCommonLib, themeCommonReactUtils} from './upstream';

export {paintFirstSsrTemplate} from './paint-first';

export type StartupOptions = {searchResultLimits: number};

/** theme-common's own reactUtils, which ./react-utils.ts re-exports. */
const themeCommonReactUtilsFile = path.join(path.dirname(require.resolve('@docusaurus/theme-common')), 'utils', 'reactUtils.js');

/** Points theme-common's imports of its reactUtils at ./react-utils.ts (no localeCompare at start-up). */
function reactUtils(bundler: CurrentBundler) {
  return new bundler.instance.NormalModuleReplacementPlugin(themeCommonReactUtils, (resource: {request: string; context?: string}) => {
    if (themeCommonLib.test(`${resource.context ?? ''}/`)) resource.request = path.join(__dirname, 'react-utils.ts');
  });
}

/**
 * Everything this site changes in how a page starts, in one theme plugin (see UPGRADE.md and
 * contributing/performance.md): the components in ./theme shadow theme-classic's and search-local's
 * (`@theme/…`, as src/theme would), Prism and lunr leave the start-up bundle, and the page template
 * (./paint-first, set as `ssrTemplate`) starts the bundles after the first paint. Listed in
 * docusaurus.config.ts's `themes` after search-local, so its SearchBar shadows search-local's.
 */
export default function startupTheme({searchResultLimits}: StartupOptions): PluginModule {
  return (context: LoadContext): Plugin => {
    const prism = lazyPrism(context);
    const searchBar = searchBarConstants(context.generatedFilesDir, searchResultLimits);
    return {
      name: 'startup',
      getThemePath: () => path.join(__dirname, 'theme'),
      getClientModules: () => [prism.tokenColours, path.join(__dirname, 'client.ts')],
      configureWebpack(_config, isServer, {currentBundler}) {
        return {
          resolve: {alias: {...prism.aliases(isServer), '@startup/theme-common-react-utils': themeCommonReactUtilsFile}},
          plugins: [prism.replacement(currentBundler), searchBar(currentBundler), reactUtils(currentBundler)],
        };
      },
    };
  };
}
