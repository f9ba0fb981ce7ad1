/** The shell's words: in the page's own bundle, so they stay out of panel.ts (the widget's lazy chunk). */
export const SHELL = {
  region: 'Try it: get a token from your portal',
  loading: 'Loading the try-it form…',
};
