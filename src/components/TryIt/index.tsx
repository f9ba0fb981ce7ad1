import type {ReactNode} from 'react';

/** The try-it widget (placeholder until the widget lands). */
export default function TryIt(): ReactNode {
  return null;
}
