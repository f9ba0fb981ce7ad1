/** The sandbox's environment settings, shared by `npm run sandbox` and `npm start`. */
import {portFromEnv} from '../node-server';

const DEFAULT_SANDBOX_PORT = 8092;

/** SANDBOX_PORT as a port number (unset: 8092), or a message saying what is wrong with it. */
export function sandboxPortFrom(value: string | undefined): {port: number} | {problem: string} {
  return portFromEnv('SANDBOX_PORT', value, DEFAULT_SANDBOX_PORT);
}

/** SANDBOX_CORS=off turns CORS headers off; anything else keeps `*`. */
export function sandboxCorsFrom(value: string | undefined): boolean {
  return value?.trim().toLowerCase() !== 'off';
}
