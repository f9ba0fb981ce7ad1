/**
 * The key URI an authenticator app reads from a QR code (Google Authenticator's "Key Uri Format",
 * which the other apps follow): `otpauth://totp/<issuer>:<account>?secret=<key>&issuer=<issuer>`,
 * the label's parts and the issuer URL-encoded, the key without the spaces a portal may group it with.
 */
export function otpauthUri({key, issuer, account}: {key: string; issuer: string; account?: string}): string {
  const label = account ? `${encodeURIComponent(issuer)}:${encodeURIComponent(account)}` : encodeURIComponent(issuer);
  return `otpauth://totp/${label}?secret=${encodeURIComponent(key.replace(/\s+/g, ''))}&issuer=${encodeURIComponent(issuer)}`;
}
