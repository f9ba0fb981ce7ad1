import {useState, type ReactNode} from 'react';
import {REDACTED, toCurl, type Exchange} from '../../docspace';
import styles from './styles.module.css';

export interface TryItExchangeProps {
  exchanges: Exchange[];
  /** The token, once the reader has asked to see it; the password is never shown. */
  revealToken?: string;
}

function pretty(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

/**
 * The exchange as the guide prints it. The client masks every secret; a shown token is put back
 * only where a token goes (the Authorization header and the answer), never into the request body.
 */
function printExchange({request, response}: Exchange, revealToken?: string): string {
  const reveal = (text: string) => (revealToken ? text.split(REDACTED).join(revealToken) : text);
  const url = new URL(request.url);
  const lines = [`${request.method} ${url.pathname}${url.search} HTTP/1.1`, `Host: ${url.host}`];
  for (const [name, value] of Object.entries(request.headers)) {
    lines.push(`${name}: ${name.toLowerCase() === 'authorization' ? reveal(value) : value}`);
  }
  if (request.body !== undefined) lines.push('', pretty(request.body));
  lines.push('');
  if (!response) {
    lines.push('(no answer this page may read)');
    return lines.join('\n');
  }
  lines.push(`HTTP/1.1 ${response.status} ${response.statusText}`.trimEnd());
  const type = response.headers['content-type'];
  if (type) lines.push(`Content-Type: ${type}`);
  if (response.body) lines.push('', reveal(pretty(response.body)));
  return lines.join('\n');
}

function ExchangeBlock({exchange, revealToken}: {exchange: Exchange; revealToken?: string}): ReactNode {
  const [copied, setCopied] = useState('');
  const copy = () => {
    navigator.clipboard.writeText(toCurl(exchange, {revealToken})).then(
      () => setCopied(revealToken ? 'Copied, with your token.' : 'Copied, with the token and password masked.'),
      () => setCopied('The browser did not allow copying.'),
    );
  };
  const {method, url} = exchange.request;
  return (
    <li className={styles.exchange}>
      <div className={styles.header}>
        <span>
          {method} {new URL(url).pathname} · {exchange.response ? exchange.response.status : 'no answer'} · {exchange.durationMs} ms ·{' '}
          {exchange.via === 'proxy' ? 'via this site’s proxy' : 'direct'}
        </span>
        <button type="button" className="button button--sm button--secondary" onClick={copy}>
          Copy as cURL
        </button>
      </div>
      <pre className={styles.http} tabIndex={0}>{printExchange(exchange, revealToken)}</pre>
      <p role="status" className={styles.copied}>
        {copied}
      </p>
    </li>
  );
}

/** Every call of the current flow, oldest first. */
export default function TryItExchange({exchanges, revealToken}: TryItExchangeProps): ReactNode {
  return (
    <div>
      <p className={styles.title}>
        <strong>The HTTP exchange</strong>
      </p>
      <ol className={styles.list}>
        {exchanges.map((exchange, index) => (
          <ExchangeBlock key={index} exchange={exchange} revealToken={revealToken} />
        ))}
      </ol>
    </div>
  );
}
