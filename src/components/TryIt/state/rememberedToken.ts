/**
 * "Remember for this tab": the token in sessionStorage, only while the reader asks for it, and
 * never the password.
 */
import {useEffect, useState} from 'react';
import {normalizePortalUrl, type AuthToken} from '../../../docspace';
import type {Route} from './machine';

const TAB_TOKEN_KEY = 'docspace-guide:token';

interface RememberedToken {
  /** The portal's origin, exactly as normalizePortalUrl made it. */
  portal: string;
  route: Route;
  token: string;
  expiresRaw: string;
}

const isOrigin = (text: string) => {
  const portal = normalizePortalUrl(text);
  return portal.ok && portal.origin === text;
};

/** The token this tab kept, if any (sessionStorage is anyone's to edit: its shape, and that the portal is an origin, are checked). */
export function readRememberedToken(): RememberedToken | null {
  try {
    const saved = JSON.parse(sessionStorage.getItem(TAB_TOKEN_KEY) ?? 'null') as Partial<RememberedToken> | null;
    const valid =
      saved &&
      typeof saved.token === 'string' &&
      typeof saved.portal === 'string' &&
      isOrigin(saved.portal) &&
      typeof saved.expiresRaw === 'string' &&
      (saved.route === 'direct' || saved.route === 'proxy');
    return valid ? (saved as RememberedToken) : null;
  } catch {
    return null;
  }
}

/** The tick box's value, and keeping sessionStorage in step with it and with the token of the flow. */
export function useRememberInTab(initially: boolean, token: AuthToken | undefined, origin: string | undefined, route: Route) {
  const [rememberInTab, setRememberInTab] = useState(initially);
  useEffect(() => {
    try {
      if (rememberInTab && token && origin) {
        const saved: RememberedToken = {portal: origin, route, token: token.token, expiresRaw: token.expiresRaw};
        sessionStorage.setItem(TAB_TOKEN_KEY, JSON.stringify(saved));
      } else if (!token || !rememberInTab) {
        sessionStorage.removeItem(TAB_TOKEN_KEY);
      }
    } catch {
      // storage disabled: the token stays in memory only
    }
  }, [rememberInTab, token, origin, route]);
  return [rememberInTab, setRememberInTab] as const;
}
