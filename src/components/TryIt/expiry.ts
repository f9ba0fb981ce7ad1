/** How long a token lives, in words: pure, so the wording is unit-tested. */

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

/** "Expires 13 August 2027 at 10:15 (in 12 months)" or, for a session token, "ends with the session". */
export function describeExpiry(expires: Date | null, now: Date, locale?: string): string {
  if (!expires) return 'ends with the session';
  const date = new Intl.DateTimeFormat(locale, {dateStyle: 'long', timeStyle: 'short'}).format(expires);
  return `expires ${date} (${relativeTime(expires, now, locale)})`;
}
