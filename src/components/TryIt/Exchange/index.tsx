import type {ReactNode} from 'react';
import {toCurl, type Exchange as ExchangeRecord} from '../../../docspace';
import {useCopy} from '../state/useCopy';
import {usePanelText} from '../wording/usePanelText';
import {printExchange} from './printExchange';
import styles from './styles.module.css';

export interface ExchangeProps {
  exchanges: ExchangeRecord[];
  /** The token, once the reader has asked to see it; the password is never shown. */
  revealToken?: string;
}

function ExchangeBlock({exchange, revealToken}: {exchange: ExchangeRecord; revealToken?: string}): ReactNode {
  const {EXCHANGE, exchangeSummary} = usePanelText();
  const {said, copy} = useCopy(exchange);
  const copyCurl = () =>
    copy(toCurl(exchange, {revealToken}), {done: revealToken ? EXCHANGE.copiedWithToken : EXCHANGE.copiedWithVariables, refused: EXCHANGE.copyRefused});
  return (
    <li className={styles.exchange}>
      <div className={styles.header}>
        <span>{exchangeSummary(exchange)}</span>
        <button type="button" className="button button--sm button--secondary" onClick={copyCurl}>
          {EXCHANGE.copy}
        </button>
      </div>
      <pre className={styles.http} tabIndex={0}>{printExchange(exchange, EXCHANGE, revealToken)}</pre>
      <p role="status" className={styles.copied}>
        {said}
      </p>
    </li>
  );
}

/** Every call of the current flow, oldest first. */
export default function Exchange({exchanges, revealToken}: ExchangeProps): ReactNode {
  const {EXCHANGE} = usePanelText();
  return (
    <div>
      <p className={styles.title}>
        <strong>{EXCHANGE.title}</strong>
      </p>
      <ol className={styles.list}>
        {exchanges.map((exchange, index) => (
          <ExchangeBlock key={index} exchange={exchange} revealToken={revealToken} />
        ))}
      </ol>
    </div>
  );
}
