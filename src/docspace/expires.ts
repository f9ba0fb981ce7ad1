// Portals send seven fractional digits (`2027-08-13T10:15:30.1234567Z`), which not every
// `Date` parser accepts, so the fields are read by hand.
const TIMESTAMP = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(?:\.(\d{1,7}))?(Z|([+-])(\d\d):?(\d\d))?$/i;

/** True for .NET's `DateTime.MinValue` (`0001-01-01T00:00:00`): a token bound to the session. */
export function isSessionExpiry(raw: unknown): boolean {
  return typeof raw === 'string' && /^0001-01-01T00:00:00(\.0*)?(Z|[+-]00:?00)?$/i.test(raw.trim());
}

/**
 * The `expires` of an authentication answer as a Date: with `Z`, with an offset such as
 * `+03:00`, or without a zone (read as UTC, the server's clock). Null for a session-bound
 * token and for text that is not such a timestamp (check with isSessionExpiry which it was).
 */
export function parseExpires(raw: unknown): Date | null {
  if (typeof raw !== 'string' || isSessionExpiry(raw)) return null;
  const m = TIMESTAMP.exec(raw.trim());
  if (!m) return null;
  const [year, month, day, hours, minutes, seconds] = m.slice(1, 7).map(Number);
  const offsetMinutes = m[9] ? (m[9] === '-' ? -1 : 1) * (+m[10] * 60 + +m[11]) : 0;
  if (hours > 23 || minutes > 59 || seconds > 59 || +m[10] > 23 || +m[11] > 59) return null;
  const date = new Date(0);
  // setUTCFullYear, not Date.UTC, which maps years 0-99 to 1900-1999.
  date.setUTCFullYear(year, month - 1, day);
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  date.setUTCHours(hours, minutes - offsetMinutes, seconds, +(m[7] ?? '0').padEnd(3, '0').slice(0, 3));
  return date;
}
