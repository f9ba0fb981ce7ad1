import {PORTAL_CALLS} from './contract';
import {parseExpires} from './expires';
import {payloadOf, send, unexpected} from './request';
import type {
  AuthenticateOptions,
  AuthenticationPayload,
  AuthenticationResult,
  AuthToken,
  ConfirmCodeOptions,
  ConfirmCodeResult,
  PortalProfile,
  SecondFactorStep,
  SelfResult,
  SignOutResult,
  TokenCallOptions,
} from './types';

const str = (value: unknown) => (typeof value === 'string' && value ? value : undefined);

function tokenOf(payload: AuthenticationPayload): AuthToken | undefined {
  const token = str(payload.token);
  const expiresRaw = str(payload.expires) ?? '';
  return token ? {token, expires: parseExpires(expiresRaw), expiresRaw} : undefined;
}

function secondFactorOf(payload: AuthenticationPayload): SecondFactorStep | undefined {
  const confirmUrl = str(payload.confirmUrl);
  const tfaKey = str(payload.tfaKey);
  const phoneNoise = str(payload.phoneNoise);
  let step: SecondFactorStep;
  if (payload.tfa === true) step = {method: 'app', setupRequired: !!tfaKey || /TfaActivation/i.test(confirmUrl ?? '')};
  else if (payload.sms === true) step = {method: 'sms', setupRequired: !phoneNoise || /PhoneActivation/i.test(confirmUrl ?? '')};
  else return undefined;
  if (confirmUrl) step.confirmUrl = confirmUrl;
  if (tfaKey) step.tfaKey = tfaKey;
  if (phoneNoise) step.phoneNoise = phoneNoise;
  if (step.method === 'sms' && payload.expires) step.codeExpires = parseExpires(payload.expires);
  return step;
}

/** PORTAL_CALLS.authenticate: a token, or the second factor the portal asks for. */
export async function authenticate(opts: AuthenticateOptions): Promise<AuthenticationResult> {
  const {userName, password, session} = opts;
  const sent = await send(opts, {
    call: PORTAL_CALLS.authenticate,
    params: {},
    body: session === undefined ? {userName, password} : {userName, password, session},
  });
  if (!sent.ok) return sent;
  const payload = payloadOf(sent.json) as AuthenticationPayload;
  const token = tokenOf(payload);
  if (token) return {ok: true, step: 'token', token, exchange: sent.exchange};
  const secondFactor = secondFactorOf(payload);
  if (secondFactor) return {ok: true, step: 'second-factor', secondFactor, exchange: sent.exchange};
  return unexpected(sent, 'token-or-second-factor');
}

/** PORTAL_CALLS.confirmCode: trades the code from the app or the SMS for a token. */
export async function confirmCode(opts: ConfirmCodeOptions): Promise<ConfirmCodeResult> {
  const {userName, password} = opts;
  // Readers copy codes as "123 456"; the portal's own client sends the code in the path and the body.
  const code = String(opts.code).replace(/\s/g, '');
  const sent = await send(opts, {call: PORTAL_CALLS.confirmCode, params: {code}, body: {userName, password, code}});
  if (!sent.ok) return sent;
  const token = tokenOf(payloadOf(sent.json));
  if (token) return {ok: true, step: 'token', token, exchange: sent.exchange};
  return unexpected(sent, 'token');
}

/** PORTAL_CALLS.getSelf: the profile of the token's owner. */
export async function getSelf(opts: TokenCallOptions): Promise<SelfResult> {
  const sent = await send(opts, {call: PORTAL_CALLS.getSelf, params: {}, token: opts.token});
  if (!sent.ok) return sent;
  const profile = payloadOf(sent.json);
  if (!str(profile.id)) return unexpected(sent, 'profile');
  if (typeof profile.displayName !== 'string') profile.displayName = '';
  return {ok: true, profile: profile as PortalProfile, exchange: sent.exchange};
}

/** PORTAL_CALLS.signOut: ends the session of the token. */
export async function signOut(opts: TokenCallOptions): Promise<SignOutResult> {
  const sent = await send(opts, {call: PORTAL_CALLS.signOut, params: {}, token: opts.token});
  return sent.ok ? {ok: true, exchange: sent.exchange} : sent;
}
