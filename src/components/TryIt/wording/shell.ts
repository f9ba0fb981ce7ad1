/**
 * The shell's words, and the sign-in fields' labels, which the early form shows before the widget
 * has loaded: in the page's own bundle, so they stay out of panel.ts (the widget's lazy chunk).
 */
import {translate} from '@docusaurus/Translate';

export const SHELL = {
  region: translate({id: 'tryIt.shell.region', message: 'Try it: get a token from your portal', description: 'Try-it panel: accessible name of the whole panel (read by screen readers)'}),
  fields: {
    portal: translate({id: 'tryIt.form.portal', message: 'Portal address', description: 'Try-it panel, sign-in form: label of the field for the DocSpace portal’s address'}),
    // A host name, the same in every language.
    portalPlaceholder: 'yourportal.onlyoffice.com',
    userName: translate({id: 'tryIt.form.userName', message: 'User name', description: 'Try-it panel, sign-in form: label of the user name field (usually an email address)'}),
    password: translate({id: 'tryIt.form.password', message: 'Password', description: 'Try-it panel, sign-in form: label of the password field'}),
  },
  loading: translate({id: 'tryIt.shell.loading', message: 'Loading the rest of the form… You can type already.', description: 'Try-it panel: shown above the sign-in fields until the panel’s code has loaded; the fields take typing meanwhile'}),
};
