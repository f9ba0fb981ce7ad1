/** The sandbox's environment settings, shared by `npm run sandbox` and `npm start`. */

export const DEFAULT_SANDBOX_PORT = 8092;

/** SANDBOX_PORT as a port number (unset: 8092), or a message saying what is wrong with it. */
export function sandboxPortFrom(value: string | undefined): {port: number} | {problem: string} {
  if (value === undefined || value.trim() === '') return {port: DEFAULT_SANDBOX_PORT};
  const port = Number(value);
  return /^\d+$/.test(value.trim()) && port <= 65535
    ? {port}
    : {problem: `SANDBOX_PORT must be a port number from 0 to 65535, not "${value}"`};
}

/** SANDBOX_CORS=off turns CORS headers off; anything else keeps `*`. */
export function sandboxCorsFrom(value: string | undefined): boolean {
  return value?.trim().toLowerCase() !== 'off';
}
