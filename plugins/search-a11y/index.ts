import path from 'node:path';
import type {Plugin} from '@docusaurus/types';

/** search-local's navbar bar and search page, and the one import of each that this plugin replaces. */
const REPLACED = [
  {issuer: /docusaurus-search-local[\\/].*[\\/]SearchBar[\\/]SearchBar\.jsx$/, request: /^@easyops-cn\/autocomplete\.js$/, by: 'autocomplete.ts'},
  {issuer: /docusaurus-search-local[\\/].*[\\/]SearchPage[\\/]SearchPage\.jsx$/, request: /^@theme\/Layout$/, by: 'SearchPageLayout.tsx'},
];

/**
 * Makes search-local's search (0.55) pass axe: its dropdown names a listbox with `aria-owns` and
 * holds the "See all results" link inside it, and its /search page has no `main` landmark. Swizzling
 * either would copy a 400-line component; instead each gets one import replaced, only for that
 * file: the bar's autocomplete.js by ./autocomplete.ts (the listbox moves to the list of hits), the
 * search page's Layout by ./SearchPageLayout.tsx (its content in a `main`). Colours are CSS
 * variables in src/css/custom.css.
 */
export default function searchA11yPlugin(): Plugin {
  return {
    name: 'search-a11y',
    configureWebpack(_config, _isServer, {currentBundler}) {
      return {
        plugins: REPLACED.map(
          ({issuer, request, by}) =>
            new currentBundler.instance.NormalModuleReplacementPlugin(request, (resource: {request: string; contextInfo?: {issuer?: string}}) => {
              if (issuer.test(resource.contextInfo?.issuer ?? '')) resource.request = path.join(__dirname, by);
            }),
        ),
      };
    },
  };
}
