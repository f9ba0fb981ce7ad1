import path from 'node:path';
import type {Plugin} from '@docusaurus/types';

/** search-local's Web Worker, which runs every query of the navbar bar and the search page. */
const worker = /docusaurus-search-local[\\/].*[\\/]theme[\\/]worker\.js$/;
/** The two modules the worker imports that this plugin replaces, each by its namesake here. */
const replaced = /^\.\.\/utils\/(smartQueries|processTreeStatusOfSearchResults)$/;

/**
 * Search that finds what a reader of error messages types. search-local 0.55 matches every word
 * fuzzily (one edit), so "401" also lists 403 and 201, and "CORS" lists ".com"; and a section's
 * heading and its text are two hits. In its worker, and only there, this plugin swaps two modules
 * for wrappers (./smartQueries.ts, ./processTreeStatusOfSearchResults.ts) that apply
 * ./precision.ts: numbers and short words match exactly, each section is listed once, and the
 * Chinese names of the second factor are one term.
 */
export default function searchPrecisionPlugin(): Plugin {
  return {
    name: 'search-precision',
    configureWebpack(_config, _isServer, {currentBundler}) {
      return {
        plugins: [
          new currentBundler.instance.NormalModuleReplacementPlugin(replaced, (resource: {request: string; contextInfo?: {issuer?: string}}) => {
            const name = replaced.exec(resource.request)?.[1];
            if (name && worker.test(resource.contextInfo?.issuer ?? '')) {
              resource.request = path.join(__dirname, `${name}.ts`);
            }
          }),
        ],
      };
    },
  };
}
