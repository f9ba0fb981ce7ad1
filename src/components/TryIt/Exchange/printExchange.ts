import {REDACTED, type Exchange} from '../../../docspace';
import type {PanelText} from '../wording/panel';

function pretty(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

/** The answer's body, with `token` put back only where the portal issued it (`response.token`). */
function revealIssuedToken(body: string, token: string): string {
  try {
    const json = JSON.parse(body) as {response?: {token?: unknown}};
    if (json?.response?.token === REDACTED) json.response.token = token;
    return JSON.stringify(json, null, 2);
  } catch {
    return pretty(body);
  }
}

/**
 * The exchange as the guide prints it. The client masks every secret; a shown token is put back
 * only where a token is (the Authorization header and the issued token of the answer), never in
 * place of the password or of anything else the portal echoed.
 */
export function printExchange(
  {request, response, sent}: Exchange,
  notes: Pick<PanelText['EXCHANGE'], 'noAnswer' | 'notSent'>,
  revealToken?: string,
): string {
  const url = new URL(request.url);
  const lines = [`${request.method} ${url.pathname}${url.search} HTTP/1.1`, `Host: ${url.host}`];
  for (const [name, value] of Object.entries(request.headers)) {
    lines.push(`${name}: ${revealToken && name.toLowerCase() === 'authorization' ? value.split(REDACTED).join(revealToken) : value}`);
  }
  if (request.body !== undefined) lines.push('', pretty(request.body));
  lines.push('');
  if (!response) {
    lines.push(sent ? notes.noAnswer : notes.notSent);
    return lines.join('\n');
  }
  lines.push(`HTTP/1.1 ${response.status} ${response.statusText}`.trimEnd());
  const type = response.headers['content-type'];
  if (type) lines.push(`Content-Type: ${type}`);
  if (response.body) lines.push('', revealToken ? revealIssuedToken(response.body, revealToken) : pretty(response.body));
  return lines.join('\n');
}
