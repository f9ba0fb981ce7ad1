import {mkdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import type {LoadContext, Plugin, PluginModule} from '@docusaurus/types';

export type SearchBarConstantsOptions = {searchResultLimits: number};

/** The one module search-local's search bar imports lunr through. */
const generatedConstants = /[\\/]utils[\\/]proxiedGeneratedConstants(\.js)?$/;
const searchBar = /docusaurus-search-local[\\/].*[\\/]SearchBar[\\/]SearchBar\.jsx$/;

/**
 * Keeps lunr out of main.js. search-local's navbar search bar imports one number
 * (`searchResultLimits`) from its generated constants, a module that also loads lunr, its
 * stemmer support, Chinese support and lunr.multi as side effects (~37 KB minified), though the
 * bar only hands the number to its Web Worker, which loads lunr itself. For the bar alone that
 * module is replaced by one exporting the number; the worker and the search page still import
 * the real one. The number comes from the same options object the theme gets (see
 * docusaurus.config.ts), so the two cannot disagree.
 */
export default function searchBarConstantsPlugin({searchResultLimits}: SearchBarConstantsOptions): PluginModule {
  return (context: LoadContext) => plugin(context, searchResultLimits);
}

function plugin(context: LoadContext, searchResultLimits: number): Plugin {
  const constantsFile = path.join(context.generatedFilesDir, 'search-bar-constants', 'index.js');
  mkdirSync(path.dirname(constantsFile), {recursive: true});
  writeFileSync(constantsFile, `export const searchResultLimits = ${JSON.stringify(searchResultLimits)};\n`);

  return {
    name: 'search-bar-constants',
    configureWebpack(_config, _isServer, {currentBundler}) {
      return {
        plugins: [
          new currentBundler.instance.NormalModuleReplacementPlugin(
            /proxiedGeneratedConstants/,
            (resource: {request: string; contextInfo?: {issuer?: string}}) => {
              if (generatedConstants.test(resource.request) && searchBar.test(resource.contextInfo?.issuer ?? '')) {
                resource.request = constantsFile;
              }
            },
          ),
        ],
      };
    },
  };
}
