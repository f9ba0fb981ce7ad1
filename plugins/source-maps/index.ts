import type {Plugin} from '@docusaurus/types';

/**
 * Browser bundles with source maps, for `npm run bench:profile` only (docusaurus.config.ts adds
 * this plugin when BENCH_SOURCE_MAPS=1), so a CPU profile of start-up names the original files.
 */
export default function sourceMapsPlugin(): Plugin {
  return {
    name: 'source-maps',
    configureWebpack(_config, isServer) {
      return isServer ? {} : {devtool: 'source-map'};
    },
  };
}
