import type {Config} from '@docusaurus/types';
import type * as Preset from '@docusaurus/preset-classic';
import {darkCodeTheme, lightCodeTheme} from './src/css/prism-themes';
import startupTheme, {paintFirstSsrTemplate} from './plugins/startup';
import portalProxyPlugin from './plugins/portal-proxy';
import rawSourcePlugin from './plugins/raw-source';
import inlineTranslationsPlugin from './plugins/inline-translations';
import searchA11yPlugin from './plugins/search-a11y';
import searchPrecisionPlugin from './plugins/search-precision';
import {zhUserDict} from './plugins/search-precision/precision';
import sourceMapsPlugin from './plugins/source-maps';
import utf8BundlesPlugin from './plugins/utf8-bundles';
import wholeCodeSpans from './plugins/whole-code-spans';
import {siteUrlFrom} from './scripts/site-url';

/** Local search; 'zh' tokenises Chinese with @node-rs/jieba, so both locales get a search index. */
const searchOptions = {
  hashed: true,
  indexBlog: false,
  docsRouteBasePath: '/docs',
  language: ['en', 'zh'],
  searchResultLimits: 8,
  // The Chinese names of the second factor stay one word each (plugins/search-precision).
  zhUserDict: zhUserDict(),
};

/** Docusaurus builds each locale with this set; title and tagline have no translation file. */
const chinese = process.env.DOCUSAURUS_CURRENT_LOCALE === 'zh-Hans';

const config: Config = {
  title: chinese ? 'DocSpace API 登录指南' : 'DocSpace API sign-in guide',
  tagline: chinese
    ? '学习并试用以编程方式登录 ONLYOFFICE DocSpace 门户'
    : 'Learn, and try, programmatic login to an ONLYOFFICE DocSpace portal',
  favicon: 'img/favicon.svg',
  // Canonical URLs, og:url, hreflang and the sitemap (scripts/site-url.ts; contributing/serving.md).
  url: siteUrlFrom(process.env.SITE_URL),
  baseUrl: '/',
  trailingSlash: false,

  future: {v4: true, faster: true},

  // The bundles start after the first paint (plugins/startup, see contributing/performance.md).
  ssrTemplate: paintFirstSsrTemplate,

  onBrokenLinks: 'throw',
  markdown: {hooks: {onBrokenMarkdownLinks: 'throw'}},

  // Chinese lives under /zh-Hans/; translations in i18n/zh-Hans (see contributing/translations.md).
  i18n: {
    defaultLocale: 'en',
    locales: ['en', 'zh-Hans'],
    localeConfigs: {en: {label: 'English', htmlLang: 'en'}, 'zh-Hans': {label: '简体中文', htmlLang: 'zh-Hans'}},
  },

  // Read by the try-it widget. sandboxUrl: SANDBOX_URL at build time (`npm start` sets it); a
  // production build without it asks the server at run time (`/site-config.json`, answered by
  // `npm run serve` from its own SANDBOX_URL). portalProxy: the proxy's path on this site; empty: none.
  customFields: {
    sandboxUrl: process.env.SANDBOX_URL || undefined,
    portalProxy: process.env.PORTAL_PROXY_PATH ?? '/portal-proxy',
  },

  presets: [
    [
      'classic',
      {
        // Account names and other short code spans do not break at their hyphens.
        docs: {sidebarPath: './sidebars.ts', rehypePlugins: [wholeCodeSpans]},
        blog: false,
        theme: {customCss: './src/css/custom.css'},
      } satisfies Preset.Options,
    ],
  ],

  plugins: [
    rawSourcePlugin,
    portalProxyPlugin,
    inlineTranslationsPlugin,
    searchPrecisionPlugin,
    searchA11yPlugin,
    utf8BundlesPlugin,
    // `npm run bench:profile` only: source maps name the original files in a CPU profile.
    ...(process.env.BENCH_SOURCE_MAPS === '1' ? [sourceMapsPlugin] : []),
  ],

  // The start-up theme comes after search-local: its SearchBar wraps search-local's (plugins/startup/UPGRADE.md).
  themes: [
    ['@easyops-cn/docusaurus-search-local', searchOptions],
    startupTheme({searchResultLimits: searchOptions.searchResultLimits}),
  ],

  themeConfig: {
    colorMode: {respectPrefersColorScheme: true},
    // og:image and twitter:image: a 1200×630 card (made once from HTML in Chromium, committed).
    image: 'img/social-card.png',
    navbar: {
      title: 'DocSpace sign-in guide',
      items: [
        {
          type: 'doc',
          docId: 'get-started/authentication/personal-access-tokens',
          position: 'left',
          label: 'Guide',
        },
        {type: 'localeDropdown', position: 'right'},
      ],
    },
    footer: {
      style: 'dark',
      copyright:
        'Examples are free to copy. ONLYOFFICE and DocSpace are trademarks of Ascensio System SIA.',
    },
    prism: {
      theme: lightCodeTheme,
      darkTheme: darkCodeTheme,
      // Only what the site shows and prism-react-renderer lacks (it bundles go, json, python).
      additionalLanguages: ['bash', 'http', 'csharp', 'php', 'java', 'powershell'],
    },
  } satisfies Preset.ThemeConfig,
};

export default config;
