// theme-common's own `lib/utils/reactUtils.js` (aliased in ./index.ts for ./react-utils.ts), typed
// from the same functions as theme-common exports them; the fifth, useShallowMemoObject, is ours.
declare module '@startup/theme-common-react-utils' {
  export {useEvent, usePrevious, composeProviders, ReactContextError} from '@docusaurus/theme-common';
}
