/** Answers shaped the way a DocSpace portal shapes them (see the contract's "Envelope"). */

const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * `{"response": ..., "count", "links", "status": 0, "statusCode"}`; null fields are left out, as
 * portals do. `count` is a list's length, 1 for one object or value, 0 without a payload.
 */
export function envelopeResponse(
  request: Request,
  payload: unknown,
  init: {status?: number; headers?: HeadersInit} = {},
): Response {
  const status = init.status ?? 200;
  const body = {
    ...(payload === undefined ? {} : {response: Array.isArray(payload) ? payload.map(withoutNulls) : withoutNulls(payload)}),
    count: payload === undefined ? 0 : Array.isArray(payload) ? payload.length : 1,
    links: [{href: request.url, action: request.method}],
    status: 0,
    statusCode: status,
  };
  const headers = new Headers(init.headers);
  headers.set('Content-Type', JSON_TYPE);
  return new Response(JSON.stringify(body), {status, headers});
}

/** `{"error": {"message", "type": null, "stack": null, "hresult": 0}, "status": 1, "statusCode"}`. */
export function errorResponse(status: number, message: string, headers?: HeadersInit): Response {
  const body = {error: {message, type: null, stack: null, hresult: 0}, status: 1, statusCode: status};
  const allHeaders = new Headers(headers);
  allHeaders.set('Content-Type', JSON_TYPE);
  return new Response(JSON.stringify(body), {status, headers: allHeaders});
}

/** What a portal sends to a request without a valid token: 401 and no body at all. */
export function unauthorizedResponse(): Response {
  return new Response(null, {status: 401});
}

function withoutNulls(payload: unknown): unknown {
  if (payload === null || typeof payload !== 'object') return payload;
  return Object.fromEntries(Object.entries(payload).filter(([, value]) => value !== null && value !== undefined));
}
