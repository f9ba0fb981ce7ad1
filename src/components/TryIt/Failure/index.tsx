import {useEffect, useRef, type ReactNode} from 'react';
import {toCurl} from '../../../docspace';
import {translate} from '@docusaurus/Translate';
import type {TryItFailure} from '../state/machine';
import {useCopy} from '../state/useCopy';
import {createFailureText, type FailureContext} from '../wording/failure';
import {guideLinkText, guideSectionOf} from '../wording/guideSections';
import styles from './styles.module.css';

// Translated once: a build has one locale, and failures need no dates.
const {FAILURE, describeFailure} = createFailureText(translate);
const GUIDE_LINK = guideLinkText(translate);

export interface FailureProps {
  failure: TryItFailure;
  context: FailureContext;
  onResendThroughProxy?: () => void;
  /** Focus the alert when it appears (default), so a screen reader reads it at once. */
  takeFocus?: boolean;
}

/** One failure, said precisely: what happened, the call as the client saw it, and what to do. */
export default function Failure({failure, context, onResendThroughProxy, takeFocus = true}: FailureProps): ReactNode {
  const text = describeFailure(failure, context);
  const {exchange} = context;
  const section = guideSectionOf(failure, context.call, exchange);
  const alert = useRef<HTMLDivElement>(null);
  const {said, copy} = useCopy(failure);
  useEffect(() => {
    if (takeFocus) alert.current?.focus();
  }, [failure, takeFocus]);

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
            {FAILURE.resendThroughProxy}
          </button>
        </div>
      )}
      {text.offerCurl && exchange && (
        <>
          <p className={styles.line}>{FAILURE.curl}</p>
          <pre className={styles.code} tabIndex={0}>{toCurl(exchange)}</pre>
          <div className={styles.copy}>
            <button type="button" className="button button--sm button--secondary" onClick={() => copy(toCurl(exchange), {done: FAILURE.copied, refused: FAILURE.copyRefused})}>
              {FAILURE.copyCurl}
            </button>
            <span role="status">{said}</span>
          </div>
        </>
      )}
      {section && (
        <p className={styles.line}>
          <a href={`#${section}`}>{GUIDE_LINK}</a>
        </p>
      )}
    </div>
  );
}
