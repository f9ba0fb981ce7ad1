import {mkdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import type {LoadContext, Plugin} from '@docusaurus/types';
import type {PrismTheme} from 'prism-react-renderer';

/**
 * Takes Prism off the start-up path of every page (see src/theme/CodeBlock/Content):
 * - theme-classic's client module that loads Prism and its languages at start-up is replaced by
 *   an empty one; src/theme/CodeBlock/Content/HighlightedLines.tsx does that work instead, in
 *   the server bundle and in a lazy browser chunk;
 * - `@lazy-prism/server-lines` is HighlightedLines in the server bundle and null in the browser,
 *   so the browser's main bundle holds no Prism;
 * - the site's two Prism themes become CSS per token type and colour mode, so switching to dark
 *   mode needs no re-render and the first paint (before any script) has the right colours.
 */
export default function lazyPrismPlugin(context: LoadContext): Plugin {
  const {theme, darkTheme} = (context.siteConfig.themeConfig as {prism: {theme: PrismTheme; darkTheme: PrismTheme}}).prism;
  const cssFile = path.join(context.generatedFilesDir, 'lazy-prism', 'token-colours.css');
  mkdirSync(path.dirname(cssFile), {recursive: true});
  writeFileSync(cssFile, `${tokenColoursCss('light', theme)}\n${tokenColoursCss('dark', darkTheme)}\n`);

  return {
    name: 'lazy-prism',
    getClientModules() {
      return [cssFile];
    },
    configureWebpack(_config, isServer, {currentBundler}) {
      return {
        resolve: {
          alias: {
            '@lazy-prism/server-lines': isServer
              ? path.join(context.siteDir, 'src/theme/CodeBlock/Content/HighlightedLines.tsx')
              : path.join(__dirname, 'nothing.ts'),
          },
        },
        plugins: [
          new currentBundler.instance.NormalModuleReplacementPlugin(
            /@docusaurus[\\/]theme-classic[\\/]lib[\\/]prism-include-languages(\.js)?$/,
            path.join(__dirname, 'nothing.ts'),
          ),
        ],
      };
    },
  };
}

const kebabCase = (property: string) => property.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);

/**
 * A Prism theme as CSS for one colour mode. `!important` on the block's colours beats the inline
 * values theme-classic's Container renders for the mode it knew on the server.
 */
export function tokenColoursCss(mode: 'light' | 'dark', prismTheme: PrismTheme): string {
  const scope = `[data-theme='${mode}']`;
  const rules = [
    `${scope} .theme-code-block{--prism-color:${prismTheme.plain.color} !important;--prism-background-color:${prismTheme.plain.backgroundColor} !important}`,
  ];
  for (const {types, style} of prismTheme.styles) {
    const declarations = Object.entries(style)
      .map(([property, value]) => `${kebabCase(property)}:${value}`)
      .join(';');
    rules.push(`${types.map((type) => `${scope} .token.${type}`).join(',')}{${declarations}}`);
  }
  return rules.join('\n');
}
