import type {Plugin} from '@docusaurus/types';
import {getSwcJsMinimizerOptions} from '@docusaurus/faster';

/**
 * Browser bundles keep their text as UTF-8 instead of `\uXXXX` escapes. Docusaurus Faster minifies
 * with `ascii_only`, which writes each Chinese character as a six-byte escape instead of three
 * bytes: the Chinese guide's page chunk was 107 KB instead of 95 KB. Gzip hides most of that on the
 * wire, but the browser parses the raw text.
 * Safe here: every page declares `<meta charset="utf-8">`, which classic scripts inherit, and the
 * site's server sends `charset=utf-8` with each script. Same options as Docusaurus's own minimizer
 * otherwise (it builds them from this very function).
 */
export default function utf8BundlesPlugin(): Plugin {
  return {
    name: 'utf8-bundles',
    configureWebpack(config, isServer, {currentBundler}) {
      const minimizers = config.optimization?.minimizer;
      if (isServer || currentBundler.name !== 'rspack' || !minimizers) return {};
      const rspack = currentBundler.instance as unknown as typeof import('@rspack/core');
      const index = minimizers.findIndex((plugin) => plugin instanceof rspack.SwcJsMinimizerRspackPlugin);
      // Loud rather than silently escaped again if a Docusaurus upgrade changes how it minifies.
      if (index === -1) throw new Error('utf8-bundles: no SwcJsMinimizerRspackPlugin among the minimizers');
      const options = getSwcJsMinimizerOptions();
      // Docusaurus's options are terser-shaped; Rspack's types differ only in naming (as in Docusaurus's own call).
      const minimizerOptions = {minify: true, ...options, format: {...options.format, ascii_only: false}} as never;
      minimizers[index] = new rspack.SwcJsMinimizerRspackPlugin({minimizerOptions}) as never;
      return {};
    },
  };
}
