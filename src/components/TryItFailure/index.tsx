import {useEffect, useRef, type ReactNode} from 'react';
import {toCurl, type DocSpaceFailure, type Exchange} from '../../docspace';
import {describeFailure} from '../TryIt/describeFailure';
import type {Route, TryItCall} from '../TryIt/useTryIt';
import styles from './styles.module.css';

export interface TryItFailureProps {
  failure: DocSpaceFailure;
  call: TryItCall;
  route: Route;
  hasProxy: boolean;
  exchange?: Exchange;
  onResendThroughProxy?: () => void;
}

/** One failure, said precisely; focused so a screen reader reads it at once. */
export default function TryItFailure(props: TryItFailureProps): ReactNode {
  const {failure, exchange, onResendThroughProxy} = props;
  const text = describeFailure(failure, {call: props.call, route: props.route, hasProxy: props.hasProxy, exchange});
  const alert = useRef<HTMLDivElement>(null);
  useEffect(() => alert.current?.focus(), [failure]);

  return (
    <div ref={alert} role="alert" tabIndex={-1} className={styles.failure}>
      <p className={styles.title}>{text.title}</p>
      {text.detail && <p className={styles.line}>{text.detail}</p>}
      {text.advice.map((paragraph) => (
        <p key={paragraph} className={styles.line}>
          {paragraph}
        </p>
      ))}
      {text.bodyStart !== undefined && <pre className={styles.code} tabIndex={0}>{text.bodyStart}</pre>}
      {onResendThroughProxy && (
        <div>
          <button type="button" className="button button--primary" onClick={onResendThroughProxy}>
            Send through this site’s proxy
          </button>
        </div>
      )}
      {text.offerCurl && exchange && (
        <>
          <p className={styles.line}>The same call with cURL (password masked: put yours in):</p>
          <pre className={styles.code} tabIndex={0}>{toCurl(exchange)}</pre>
        </>
      )}
    </div>
  );
}
