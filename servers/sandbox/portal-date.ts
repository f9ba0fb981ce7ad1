/**
 * Formats an instant the way portals write `expires`: UTC, a `Z`, and seven fractional digits
 * (.NET ticks). JavaScript only has milliseconds, so the last four digits are always zero.
 */
export function formatPortalDate(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/Z$/, '0000Z');
}

/** What portals send as `expires` for a session-bound token. */
export const SESSION_EXPIRES = '0001-01-01T00:00:00';
