import {useState} from 'react';

export interface CopyWords {
  /** Said once the text is on the clipboard. */
  done: string;
  /** Said when the browser refused clipboard access. */
  refused: string;
}

/**
 * Copies text to the clipboard and says how it went, for the status line under a copy button.
 * What is said belongs to the `subject` it was said of (a token, an exchange, a failure): when the
 * subject changes, the line is empty in that very render, not one effect later (the sign-out call
 * would take the sign-in call's place in the list and, for a frame, its "Copied"), and a copy that
 * finishes after its subject went says nothing.
 */
export function useCopy(subject: unknown): {said: string; copy(text: string, words: CopyWords): void} {
  const [said, setSaid] = useState<{subject: unknown; text: string}>({subject, text: ''});
  return {
    said: said.subject === subject ? said.text : '',
    copy(text, {done, refused}) {
      navigator.clipboard.writeText(text).then(
        () => setSaid({subject, text: done}),
        () => setSaid({subject, text: refused}),
      );
    },
  };
}
