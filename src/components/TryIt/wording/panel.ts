/**
 * Every string the try-it panel shows (the shell's two are in shell.ts, a failure's in failure.ts), each a translate() call
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
    proxySwitch: translate({id: 'tryIt.form.proxySwitch', message: 'Send through this site’s proxy'}),
    routeLabel: translate({id: 'tryIt.form.routeLabel', message: 'Route:'}),
    route: {
      direct: translate({id: 'tryIt.form.route.direct', message: 'browser → portal'}),
      proxy: translate({id: 'tryIt.form.route.proxy', message: 'browser → this site → portal'}),
    } satisfies Record<Route, string>,
    proxyNote: translate({id: 'tryIt.form.proxyNote', message: '. Your user name, password and token pass through this site’s server.'}),
    portal: translate({id: 'tryIt.form.portal', message: 'Portal address'}),
    // A host name, the same in every language.
    portalPlaceholder: 'yourportal.onlyoffice.com',
    userName: translate({id: 'tryIt.form.userName', message: 'User name'}),
    password: translate({id: 'tryIt.form.password', message: 'Password'}),
    session: translate({id: 'tryIt.form.session', message: 'Session token (no expiry date of its own)'}),
    submit: translate({id: 'tryIt.form.submit', message: 'Get token'}),
    sandbox: translate({id: 'tryIt.form.sandbox', message: 'Use the sandbox portal'}),
    cancel: translate({id: 'tryIt.form.cancel', message: 'Cancel'}),
    /** What a field must hold before anything is sent. */
    missing: {
      userName: translate({id: 'tryIt.form.missing.userName', message: 'Enter your user name (usually your email address).'}),
      password: translate({id: 'tryIt.form.missing.password', message: 'Enter your password.'}),
    },
  };

  const STATUS = {
    signingIn: translate({id: 'tryIt.status.signingIn', message: 'Asking the portal for a token…'}),
    confirming: translate({id: 'tryIt.status.confirming', message: 'Sending the code…'}),
    loadingProfile: translate({id: 'tryIt.status.loadingProfile', message: 'Token received. Reading your profile…'}),
    signedIn: translate({id: 'tryIt.status.signedIn', message: 'Token received, and the profile it belongs to is below.'}),
    signingOut: translate({id: 'tryIt.status.signingOut', message: 'Signing out…'}),
    signedOut: translate({id: 'tryIt.status.signedOut', message: 'Signed out: the portal no longer accepts that token.'}),
    // No Sign out button is left once the token is gone, so this says nothing of signing out.
    forgotten: translate({id: 'tryIt.status.forgotten', message: 'Token removed from this page. The portal still accepts it until it expires.'}),
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
    label: translate({id: 'tryIt.token.label', message: 'Token:'}),
    show: translate({id: 'tryIt.token.show', message: 'Show token'}),
    hide: translate({id: 'tryIt.token.hide', message: 'Hide token'}),
    copy: translate({id: 'tryIt.token.copy', message: 'Copy token'}),
    copied: translate({id: 'tryIt.token.copied', message: 'Token copied.'}),
    copyRefused: translate({id: 'tryIt.token.copyRefused', message: 'The browser did not allow copying: show the token and copy it by hand.'}),
    forget: translate({id: 'tryIt.token.forget', message: 'Forget token'}),
    signOut: translate({id: 'tryIt.token.signOut', message: 'Sign out'}),
    inExamples: translate({id: 'tryIt.token.inExamples', message: 'Put my token in the examples'}),
    rememberInTab: translate({id: 'tryIt.token.rememberInTab', message: 'Remember for this tab (kept in this tab’s session storage until you close it)'}),
  };

  /**
   * "It expires 13 August 2027 at 10:15 (in 12 months)."; for a session token, that it ends with
   * the session; for an expiry the client could not read, what the portal sent, rather than a guess.
   */
  function describeTokenLife({expires, expiresRaw}: Pick<AuthToken, 'expires' | 'expiresRaw'>, now: Date): string {
    if (!expires) {
      return isSessionExpiry(expiresRaw)
        ? translate({id: 'tryIt.token.life.session', message: 'It ends with the session.'})
        : translate({id: 'tryIt.token.life.unreadable', message: 'It has an expiry this page cannot read (“{raw}”).'}, {raw: expiresRaw});
    }
    const date = new Intl.DateTimeFormat(locale, {dateStyle: 'long', timeStyle: 'short'}).format(expires);
    return translate({id: 'tryIt.token.life.expires', message: 'It expires {date} ({relative}).'}, {date, relative: relativeTime(expires, now, locale)});
  }

  const ROLE = {
    owner: translate({id: 'tryIt.profile.role.owner', message: 'owner'}),
    admin: translate({id: 'tryIt.profile.role.admin', message: 'admin'}),
    'room admin': translate({id: 'tryIt.profile.role.roomAdmin', message: 'room admin'}),
    user: translate({id: 'tryIt.profile.role.user', message: 'user'}),
    guest: translate({id: 'tryIt.profile.role.guest', message: 'guest'}),
  } satisfies Record<ReturnType<typeof describeRole>, string>;

  const ACCOUNT = {
    active: translate({id: 'tryIt.profile.status.active', message: 'active'}),
    terminated: translate({id: 'tryIt.profile.status.terminated', message: 'terminated'}),
    pending: translate({id: 'tryIt.profile.status.pending', message: 'pending'}),
  } satisfies Record<NonNullable<ReturnType<typeof accountStatus>['status']>, string>;

  const ACTIVATION = {
    'not-activated': translate({id: 'tryIt.profile.activation.notActivated', message: 'not activated'}),
    activated: translate({id: 'tryIt.profile.activation.activated', message: 'activated'}),
    'activation-pending': translate({id: 'tryIt.profile.activation.pending', message: 'activation pending'}),
    'auto-generated': translate({id: 'tryIt.profile.activation.autoGenerated', message: 'auto-generated'}),
  } satisfies Record<NonNullable<ReturnType<typeof accountStatus>['activation']>, string>;

  /** "active (activated)", from the numbers the client names. */
  function describeAccount(profile: PortalProfile): string {
    const {status, activation} = accountStatus(profile);
    const words = status ? ACCOUNT[status] : translate({id: 'tryIt.profile.status.unknown', message: 'unknown status'});
    return activation ? translate({id: 'tryIt.profile.statusWithActivation', message: '{status} ({activation})'}, {status: words, activation: ACTIVATION[activation]}) : words;
  }

  const PROFILE = {
    call: 'GET /people/@self',
    answered: translate({id: 'tryIt.profile.answered', message: ' answered: the token works for this user.'}),
    displayName: translate({id: 'tryIt.profile.displayName', message: 'Display name'}),
    email: translate({id: 'tryIt.profile.email', message: 'Email'}),
    userName: translate({id: 'tryIt.profile.userName', message: 'User name'}),
    role: translate({id: 'tryIt.profile.role', message: 'Role'}),
    status: translate({id: 'tryIt.profile.status', message: 'Status'}),
    empty: '—',
    raw: translate({id: 'tryIt.profile.raw', message: 'Raw JSON'}),
    describeRole: (profile: PortalProfile) => ROLE[describeRole(profile)],
    describeAccount,
  };

  const SECOND_FACTOR = {
    code: translate({id: 'tryIt.secondFactor.code', message: 'Authentication code'}),
    confirm: translate({id: 'tryIt.secondFactor.confirm', message: 'Confirm code'}),
    setupLink: translate({id: 'tryIt.secondFactor.setupLink', message: 'Open the set-up page in the portal'}),
    key: translate({id: 'tryIt.secondFactor.key', message: 'Key to enter in the authenticator app by hand:'}),
  };

  /** What the second-factor step says above its fields: a heading in bold, then the rest. */
  function describeSecondFactor(step: SecondFactorStep): {lead?: string; text: string} {
    if (step.method === 'sms') {
      if (step.setupRequired) {
        return {
          lead: translate({id: 'tryIt.secondFactor.sms.setupLead', message: 'This portal asks this user for a second factor, but a phone for SMS codes is not set up yet.'}),
          text: translate({id: 'tryIt.secondFactor.sms.setupText', message: 'Set it up in the portal first, then get a token again.'}),
        };
      }
      const sent = step.phoneNoise
        ? translate({id: 'tryIt.secondFactor.sms.sentTo', message: 'The portal sent a code by SMS to {phone}. Enter it to get the token.'}, {phone: step.phoneNoise})
        : translate({id: 'tryIt.secondFactor.sms.sent', message: 'The portal sent a code by SMS. Enter it to get the token.'});
      const time = step.codeExpires && new Intl.DateTimeFormat(locale, {timeStyle: 'short'}).format(step.codeExpires);
      return {text: time ? sent + translate({id: 'tryIt.secondFactor.sms.until', message: ' It works until {time}.'}, {time}) : sent};
    }
    if (step.setupRequired) {
      return {
        lead: translate({id: 'tryIt.secondFactor.app.setupLead', message: 'This portal asks this user for a second factor, but the authenticator app is not set up yet.'}),
        text: translate({
          id: 'tryIt.secondFactor.app.setupText',
          message: 'Add the portal to your authenticator app with the key below (or on the set-up page), then enter the code the app shows: the first right code activates the app and signs you in.',
        }),
      };
    }
    return {text: translate({id: 'tryIt.secondFactor.app.enterCode', message: 'The portal asks for a second factor: enter the code your authenticator app shows.'})};
  }

  const EXCHANGE = {
    title: translate({id: 'tryIt.exchange.title', message: 'The HTTP exchange'}),
    copy: translate({id: 'tryIt.exchange.copy', message: 'Copy as cURL'}),
    copiedWithToken: translate({id: 'tryIt.exchange.copiedWithToken', message: 'Copied, with your token.'}),
    copiedMasked: translate({id: 'tryIt.exchange.copiedMasked', message: 'Copied, with the token and password masked.'}),
    copyRefused: translate({id: 'tryIt.exchange.copyRefused', message: 'The browser did not allow copying.'}),
    via: {
      direct: translate({id: 'tryIt.exchange.via.direct', message: 'direct'}),
      proxy: translate({id: 'tryIt.exchange.via.proxy', message: 'via this site’s proxy'}),
    } satisfies Record<Exchange['via'], string>,
    noAnswer: translate({id: 'tryIt.exchange.noAnswer', message: '(no answer reached this page)'}),
    notSent: translate({id: 'tryIt.exchange.notSent', message: '(not sent)'}),
  };

  /** `POST /api/2.0/authentication · 200 · 45 ms · direct`; a call that never left the page says so instead of a time. */
  function exchangeSummary({request, response, sent, durationMs, via}: Exchange): string {
    const outcome = !sent
      ? translate({id: 'tryIt.exchange.summary.notSent', message: 'not sent'})
      : `${response ? response.status : translate({id: 'tryIt.exchange.summary.noAnswer', message: 'no answer'})} · ${durationMs} ms`;
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
