/**
 * Every string the try-it panel shows (the shell's, with the sign-in fields' labels, are in shell.ts, a failure's in failure.ts), each a translate() call
 * with a stable id and its English default; the Chinese is in i18n/zh-Hans/code.json.
 *
 * Pure: `translate` comes in as an argument (usePanelText passes Docusaurus's, the unit tests one
 * of their own for each locale), so every branch of the wording is tested in both languages. The
 * import below only names the type, and compiles to nothing; it is written `{type translate}`
 * rather than `import type` because the string extractor (`write-translations`, the translations
 * test) follows calls of a `translate` imported from @docusaurus/Translate and skips `import type`.
 * In the build, plugins/inline-translations replaces each call's id and English default with the
 * locale's text.
 */
import {type translate} from '@docusaurus/Translate';
import {
  accountStatus,
  describeRole,
  isSessionExpiry,
  type AuthToken,
  type Exchange,
  type PortalProfile,
  type SecondFactorStep,
} from '../../../docspace';
import type {Route, TryItState} from '../state/machine';

export type Translate = typeof translate;

// --- How long a token lives ---------------------------------------------------------------------

const UNITS: [Intl.RelativeTimeFormatUnit, number, number][] = [
  // unit, its length in ms, and up to how many of it we count before moving to the next unit
  ['second', 1000, 60],
  ['minute', 60_000, 60],
  ['hour', 3_600_000, 24],
  ['day', 86_400_000, 30],
  ['month', 2_629_746_000, 24],
  ['year', 31_556_952_000, Infinity],
];

/** "in 12 months", "in 3 days", "5 minutes ago" ("12个月后" in Chinese). */
export function relativeTime(to: Date, now: Date, locale: string): string {
  const format = new Intl.RelativeTimeFormat(locale, {numeric: 'auto'});
  const diff = to.getTime() - now.getTime();
  for (const [unit, ms, limit] of UNITS) {
    const amount = Math.round(diff / ms);
    if (Math.abs(amount) < limit) return format.format(amount, unit);
  }
  return format.format(Math.round(diff / UNITS[UNITS.length - 1][1]), 'year');
}

