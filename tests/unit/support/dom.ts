/**
 * A DOM for hook tests under node's test runner: import this first, before React Testing Library,
 * which looks for `document` when it loads.
 */
import {GlobalRegistrator} from '@happy-dom/global-registrator';

GlobalRegistrator.register({url: 'https://docs.example.com/docs/get-started/authentication/personal-access-tokens'});
