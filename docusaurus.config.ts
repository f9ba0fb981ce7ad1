import type {Config} from '@docusaurus/types';
import type * as Preset from '@docusaurus/preset-classic';
import {themes as prismThemes} from 'prism-react-renderer';
import rawSourcePlugin from './plugins/raw-source';

const config: Config = {
  title: 'DocSpace API sign-in guide',
  tagline: 'Learn, and try, programmatic login to an ONLYOFFICE DocSpace portal',
  favicon: 'img/favicon.svg',
  url: 'https://docspace-auth-guide.example.com',
  baseUrl: '/',
  trailingSlash: false,

  future: {v4: true, faster: true},

  onBrokenLinks: 'throw',
  markdown: {hooks: {onBrokenMarkdownLinks: 'throw'}},

  i18n: {defaultLocale: 'en', locales: ['en']},

  presets: [
    [
      'classic',
      {
        docs: {sidebarPath: './sidebars.ts'},
        blog: false,
        theme: {customCss: './src/css/custom.css'},
      } satisfies Preset.Options,
    ],
  ],

  plugins: [rawSourcePlugin],

  themes: [
    [
      '@easyops-cn/docusaurus-search-local',
      {hashed: true, indexBlog: false, docsRouteBasePath: '/docs'},
    ],
  ],

  themeConfig: {
    colorMode: {respectPrefersColorScheme: true},
    navbar: {
      title: 'DocSpace sign-in guide',
      items: [
        {
          type: 'doc',
          docId: 'get-started/authentication/personal-access-tokens',
          position: 'left',
          label: 'Guide',
        },
      ],
    },
    footer: {
      style: 'dark',
      copyright:
        'Examples are free to copy. ONLYOFFICE and DocSpace are trademarks of Ascensio System SIA.',
    },
    prism: {
      theme: prismThemes.github,
      darkTheme: prismThemes.dracula,
      additionalLanguages: ['bash', 'http', 'json', 'csharp', 'php', 'java', 'go', 'python'],
    },
  } satisfies Preset.ThemeConfig,
};

export default config;