/** The panel's words in one locale: `locale` formats dates and relative times. */
export function createPanelText(translate: Translate, locale: string) {
  const FORM = {
    proxySwitch: translate({id: 'tryIt.form.proxySwitch', message: 'Send through this site’s proxy', description: 'Try-it panel, sign-in form: a switch that sends the calls through this site’s server instead of straight from the browser'}),
    routeLabel: translate({id: 'tryIt.form.routeLabel', message: 'Route:', description: 'Try-it panel: label before the route the calls take, such as “browser → portal”'}),
    route: {
      direct: translate({id: 'tryIt.form.route.direct', message: 'browser → portal', description: 'Try-it panel: the route when the browser calls the portal itself; keep the arrow'}),
      proxy: translate({id: 'tryIt.form.route.proxy', message: 'browser → this site → portal', description: 'Try-it panel: the route when calls go through this site’s server to the portal; keep the arrows'}),
    } satisfies Record<Route, string>,
    proxyNote: translate({id: 'tryIt.form.proxyNote', message: '. Your user name, password and token pass through this site’s server.', description: 'Try-it panel: follows the proxy route on the same line (hence the leading full stop), warning that credentials pass through this site'}),
    session: translate({id: 'tryIt.form.session', message: 'Session token (no expiry date of its own)', description: 'Try-it panel, sign-in form: checkbox asking for a token that ends with the session instead of carrying its own expiry date'}),
    submit: translate({id: 'tryIt.form.submit', message: 'Get token', description: 'Try-it panel, sign-in form: the main button; it signs in and fetches a token'}),
    sandbox: translate({id: 'tryIt.form.sandbox', message: 'Use the sandbox portal', description: 'Try-it panel, sign-in form: button that fills the form with the demo account of the sandbox portal (a stand-in portal for trying)'}),
    cancel: translate({id: 'tryIt.form.cancel', message: 'Cancel', description: 'Try-it panel: button shown while a call is waiting for the portal; it stops the call'}),
    waited: (seconds: number) => translate({id: 'tryIt.form.waited', message: 'Waiting for the portal… {seconds} s', description: 'Try-it panel: beside Cancel while a call waits, counting up once a second; {seconds} is a whole number of seconds, s the unit'}, {seconds}),
    /** What a field must hold before anything is sent. */
    missing: {
      userName: translate({id: 'tryIt.form.missing.userName', message: 'Enter your user name (usually your email address).', description: 'Try-it panel, sign-in form: shown under the user name field when it was left empty'}),
      password: translate({id: 'tryIt.form.missing.password', message: 'Enter your password.', description: 'Try-it panel, sign-in form: shown under the password field when it was left empty'}),
    },
  };

  const STATUS = {
    signingIn: translate({id: 'tryIt.status.signingIn', message: 'Asking the portal for a token…', description: 'Try-it panel, status line (read out by screen readers): waiting for the sign-in answer'}),
    confirming: translate({id: 'tryIt.status.confirming', message: 'Sending the code…', description: 'Try-it panel, status line: the second-factor code is on its way to the portal'}),
    loadingProfile: translate({id: 'tryIt.status.loadingProfile', message: 'Token received. Reading your profile…', description: 'Try-it panel, status line: a token came back and the profile call is waiting'}),
    signedIn: translate({id: 'tryIt.status.signedIn', message: 'Token received, and the profile it belongs to is below.', description: 'Try-it panel, status line: done; the token and the profile are shown below it'}),
    signingOut: translate({id: 'tryIt.status.signingOut', message: 'Signing out…', description: 'Try-it panel, status line: waiting for the sign-out answer'}),
    signedOut: translate({id: 'tryIt.status.signedOut', message: 'Signed out: the portal no longer accepts that token.', description: 'Try-it panel, status line: the portal ended the token after Sign out'}),
    // No Sign out button is left once the token is gone, so this says nothing of signing out.
    forgotten: translate({id: 'tryIt.status.forgotten', message: 'Token removed from this page. The portal still accepts it until it expires.', description: 'Try-it panel, status line after Forget token: the page dropped the token, but the portal did not end it'}),
  };

  /** The status line under the form: what is happening, or what just happened. */
  function describeStatus(state: TryItState): string {
    switch (state.name) {
      case 'signing-in':
        return STATUS.signingIn;
      case 'second-factor':
        return state.pending ? STATUS.confirming : '';
      case 'loading-profile':
        return STATUS.loadingProfile;
      case 'signed-in':
        return state.pending ? STATUS.signingOut : STATUS.signedIn;
      case 'idle':
        return state.notice === 'signed-out' ? STATUS.signedOut : state.notice === 'forgotten' ? STATUS.forgotten : '';
      case 'failed':
        return '';
    }
  }

  const TOKEN = {
    label: translate({id: 'tryIt.token.label', message: 'Token:', description: 'Try-it panel: label before the token (a long secret string, masked by default)'}),
    show: translate({id: 'tryIt.token.show', message: 'Show token', description: 'Try-it panel: button that unmasks the token'}),
    hide: translate({id: 'tryIt.token.hide', message: 'Hide token', description: 'Try-it panel: button that masks the token again'}),
    copy: translate({id: 'tryIt.token.copy', message: 'Copy token', description: 'Try-it panel: button that copies the token to the clipboard'}),
    copied: translate({id: 'tryIt.token.copied', message: 'Token copied.', description: 'Try-it panel: confirmation after the token was copied'}),
    copyRefused: translate({id: 'tryIt.token.copyRefused', message: 'The browser did not allow copying: show the token and copy it by hand.', description: 'Try-it panel: the browser refused clipboard access; the reader can copy by hand'}),
    apiKeys: translate({id: 'tryIt.token.apiKeys', message: 'Create an API key for a program', description: 'Try-it panel: button under the token that opens the part where the reader creates an API key (an sk-… secret) for a script or server'}),
    forget: translate({id: 'tryIt.token.forget', message: 'Forget token', description: 'Try-it panel: button that removes the token from the page only (the portal still accepts it)'}),
    signOut: translate({id: 'tryIt.token.signOut', message: 'Sign out', description: 'Try-it panel: button that asks the portal to end the token'}),
    inExamples: translate({id: 'tryIt.token.inExamples', message: 'Put my token in the examples', description: 'Try-it panel: checkbox that puts the reader’s token into the guide’s code examples on this page'}),
    rememberInTab: translate({id: 'tryIt.token.rememberInTab', message: 'Remember for this tab (kept in this tab’s session storage until you close it)', description: 'Try-it panel: checkbox that keeps the token in this browser tab’s session storage until the tab is closed'}),
  };

  /**
   * "It expires 13 August 2027 at 10:15 (in 12 months)."; for a session token, that it ends with
   * the session; for an expiry the client could not read, what the portal sent, rather than a guess.
   */
  function describeTokenLife({expires, expiresRaw}: Pick<AuthToken, 'expires' | 'expiresRaw'>, now: Date): string {
    if (!expires) {
      return isSessionExpiry(expiresRaw)
        ? translate({id: 'tryIt.token.life.session', message: 'It ends with the session.', description: 'Try-it panel: how long the token lives, for a token bound to the session'})
        : translate({id: 'tryIt.token.life.unreadable', message: 'It has an expiry this page cannot read (“{raw}”).', description: 'Try-it panel: the portal sent an expiry the page could not read; {raw} is what it sent, shown as is'}, {raw: expiresRaw});
    }
    const date = new Intl.DateTimeFormat(locale, {dateStyle: 'long', timeStyle: 'short'}).format(expires);
    return translate({id: 'tryIt.token.life.expires', message: 'It expires {date} ({relative}).', description: 'Try-it panel: when the token expires; {date} is a local date and time, {relative} a relative time such as “in 12 months”'}, {date, relative: relativeTime(expires, now, locale)});
  }

  const ROLE = {
    owner: translate({id: 'tryIt.profile.role.owner', message: 'owner', description: 'Try-it panel, profile: the DocSpace role of the portal’s owner (lower case, shown after “Role”)'}),
    admin: translate({id: 'tryIt.profile.role.admin', message: 'admin', description: 'Try-it panel, profile: the DocSpace role of a portal administrator (DocSpace admin)'}),
    'room admin': translate({id: 'tryIt.profile.role.roomAdmin', message: 'room admin', description: 'Try-it panel, profile: the DocSpace role that manages rooms (room admin)'}),
    user: translate({id: 'tryIt.profile.role.user', message: 'user', description: 'Try-it panel, profile: the DocSpace role of a regular user (DocSpace 3 calls collaborators users)'}),
    guest: translate({id: 'tryIt.profile.role.guest', message: 'guest', description: 'Try-it panel, profile: the DocSpace role of a guest (DocSpace 3 calls visitors guests)'}),
  } satisfies Record<ReturnType<typeof describeRole>, string>;

  const ACCOUNT = {
    active: translate({id: 'tryIt.profile.status.active', message: 'active', description: 'Try-it panel, profile: account status (status 1), shown after “Status”'}),
    terminated: translate({id: 'tryIt.profile.status.terminated', message: 'terminated', description: 'Try-it panel, profile: account status of a disabled account (status 2)'}),
    pending: translate({id: 'tryIt.profile.status.pending', message: 'pending', description: 'Try-it panel, profile: account status of an invited user who has not joined yet (status 4)'}),
  } satisfies Record<NonNullable<ReturnType<typeof accountStatus>['status']>, string>;

  const ACTIVATION = {
    'not-activated': translate({id: 'tryIt.profile.activation.notActivated', message: 'not activated', description: 'Try-it panel, profile: activation status 0, in brackets after the account status'}),
    activated: translate({id: 'tryIt.profile.activation.activated', message: 'activated', description: 'Try-it panel, profile: activation status 1, in brackets after the account status'}),
    'activation-pending': translate({id: 'tryIt.profile.activation.pending', message: 'activation pending', description: 'Try-it panel, profile: activation status 2, in brackets after the account status'}),
    'auto-generated': translate({id: 'tryIt.profile.activation.autoGenerated', message: 'auto-generated', description: 'Try-it panel, profile: activation status 4 (an account the portal made itself), in brackets after the account status'}),
  } satisfies Record<NonNullable<ReturnType<typeof accountStatus>['activation']>, string>;

  /** "active (activated)", from the numbers the client names. */
  function describeAccount(profile: PortalProfile): string {
    const {status, activation} = accountStatus(profile);
    const words = status ? ACCOUNT[status] : translate({id: 'tryIt.profile.status.unknown', message: 'unknown status', description: 'Try-it panel, profile: the portal sent a status number DocSpace does not define'});
    return activation ? translate({id: 'tryIt.profile.statusWithActivation', message: '{status} ({activation})', description: 'Try-it panel, profile: the account status followed by its activation status; {status} and {activation} are the words above'}, {status: words, activation: ACTIVATION[activation]}) : words;
  }

  const PROFILE = {
    call: 'GET /people/@self',
    answered: translate({id: 'tryIt.profile.answered', message: ' answered: the token works for this user.', description: 'Try-it panel, profile: follows the call “GET /people/@self” on the same line (hence the leading space); the call itself is not translated'}),
    displayName: translate({id: 'tryIt.profile.displayName', message: 'Display name', description: 'Try-it panel, profile: label of the user’s display name'}),
    email: translate({id: 'tryIt.profile.email', message: 'Email', description: 'Try-it panel, profile: label of the user’s email address'}),
    userName: translate({id: 'tryIt.profile.userName', message: 'User name', description: 'Try-it panel, profile: label of the user name the portal has'}),
    role: translate({id: 'tryIt.profile.role', message: 'Role', description: 'Try-it panel, profile: label of the user’s DocSpace role'}),
    status: translate({id: 'tryIt.profile.status', message: 'Status', description: 'Try-it panel, profile: label of the account status'}),
    empty: '—',
    raw: translate({id: 'tryIt.profile.raw', message: 'Raw JSON', description: 'Try-it panel, profile: expander that shows the profile as the portal sent it (JSON)'}),
    describeRole: (profile: PortalProfile) => ROLE[describeRole(profile)],
    describeAccount,
  };

  const SECOND_FACTOR = {
    code: translate({id: 'tryIt.secondFactor.code', message: 'Authentication code', description: 'Try-it panel, second factor (两步验证): label of the field for the code from the authenticator app or the SMS'}),
    confirm: translate({id: 'tryIt.secondFactor.confirm', message: 'Confirm code', description: 'Try-it panel, second factor: button that sends the code'}),
    setupLink: translate({id: 'tryIt.secondFactor.setupLink', message: 'Open the set-up page in the portal', description: 'Try-it panel, second factor: link to the portal’s own page where the second factor is set up'}),
  };

  /**
   * What the second-factor step says above its fields: a heading in bold, then the rest. Nothing for
   * an authenticator app still to be set up: setupKey.ts words that step, in the SetupKey chunk.
   */
  function describeSecondFactor(step: SecondFactorStep): {lead?: string; text: string} | undefined {
    if (step.method === 'sms') {
      if (step.setupRequired) {
        return {
          lead: translate({id: 'tryIt.secondFactor.sms.setupLead', message: 'This portal asks this user for a second factor, but a phone for SMS codes is not set up yet.', description: 'Try-it panel, second factor: bold heading when the user must first set up a phone in the portal'}),
          text: translate({id: 'tryIt.secondFactor.sms.setupText', message: 'Set it up in the portal first, then get a token again.', description: 'Try-it panel, second factor: follows the heading above; nothing can be done in the panel until then'}),
        };
      }
      const sent = step.phoneNoise
        ? translate({id: 'tryIt.secondFactor.sms.sentTo', message: 'The portal sent a code by SMS to {phone}. Enter it to get the token.', description: 'Try-it panel, second factor: an SMS code was sent; {phone} is the masked number such as +1 *** *** 12 34'}, {phone: step.phoneNoise})
        : translate({id: 'tryIt.secondFactor.sms.sent', message: 'The portal sent a code by SMS. Enter it to get the token.', description: 'Try-it panel, second factor: an SMS code was sent and the portal did not say to which number'});
      const time = step.codeExpires && new Intl.DateTimeFormat(locale, {timeStyle: 'short'}).format(step.codeExpires);
      return {text: time ? sent + translate({id: 'tryIt.secondFactor.sms.until', message: ' It works until {time}.', description: 'Try-it panel, second factor: appended to the sentence above (hence the leading space); {time} is a local time'}, {time}) : sent};
    }
    if (step.setupRequired) return undefined;
    return {text: translate({id: 'tryIt.secondFactor.app.enterCode', message: 'The portal asks for a second factor: enter the code your authenticator app shows.', description: 'Try-it panel, second factor: asks for the code the authenticator app shows'})};
  }

  const EXCHANGE = {
    title: translate({id: 'tryIt.exchange.title', message: 'The HTTP exchange', description: 'Try-it panel: heading of the list of HTTP requests the panel sent and what came back'}),
    copy: translate({id: 'tryIt.exchange.copy', message: 'Copy as cURL', description: 'Try-it panel: button that copies one request as a cURL command (cURL is a program name: keep it)'}),
    copiedWithToken: translate({id: 'tryIt.exchange.copiedWithToken', message: 'Copied, with your token.', description: 'Try-it panel: the cURL command was copied with the real token, because the reader chose to show it'}),
    copiedWithVariables: translate({id: 'tryIt.exchange.copiedWithVariables', message: 'Copied. Set $DOCSPACE_PASSWORD and $DOCSPACE_TOKEN before you run it.', description: 'Try-it panel: the cURL command was copied; instead of the secrets it names the shell variables $DOCSPACE_PASSWORD and $DOCSPACE_TOKEN (keep the names as they are), which the reader sets in the terminal'}),
    copyRefused: translate({id: 'tryIt.exchange.copyRefused', message: 'The browser did not allow copying.', description: 'Try-it panel: the browser refused clipboard access'}),
    via: {
      direct: translate({id: 'tryIt.exchange.via.direct', message: 'direct', description: 'Try-it panel, request summary: the request went straight from the browser to the portal'}),
      proxy: translate({id: 'tryIt.exchange.via.proxy', message: 'via this site’s proxy', description: 'Try-it panel, request summary: the request went through this site’s server'}),
    } satisfies Record<Exchange['via'], string>,
    noAnswer: translate({id: 'tryIt.exchange.noAnswer', message: '(no answer reached this page)', description: 'Try-it panel, request listing: in place of the answer, when none could be read (network or CORS)'}),
    notSent: translate({id: 'tryIt.exchange.notSent', message: '(not sent)', description: 'Try-it panel, request listing: in place of the answer, when the browser never sent the request'}),
  };

  /** `POST /api/2.0/authentication · 200 · 45 ms · direct`; a call that never left the page says so instead of a time. */
  function exchangeSummary({request, response, sent, durationMs, via}: Exchange): string {
    const outcome = !sent
      ? translate({id: 'tryIt.exchange.summary.notSent', message: 'not sent', description: 'Try-it panel, request summary line (“POST /api/2.0/authentication · not sent · direct”): in place of the status and time'})
      : `${response ? response.status : translate({id: 'tryIt.exchange.summary.noAnswer', message: 'no answer', description: 'Try-it panel, request summary line: in place of the HTTP status, when no answer could be read'})} · ${durationMs} ms`;
    return `${request.method} ${new URL(request.url).pathname} · ${outcome} · ${EXCHANGE.via[via]}`;
  }

  return {
    FORM,
    STATUS,
    describeStatus,
    TOKEN,
    describeTokenLife,
    PROFILE,
    SECOND_FACTOR,
    describeSecondFactor,
    EXCHANGE,
    exchangeSummary,
  };
}

export type PanelText = ReturnType<typeof createPanelText>;
