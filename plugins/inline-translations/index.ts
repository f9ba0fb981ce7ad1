import {existsSync} from 'node:fs';
import {join, resolve} from 'node:path';
import type {LoadContext, Plugin} from '@docusaurus/types';

/**
 * Puts the locale's text straight into the try-it panel's translate() calls at build time. Each
 * call would otherwise carry its id and English default into the widget's lazy chunk as well,
 * which pushed the Chinese chunk over its 12 KB gzip budget; and, being inlined, they are left out
 * of the translations the main bundle carries to every page. A module rule, not an inline loader
 * (those do not resolve under Docusaurus Faster); `enforce: 'pre'` so it reads the source before SWC.
 * The persistent cache does not notice a change to loader.cjs itself: run `npx docusaurus clear` after one.
 */
export default function inlineTranslationsPlugin(context: LoadContext): Plugin {
  const codeJson = join(context.localizationDir, 'code.json');
  return {
    name: 'inline-translations',
    configureWebpack() {
      return {
        module: {
          rules: [
            {
              test: /\.tsx?$/,
              include: [resolve(context.siteDir, 'src/components/TryIt')],
              enforce: 'pre',
              use: [{loader: require.resolve('./loader.cjs'), options: {codeJson: existsSync(codeJson) ? codeJson : undefined}}],
            },
            // Docusaurus puts all of code.json in the main bundle, for every page.
            {
              test: /codeTranslations\.json$/,
              include: [context.generatedFilesDir],
              use: [{loader: require.resolve('./drop-inlined.cjs')}],
            },
          ],
        },
      };
    },
  };
}
