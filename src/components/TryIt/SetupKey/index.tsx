import {useId, useMemo, type ReactNode} from 'react';
import {translate} from '@docusaurus/Translate';
import {encode} from 'uqr';
import {useCopy} from '../state/useCopy';
import {createSetupKeyText, type SetupKeyText} from '../wording/setupKey';
import {otpauthUri} from './otpauth';
import styles from './styles.module.css';

export interface SetupKeyProps {
  /** The key the portal sent (`tfaKey`), if it sent one. */
  tfaKey?: string;
  /** Who the app lists the key under: the portal's host. */
  issuer: string;
  /** The user name the key belongs to. */
  account?: string;
}

/** The dark modules of a QR code as one SVG path: a rectangle per run of dark modules in a row. */
function darkModules(rows: boolean[][]): string {
  let path = '';
  rows.forEach((row, y) => {
    for (let x = 0; x < row.length; x++) {
      if (!row[x]) continue;
      const start = x;
      while (row[x + 1]) x++;
      path += `M${start} ${y}h${x - start + 1}v1h${start - x - 1}z`;
    }
  });
  return path;
}

/** The key as text, its copy button, and its QR code drawn on the page from the key URI (no image is fetched; the key goes nowhere). */
function KeyAndCode({tfaKey, issuer, account, text}: SetupKeyProps & {tfaKey: string; text: SetupKeyText}): ReactNode {
  const {said, copy} = useCopy(tfaKey);
  const caption = useId();
  // A border of 4 modules is the quiet zone a scanner needs; dark on light in both colour modes, as scanners expect.
  const qr = useMemo(() => encode(otpauthUri({key: tfaKey, issuer, account}), {ecc: 'M', border: 4}), [tfaKey, issuer, account]);
  return (
    <>
      <p className={styles.line}>
        {text.key} <code className={styles.key}>{tfaKey}</code>
      </p>
      <div className={styles.copy}>
        <button type="button" className="button button--sm button--secondary" onClick={() => copy(tfaKey, {done: text.copied, refused: text.copyRefused})}>
          {text.copy}
        </button>
        <span role="status">{said}</span>
      </div>
      <figure className={styles.figure}>
        <svg role="img" aria-labelledby={caption} className={styles.qr} viewBox={`0 0 ${qr.size} ${qr.size}`} shapeRendering="crispEdges">
          <rect width={qr.size} height={qr.size} fill="#fff" />
          <path d={darkModules(qr.data)} fill="#000" />
        </svg>
        <figcaption id={caption}>{text.qrCode}</figcaption>
      </figure>
    </>
  );
}

/**
 * An authenticator app still to be set up: what to do, and the key the portal sent with its copy
 * button and QR code. Its own lazy chunk with its words and the QR encoder, loaded only for this
 * rare step; the code field and the set-up link stay in SecondFactor.
 */
export default function SetupKey({tfaKey, issuer, account}: SetupKeyProps): ReactNode {
  const text = useMemo(() => createSetupKeyText(translate), []);
  return (
    <>
      <p className={styles.line}>
        <strong>{text.lead}</strong> {text.text}
      </p>
      {tfaKey && <KeyAndCode tfaKey={tfaKey} issuer={issuer} account={account} text={text} />}
    </>
  );
}
