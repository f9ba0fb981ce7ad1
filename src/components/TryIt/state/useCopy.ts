import {useEffect, useState} from 'react';

export interface CopyWords {
  /** Said once the text is on the clipboard. */
  done: string;
  /** Said when the browser refused clipboard access. */
  refused: string;
}

/**
 * Copies text to the clipboard and says how it went, for the status line under a copy button.
 * The line empties when `subject` changes (a new token, another failure), so it never speaks of
 * something no longer shown.
 */
export function useCopy(subject: unknown): {said: string; copy(text: string, words: CopyWords): void} {
  const [said, setSaid] = useState('');
  useEffect(() => setSaid(''), [subject]);
  return {
    said,
    copy(text, {done, refused}) {
      navigator.clipboard.writeText(text).then(
        () => setSaid(done),
        () => setSaid(refused),
      );
    },
  };
}
