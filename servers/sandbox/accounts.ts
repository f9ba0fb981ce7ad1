/**
 * The sandbox portal's demo accounts. Plain data with no Node imports, so the README, the
 * widget's "Use the sandbox portal" button and the tests can all read the same list.
 */

/** The password of every sandbox account. */
export const SANDBOX_PASSWORD = 'demo-password';

/** The second-factor code the sandbox accepts (authenticator app and SMS alike). */
export const SANDBOX_CODE = '123456';

/** What signing in as an account does. */
type SandboxBehaviour =
  | 'plain'
  | 'guest'
  | 'app-2fa'
  | 'app-setup'
  | 'sms-2fa'
  | 'sms-setup'
  | 'disabled'
  | 'slow'
  | 'html-error'
  | 'server-error'
  | 'no-token'
  | 'rate-limited';

export interface SandboxAccount {
  /** What to type as `userName`. */
  userName: string;
  behaviour: SandboxBehaviour;
  /** One sentence for readers: what happens when you sign in as this account. */
  description: string;
  /** Fixed so examples and screenshots stay stable. */
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  /** Only for `sms-2fa`: the masked number the code "went to". */
  phoneNoise?: string;
}

function account(
  userName: string,
  behaviour: SandboxBehaviour,
  idSuffix: string,
  firstName: string,
  lastName: string,
  description: string,
  extra: Pick<SandboxAccount, 'phoneNoise'> = {},
): SandboxAccount {
  return {
    userName,
    behaviour,
    description,
    id: `5a4db0c0-0000-4000-8000-${idSuffix.padStart(12, '0')}`,
    firstName,
    lastName,
    email: `${userName}@sandbox.example`,
    ...extra,
  };
}

export const SANDBOX_ACCOUNTS: readonly SandboxAccount[] = [
  account('demo', 'plain', '1', 'Dana', 'Demo', 'Signs in straight away and returns a token.'),
  account('guest', 'guest', '12', 'Gale', 'Guest', 'A guest of the portal: signs in like demo, but may not create API keys (403).'),
  account('app-2fa', 'app-2fa', '2', 'Avery', 'App', `Asks for an authenticator-app code first; the code is ${SANDBOX_CODE}.`),
  account('app-setup', 'app-setup', '3', 'Sam', 'Setup', `Has not set up the authenticator app yet: answers with a manual key (tfaKey) and an activation link; ${SANDBOX_CODE} activates it.`),
  account('sms-2fa', 'sms-2fa', '4', 'Simone', 'Sms', `Asks for a code sent by SMS (to +1 *** *** 12 34); the code is ${SANDBOX_CODE} and stops working after 10 minutes.`, {phoneNoise: '+1 *** *** 12 34'}),
  account('sms-setup', 'sms-setup', '5', 'Pat', 'Phone', 'Has not activated a phone yet: answers with a phone activation link only; finish it in the portal.'),
  account('disabled', 'disabled', '6', 'Drew', 'Disabled', 'Right password, but the user is disabled: 403 "User disabled".'),
  account('slow', 'slow', '7', 'Sid', 'Slow', 'Answers only after 20 seconds (by default), past the client\'s 15 s timeout; then signs in like demo.'),
  account('html-error', 'html-error', '8', 'Hal', 'Html', 'Answers 502 with an HTML error page, as a broken gateway in front of a portal would.'),
  account('server-error', 'server-error', '9', 'Sue', 'Server', 'Answers 500 with the error envelope.'),
  account('no-token', 'no-token', '10', 'Nia', 'Notoken', 'Answers 200 with a JSON envelope that carries no token.'),
  account('rate-limited', 'rate-limited', '11', 'Ray', 'Ratelimit', 'Answers 429, as the portal\'s general rate limiter does past 1,500 requests a minute.'),
];

/** The account for a typed login (case-insensitive, like a portal), if there is one. */
export function findSandboxAccount(userName: string): SandboxAccount | undefined {
  const wanted = userName.trim().toLowerCase();
  return SANDBOX_ACCOUNTS.find((candidate) => candidate.userName === wanted);
}
