/** The shell's words: in the page's own bundle, so they stay out of panel.ts (the widget's lazy chunk). */
import {translate} from '@docusaurus/Translate';

export const SHELL = {
  region: translate({id: 'tryIt.shell.region', message: 'Try it: get a token from your portal', description: 'Try-it panel: accessible name of the whole panel (read by screen readers)'}),
  loading: translate({id: 'tryIt.shell.loading', message: 'Loading the try-it form…', description: 'Try-it panel: shown in the panel’s place until its code has loaded'}),
};
