import type {ReactNode} from 'react';
import {useSecondsWaited} from '../state/useSecondsWaited';
import {usePanelText} from '../wording/usePanelText';
import styles from './styles.module.css';

export interface WaitingProps {
  /** The call in flight: the count starts again for each one. */
  call: object;
  onCancel(): void;
}

/** How long the call in flight has waited, and Cancel beside it. */
export default function Waiting({call, onCancel}: WaitingProps): ReactNode {
  const {FORM} = usePanelText();
  const seconds = useSecondsWaited(call);
  return (
    <>
      {/* role="timer" is a live region that is off: a screen reader reads it when asked, not every second. */}
      <span role="timer" className={styles.waited}>
        {FORM.waited(seconds)}
      </span>
      <button type="button" className="button button--danger" onClick={onCancel}>
        {FORM.cancel}
      </button>
    </>
  );
}
