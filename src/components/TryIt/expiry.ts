/** How long a token lives, in words: pure, so the wording is unit-tested. */
import {isSessionExpiry, type AuthToken} from '../../docspace';

const UNITS: [Intl.RelativeTimeFormatUnit, number, number][] = [
  // unit, its length in ms, and up to how many of it we count before moving to the next unit
  ['second', 1000, 60],
  ['minute', 60_000, 60],
  ['hour', 3_600_000, 24],
  ['day', 86_400_000, 30],
  ['month', 2_629_746_000, 24],
  ['year', 31_556_952_000, Infinity],
];

/** "in 12 months", "in 3 days", "5 minutes ago". */
export function relativeTime(to: Date, now: Date, locale?: string): string {
  const format = new Intl.RelativeTimeFormat(locale, {numeric: 'auto'});
  const diff = to.getTime() - now.getTime();
  for (const [unit, ms, limit] of UNITS) {
    const amount = Math.round(diff / ms);
    if (Math.abs(amount) < limit) return format.format(amount, unit);
  }
  return format.format(Math.round(diff / UNITS[UNITS.length - 1][1]), 'year');
}

/**
 * "expires 13 August 2027 at 10:15 (in 12 months)"; for a session token, "ends with the session";
 * for an expiry the client could not read, what the portal sent, rather than a guess.
 */
export function describeExpiry({expires, expiresRaw}: Pick<AuthToken, 'expires' | 'expiresRaw'>, now: Date, locale?: string): string {
  if (!expires) {
    return isSessionExpiry(expiresRaw) ? 'ends with the session' : `has an expiry this page cannot read (“${expiresRaw}”)`;
  }
  const date = new Intl.DateTimeFormat(locale, {dateStyle: 'long', timeStyle: 'short'}).format(expires);
  return `expires ${date} (${relativeTime(expires, now, locale)})`;
}
