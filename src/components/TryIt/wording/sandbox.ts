/**
 * The sandbox portal's accounts as the panel's picker offers them, each with what signing in as it
 * shows (servers/sandbox/accounts.ts is the sandbox's own list: src may not import servers, so
 * tests/unit/tryit/sandbox-accounts.test.ts checks both name the same accounts). Pure and
 * extracted like panel.ts; imported only by SandboxAccounts, so it travels in that lazy chunk.
 */
import {type translate} from '@docusaurus/Translate';

type Translate = typeof translate;

/** The second-factor code the sandbox accepts (servers/sandbox/accounts.ts SANDBOX_CODE). */
export const SANDBOX_CODE = '123456';

export function createSandboxText(translate: Translate) {
  return {
    label: translate({id: 'tryIt.sandbox.label', message: 'Sandbox account', description: 'Try-it panel: label of the list of the sandbox portal’s accounts (a stand-in portal for trying); the chosen one fills the form'}),
    hint: translate({id: 'tryIt.sandbox.hint', message: 'No portal at hand? Choose an account: the button fills in the sandbox’s address, the user name and its password. Second-factor codes are {code}.', description: 'Try-it panel: under the sandbox account list; {code} is the code the sandbox accepts, keep it as it is'}, {code: SANDBOX_CODE}),
    /** What signing in as each account shows, by user name (kept as it is: it is what the reader types). */
    accounts: {
      demo: translate({id: 'tryIt.sandbox.demo', message: 'signs in at once', description: 'Try-it panel, sandbox account list: what signing in as “demo” shows'}),
      guest: translate({id: 'tryIt.sandbox.guest', message: 'a guest: signs in, but may not create API keys', description: 'Try-it panel, sandbox account list: what signing in as “guest” shows'}),
      'app-2fa': translate({id: 'tryIt.sandbox.app2fa', message: 'asks for an authenticator-app code', description: 'Try-it panel, sandbox account list: what signing in as “app-2fa” shows (a second factor, 两步验证)'}),
      'app-setup': translate({id: 'tryIt.sandbox.appSetup', message: 'authenticator app not set up yet: a key and a link', description: 'Try-it panel, sandbox account list: what signing in as “app-setup” shows'}),
      'sms-2fa': translate({id: 'tryIt.sandbox.sms2fa', message: 'asks for a code sent by SMS', description: 'Try-it panel, sandbox account list: what signing in as “sms-2fa” shows'}),
      'sms-setup': translate({id: 'tryIt.sandbox.smsSetup', message: 'no phone set up yet: a link only', description: 'Try-it panel, sandbox account list: what signing in as “sms-setup” shows'}),
      disabled: translate({id: 'tryIt.sandbox.disabled', message: '403: user disabled', description: 'Try-it panel, sandbox account list: what signing in as “disabled” shows; keep 403'}),
      slow: translate({id: 'tryIt.sandbox.slow', message: 'answers after 20 s, past the 15 s timeout', description: 'Try-it panel, sandbox account list: what signing in as “slow” shows'}),
      'html-error': translate({id: 'tryIt.sandbox.htmlError', message: '502 with an HTML page', description: 'Try-it panel, sandbox account list: what signing in as “html-error” shows; keep 502 and HTML'}),
      'server-error': translate({id: 'tryIt.sandbox.serverError', message: '500 with an error', description: 'Try-it panel, sandbox account list: what signing in as “server-error” shows; keep 500'}),
      'no-token': translate({id: 'tryIt.sandbox.noToken', message: '200 without a token', description: 'Try-it panel, sandbox account list: what signing in as “no-token” shows; keep 200'}),
      'rate-limited': translate({id: 'tryIt.sandbox.rateLimited', message: '429: too many requests', description: 'Try-it panel, sandbox account list: what signing in as “rate-limited” shows; keep 429'}),
    },
  };
}
