/** HighlightedLines in the server bundle, null in the browser's (aliased in ./index.ts). */
declare module '@lazy-prism/server-lines' {
  const serverLines: typeof import('../../src/theme/CodeBlock/Content/HighlightedLines').default | null;
  export default serverLines;
}
