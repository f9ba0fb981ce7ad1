/**
 * theme-common's `utils/reactUtils` for theme-common itself, with `useShallowMemoObject` sorting
 * its keys by code unit instead of `localeCompare` (every import of the module inside theme-common
 * is pointed here: ./index.ts; everything else is the original, re-exported).
 *
 * The hook only needs a stable order. `localeCompare` builds the ICU collator on its first call,
 * and on the guide the first call is the phone sidebar's `NavbarSecondaryMenuFiller`, mounted in
 * the re-render after hydration: ~24 ms with the CPU slowed 4× (`npm run bench:profile`), as the
 * word-wrap hook's was (./theme/CodeBlock/Content/useCodeWordWrap.ts).
 */
import {useMemo} from 'react';

export * from '@startup/theme-common-react-utils';

export function useShallowMemoObject<O extends object>(obj: O): O {
  const deps = Object.entries(obj);
  deps.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the object's own entries are the deps, as upstream
  return useMemo(() => obj, deps.flat());
}
