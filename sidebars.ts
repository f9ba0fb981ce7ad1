import type {SidebarsConfig} from '@docusaurus/plugin-content-docs';

const sidebars: SidebarsConfig = {
  guide: [
    'intro',
    {
      type: 'category',
      label: 'Get started',
      collapsed: false,
      items: [
        {
          type: 'category',
          label: 'Authentication',
          collapsed: false,
          items: ['get-started/authentication/personal-access-tokens'],
        },
      ],
    },
  ],
};

export default sidebars;
