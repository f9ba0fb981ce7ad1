/**
 * The framework-free DocSpace client: runs in the browser, in Node and on edge runtimes.
 * Every call resolves to a result (never throws) carrying the redacted exchange.
 */
export {normalizePortalUrl, resolvePortalAsset} from './url';
export {parseExpires, isSessionExpiry} from './expires';
export {REDACTED, toCurl, type CurlOptions} from './exchange';
export {authenticate, confirmCode, getSelf, signOut} from './calls';
export {createKey, deleteKey, getSelfKey, listKeyScopes, listKeys, updateKey} from './keys';
export {accountStatus, describeRole} from './profile';
export type * from './types';
