/** The shell's words: in the page's own bundle, so they stay out of panel.ts (the widget's lazy chunk). */
import {translate} from '@docusaurus/Translate';

export const SHELL = {
  region: translate({id: 'tryIt.shell.region', message: 'Try it: get a token from your portal'}),
  loading: translate({id: 'tryIt.shell.loading', message: 'Loading the try-it form…'}),
};
