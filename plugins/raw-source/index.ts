import type {Plugin} from '@docusaurus/types';

/**
 * Lets MDX import a file's text with `?raw`, so the guide renders the very example files the
 * tests execute. Inline `!!raw-loader!` imports do not resolve under Docusaurus Faster (Rspack),
 * an asset/source rule does.
 */
export default function rawSourcePlugin(): Plugin {
  return {
    name: 'raw-source',
    configureWebpack() {
      return {module: {rules: [{resourceQuery: /raw/, type: 'asset/source'}]}};
    },
  };
}
