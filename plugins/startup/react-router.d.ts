// react-router 5 exports the context useHistory() reads, untyped in @types/react-router (./deep-imports.ts).
import 'react-router';
import type {Context} from 'react';

declare module 'react-router' {
  export const __HistoryContext: Context<ReturnType<typeof import('react-router').useHistory>>;
}
