import {mkdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import type {CurrentBundler} from '@docusaurus/types';
import {searchLocalGeneratedConstants, searchLocalSearchBar} from './upstream';

/**
 * Keeps lunr out of main.js. search-local's navbar search bar imports one number
 * (`searchResultLimits`) from its generated constants, a module that also loads lunr, its
 * stemmer support, Chinese support and lunr.multi as side effects (~37 KB minified), though the
 * bar only hands the number to its Web Worker, which loads lunr itself. For the bar alone that
 * module is replaced by one exporting the number; the worker and the search page still import
 * the real one. The number comes from the same options object the theme gets (see
 * docusaurus.config.ts), so the two cannot disagree.
 *
 * Writes the bar's module and returns the replacement rule for the bundler.
 */
export function searchBarConstants(generatedFilesDir: string, searchResultLimits: number) {
  const constantsFile = path.join(generatedFilesDir, 'search-bar-constants', 'index.js');
  mkdirSync(path.dirname(constantsFile), {recursive: true});
  writeFileSync(constantsFile, `export const searchResultLimits = ${JSON.stringify(searchResultLimits)};\n`);

  return (bundler: CurrentBundler) =>
    new bundler.instance.NormalModuleReplacementPlugin(
      /proxiedGeneratedConstants/,
      (resource: {request: string; contextInfo?: {issuer?: string}}) => {
        if (searchLocalGeneratedConstants.test(resource.request) && searchLocalSearchBar.test(resource.contextInfo?.issuer ?? '')) {
          resource.request = constantsFile;
        }
      },
    );
}
