/**
 * What a call brings back, shown once there is an answer: the token, the profile and the HTTP
 * exchanges. One chunk of its own, which the widget starts fetching as the first call is sent
 * (Widget/index.tsx), so the form's own chunk stays small and the parts are there by the answer.
 */
export {default as Exchange} from './Exchange';
export {default as Profile} from './Profile';
export {default as Token} from './Token';
