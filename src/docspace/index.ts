/**
 * The framework-free DocSpace client: runs in the browser, in Node and on edge runtimes.
 * Every call resolves to a result (never throws) carrying the redacted exchange.
 * The API key calls are imported from './keys' itself: not re-exported here, so the sign-in
 * widget's chunk, which imports this module, carries none of them.
 */
export {normalizePortalUrl, resolvePortalAsset} from './url';
export {parseExpires, isSessionExpiry} from './expires';
export {REDACTED, toCurl, type CurlOptions} from './exchange';
export {authenticate, confirmCode, getSelf, signOut} from './calls';
export {accountStatus, describeRole} from './profile';
export type * from './types';
