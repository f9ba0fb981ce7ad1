import {mkdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import type {CurrentBundler, LoadContext} from '@docusaurus/types';
import {prismIncludeLanguages} from './upstream';
import type {PrismTheme} from 'prism-react-renderer';

/**
 * Takes Prism off the start-up path of every page (see theme/CodeBlock/Content):
 * - theme-classic's client module that loads Prism and its languages at start-up is replaced by
 *   an empty one; theme/CodeBlock/Content/HighlightedLines.tsx does that work instead, in the
 *   server bundle and in a lazy browser chunk;
 * - `@lazy-prism/server-lines` is HighlightedLines in the server bundle and null in the browser,
 *   so the browser's main bundle holds no Prism;
 * - the site's two Prism themes become CSS per token type and colour mode (a client module), so
 *   switching to dark mode needs no re-render and the first paint has the right colours.
 */
export function lazyPrism(context: LoadContext) {
  const {theme, darkTheme} = (context.siteConfig.themeConfig as {prism: {theme: PrismTheme; darkTheme: PrismTheme}}).prism;
  const tokenColours = path.join(context.generatedFilesDir, 'lazy-prism', 'token-colours.css');
  mkdirSync(path.dirname(tokenColours), {recursive: true});
  writeFileSync(tokenColours, `${tokenColoursCss('light', theme)}\n${tokenColoursCss('dark', darkTheme)}\n`);
  const nothing = path.join(__dirname, 'nothing.ts');

  return {
    tokenColours,
    aliases: (isServer: boolean) => ({
      '@lazy-prism/server-lines': isServer ? path.join(__dirname, 'theme/CodeBlock/Content/HighlightedLines.tsx') : nothing,
    }),
    replacement: (bundler: CurrentBundler) => new bundler.instance.NormalModuleReplacementPlugin(prismIncludeLanguages, nothing),
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
